using Hearsay.Core.Documents;
using Hearsay.Nlp.Entities;

namespace Hearsay.Nlp.Tests;

public class EntitiesStackedTests
{
    private static List<LabeledSentence> Synthetic()
    {
        string[] people = ["Alice Smith", "Bob Jones", "Carla Diaz", "Dan Brown"];
        string[] places = ["Paris", "Kabul", "Tokyo", "Cairo"];
        var result = new List<LabeledSentence>();
        for (int i = 0; i < 80; i++)
        {
            var person = people[i % people.Length].Split(' ');
            var place = places[(i / 2) % places.Length];
            string[] words = [.. person, "said", "in", place, "."];
            EntitySpan[] spans = [new(0, 2, EntityLabel.Person), new(4, 5, EntityLabel.Loc)];
            result.Add(new LabeledSentence(words, spans) { Document = i / 4 });
        }

        return result;
    }

    private static NerModel TrainStacked() =>
        new NerTrainer(new NerTrainerOptions { Epochs = 4, BucketBits = 14, GazetteerFolds = 2, Stacked = true }, TextWriter.Null).Train(Synthetic(), null);

    [Fact]
    public void Stacked_model_learns_and_survives_save_and_load()
    {
        var model = TrainStacked();
        var (text, tokens) = NerTrainer.Join(["Dan", "Brown", "said", "in", "Kabul", "."]);
        model.Predict(text, tokens).ShouldBe([new EntitySpan(0, 2, EntityLabel.Person), new EntitySpan(4, 5, EntityLabel.Loc)]);
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-ner-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = NerModel.Load(path);
            var predicted = loaded.PredictSentences(Synthetic(), consistency: false);
            predicted.ShouldBe(model.PredictSentences(Synthetic(), consistency: false));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Votes_count_the_other_occurrences_of_a_form_in_the_document()
    {
        var (text, tokens) = NerTrainer.Join(["HANO", "said", "no", ".", "HANO", "agreed", "."]);
        ArraySegment<Token>[] sentences = [new(tokens, 0, 4), new(tokens, 4, 3)];
        int orgUnit = 4 + 4; // U tag of label 1 (ORG)
        int[][] first = [[orgUnit, 0, 0, 0], [0, 0, 0]];
        ulong[][] votes = [new ulong[4 * LabelVotes.VotesPerToken], new ulong[3 * LabelVotes.VotesPerToken]];
        LabelVotes.Count(text, sentences, first, 3, votes);

        // The second "HANO" sees one other occurrence, tagged ORG (slot 2), all of them names.
        votes[1][0].ShouldBe(1UL + (2 * 16) + (2 * 4) + 1);

        // The first "HANO" sees one other occurrence, tagged O.
        votes[0][0].ShouldBe(1UL + (0 * 16) + (0 * 4) + 1);

        // "said" occurs once: no evidence.
        votes[0][LabelVotes.VotesPerToken].ShouldBe(0UL);
    }
}
