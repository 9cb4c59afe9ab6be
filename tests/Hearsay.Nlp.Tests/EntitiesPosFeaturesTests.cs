using Hearsay.Core.Documents;
using Hearsay.Nlp.Entities;

namespace Hearsay.Nlp.Tests;

public class EntitiesPosFeaturesTests
{
    /// <summary>The same words are a name when tagged NNP and not when tagged NN: only the POS templates can tell.</summary>
    private static List<LabeledSentence> Synthetic()
    {
        var result = new List<LabeledSentence>();
        for (int i = 0; i < 80; i++)
        {
            bool name = i % 2 == 0;
            var s = new LabeledSentence(["we", "saw", "Amber", "today", "."], name ? [new EntitySpan(2, 3, EntityLabel.Person)] : [])
            {
                Pos = ["PRP", "VBD", name ? "NNP" : "NN", "NN", "."],
            };
            result.Add(s);
        }

        return result;
    }

    private static NerModel Train() =>
        new NerTrainer(new NerTrainerOptions { Epochs = 5, BucketBits = 14, GazetteerFolds = 2, Gazetteer = false, LowercaseCopies = 0 }, TextWriter.Null)
            .Train(Synthetic(), null, posTagger: words => [.. words.Select(_ => "NN")]);

    private static List<EntitySpan> Predict(NerModel model, string tag)
    {
        var s = new LabeledSentence(["we", "saw", "Amber", "today", "."], []) { Pos = ["PRP", "VBD", tag, "NN", "."] };
        return model.PredictSentences([s], consistency: false)[0];
    }

    [Fact]
    public void Tags_of_the_tagger_decide_between_identical_words()
    {
        var model = Train();
        model.UsesPos.ShouldBeTrue();
        Predict(model, "NNP").ShouldBe([new EntitySpan(2, 3, EntityLabel.Person)]);
        Predict(model, "NN").ShouldBeEmpty();
    }

    [Fact]
    public void A_pos_model_round_trips_and_makes_the_stage_require_pos()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-ner-pos-{Guid.NewGuid():N}.bin");
        try
        {
            Train().Save(path);
            var loaded = NerModel.Load(path);
            loaded.UsesPos.ShouldBeTrue();
            Predict(loaded, "NNP").ShouldBe([new EntitySpan(2, 3, EntityLabel.Person)]);
            new EntityRecognizer(loaded).Requires.ShouldBe(Layers.Tokens | Layers.Sentences | Layers.PartOfSpeech);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
