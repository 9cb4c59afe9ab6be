using Hearsay.Core.Documents;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Learning;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Nlp.Tests.Tagging;

public class WordClassTaggerTests
{
    private const string Corpus =
        "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tcats\tcat\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tsleep\tsleep\tVERB\tVBP\t_\t0\troot\t_\t_\n\n" +
        "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdogs\tdog\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tbark\tbark\tVERB\tVBP\t_\t0\troot\t_\t_\n\n";

    private static WordClasses Classes() => new(new Dictionary<ulong, ushort>
    {
        [FeatureHash.OfLower("cats")] = 1 + (3 * WordClasses.Fine) + 7,
        [FeatureHash.OfLower("ferrets")] = 1 + (3 * WordClasses.Fine) + 7,
        [FeatureHash.OfLower("sleep")] = 1 + (5 * WordClasses.Fine) + 9,
        [FeatureHash.OfLower("known")] = 1 + (5 * WordClasses.Fine) + 11,
    });

    [Fact]
    public void Words_of_one_class_share_class_hashes_and_the_table_survives_saving()
    {
        var train = ConlluReader.Read(new StringReader(Corpus));
        var model = TaggerTrainer.Train(train, null, 3, 1, "test", TextWriter.Null, Classes());
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-tagger-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = TaggerModel.Load(path);
            loaded.WordClasses.ShouldNotBeNull().Count.ShouldBe(4);
            var cats = loaded.Hashes("Cats");
            var ferrets = loaded.Hashes("ferrets");
            var sleep = loaded.Hashes("sleep");
            var unknown = loaded.Hashes("zyzzyva");
            ferrets.Fine.ShouldBe(cats.Fine);
            ferrets.Coarse.ShouldBe(cats.Coarse);
            sleep.Fine.ShouldNotBe(cats.Fine);
            unknown.Fine.ShouldNotBe(cats.Fine);
            unknown.Fine.ShouldNotBe(sleep.Fine);
            new PosTagger(loaded).TagWords(["the", "ferrets", "sleep"])[1].Upos.ShouldBe("NOUN");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_model_without_classes_loads_with_none()
    {
        var train = ConlluReader.Read(new StringReader(Corpus));
        var model = TaggerTrainer.Train(train, null, 2, 1, "test", TextWriter.Null);
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-tagger-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            TaggerModel.Load(path).WordClasses.ShouldBeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Document Tagged(PosTagger tagger, string text)
    {
        var doc = new Document(text);
        var words = text.Split(' ');
        var tokens = new Token[words.Length];
        int at = 0;
        for (int k = 0; k < words.Length; k++)
        {
            tokens[k] = new Token(new CharRange(at, at + words[k].Length), k + 1 < words.Length ? 1 : 0);
            at += words[k].Length + 1;
        }

        doc.SetTokens(tokens);
        doc.SetSentences([new Sentence(new TokenRange(0, tokens.Length), new CharRange(0, text.Length))]);
        tagger.Apply(doc, tagger.Predict(doc, CancellationToken.None));
        return doc;
    }

    [Fact]
    public void The_stage_puts_the_classes_on_the_tokens_and_declares_the_layer()
    {
        var train = ConlluReader.Read(new StringReader(Corpus));
        var tagger = new PosTagger(TaggerTrainer.Train(train, null, 3, 1, "test", TextWriter.Null, Classes()));
        tagger.Provides.HasFlag(Layers.WordClasses).ShouldBeTrue();
        var doc = Tagged(tagger, "the Ferrets sleep zyzzyva");
        doc.Has(Layers.WordClasses).ShouldBeTrue();
        doc.Tokens[1].WordClass.ShouldBe(new WordClass(4, 8));
        doc.Tokens[2].WordClass.ShouldBe(new WordClass(6, 10));
        doc.Tokens[3].WordClass.IsKnown.ShouldBeFalse();
    }

    [Fact]
    public void A_stage_without_a_table_provides_no_classes()
    {
        var train = ConlluReader.Read(new StringReader(Corpus));
        var tagger = new PosTagger(TaggerTrainer.Train(train, null, 2, 1, "test", TextWriter.Null));
        tagger.Provides.HasFlag(Layers.WordClasses).ShouldBeFalse();
        var doc = Tagged(tagger, "the cats sleep");
        doc.Has(Layers.WordClasses).ShouldBeFalse();
        doc.Tokens[1].WordClass.ShouldBe(default);
    }
}
