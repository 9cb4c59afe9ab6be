using Hearsay.Cli.Training;

namespace Hearsay.Cli.Tests;

public class NerDataSpecTests
{
    private const string Iob = "Kabul\tB-LOC\nis\tO\nquiet\tO\n\nAhmad\tB-PER\nMassoud\tI-PER\nspoke\tO\n\n";

    [Fact]
    public void The_data_list_separates_training_repeats_gazetteer_and_minilm_sources()
    {
        var dir = Directory.CreateTempSubdirectory("hearsay-nerspec-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.iob2");
            var b = Path.Combine(dir.FullName, "b.iob2");
            File.WriteAllText(a, Iob);
            File.WriteAllText(b, Iob);

            var spec = NerDataSpec.Read($"x2:{a},{b},gaz:{a},minilm:/some/MiniLM.dll", TextWriter.Null);

            spec.Train.Count.ShouldBe(4);
            spec.Repeats.ShouldBe([2, 2, 1, 1]);
            spec.SourceEnds.ShouldBe([2, 4]);
            spec.GazetteerOnly.Count.ShouldBe(2);
            spec.MiniLm.ShouldBe("/some/MiniLM.dll");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_source_or_no_training_sentence_is_an_error_naming_it()
    {
        Should.Throw<CliException>(() => NerDataSpec.Read("/no/such/file.iob2", TextWriter.Null)).Message.ShouldContain("/no/such/file.iob2");
        Should.Throw<CliException>(() => NerDataSpec.Read("minilm:/x.dll", TextWriter.Null)).Message.ShouldContain("no training sentences");
        Should.Throw<CliException>(() => NerDataSpec.Load("/no/dev.iob2", TextWriter.Null, "--dev")).Message.ShouldStartWith("--dev '/no/dev.iob2'");
    }
}
