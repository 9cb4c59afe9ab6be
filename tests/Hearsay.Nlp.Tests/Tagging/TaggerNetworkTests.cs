using Hearsay.Core.Learning;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Entities;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Nlp.Tests.Tagging;

public class TaggerNetworkTests
{
    private static readonly string[] Vocabulary = ["[PAD]", "[UNK]", "the", "a", "cats", "dogs", "ferrets", "sleep", "bark", "run", "."];

    private const string Corpus =
        "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tcats\tcat\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tsleep\tsleep\tVERB\tVBP\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n" +
        "1\ta\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdogs\tdog\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tbark\tbark\tVERB\tVBP\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n" +
        "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdogs\tdog\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\trun\trun\tVERB\tVBP\t_\t0\troot\t_\t_\n\n";

    /// <summary>Random but fixed vectors, nouns near nouns and verbs near verbs, as in a real embedding table.</summary>
    private static WordEmbeddings Embeddings()
    {
        const int dim = 8;
        var rng = new Random(3);
        var vectors = new float[Vocabulary.Length * dim];
        for (int r = 0; r < Vocabulary.Length; r++)
        {
            int kind = Vocabulary[r] switch
            {
                "cats" or "dogs" or "ferrets" => 1,
                "sleep" or "bark" or "run" => 2,
                _ => 0,
            };
            for (int k = 0; k < dim; k++)
            {
                vectors[(r * dim) + k] = (rng.NextSingle() * 0.3f) + (k % 3 == kind ? 1 : 0);
            }
        }

        return WordEmbeddings.FromTable(vectors, dim, Vocabulary);
    }

    [Fact]
    public void The_option_trains_a_scorer_that_survives_saving_and_tags_identically()
    {
        var train = ConlluReader.Read(new StringReader(string.Concat(Enumerable.Repeat(Corpus, 10))));
        var model = TaggerTrainer.TrainWithNetwork(train, 3, 1, "test", TextWriter.Null, null, Embeddings(), 2, CancellationToken.None, holdout: 0.2);
        model.NetworkScale.ShouldNotBeNull();
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-tagger-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = TaggerModel.Load(path);
            loaded.NetworkScale.ShouldBe(model.NetworkScale);
            string[] words = ["the", "ferrets", "sleep", "."];
            new PosTagger(loaded).TagWords(words).ShouldBe(new PosTagger(model).TagWords(words));
            new PosTagger(loaded).TagWords(words)[1].Upos.ShouldBe("NOUN");

            // Saved again, the file is the same bytes: nothing is lost or recomputed on loading.
            var again = path + ".again";
            loaded.Save(again);
            File.ReadAllBytes(again).ShouldBe(File.ReadAllBytes(path));
            File.Delete(again);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_the_option_the_model_has_no_scorer_and_the_old_format()
    {
        var train = ConlluReader.Read(new StringReader(Corpus));
        var model = TaggerTrainer.Train(train, null, 2, 1, "test", TextWriter.Null);
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-tagger-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            TaggerModel.Load(path).NetworkScale.ShouldBeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
