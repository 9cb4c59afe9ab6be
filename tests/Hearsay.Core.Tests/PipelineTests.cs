using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Core.Tests;

public class PipelineTests
{
    private sealed class FakeStage(string name, Layers requires, Layers provides, Action<Document>? body = null) : IDocumentStage
    {
        public string Name => name;

        public string Version => "test-1";

        public Layers Requires => requires;

        public Layers Provides => provides;

        public int Calls { get; private set; }

        public void Process(Document document, CancellationToken cancellationToken)
        {
            Calls++;
            body?.Invoke(document);
            document.MarkPresent(provides);
        }
    }

    [Fact]
    public void Build_UnmetRequirement_FailsNamingStageAndLayer()
    {
        var stages = new IDocumentStage[]
        {
            new FakeStage("tokenizer", Layers.Text, Layers.Tokens),
            new FakeStage("parser", Layers.Tokens | Layers.PartOfSpeech, Layers.Dependencies),
        };

        var e = Should.Throw<PipelineValidationException>(() => DocumentPipeline.Build(stages));
        e.Stage.ShouldBe("parser");
        e.Missing.ShouldBe(Layers.PartOfSpeech);
        e.Message.ShouldContain("parser");
        e.Message.ShouldContain("PartOfSpeech");
    }

    [Fact]
    public void Build_StageOrderMatters_RequirementFromALaterStageFails()
    {
        var stages = new IDocumentStage[]
        {
            new FakeStage("tagger", Layers.Tokens, Layers.PartOfSpeech),
            new FakeStage("tokenizer", Layers.Text, Layers.Tokens),
        };

        Should.Throw<PipelineValidationException>(() => DocumentPipeline.Build(stages)).Stage.ShouldBe("tagger");
    }

    [Fact]
    public void Run_ValidPipeline_RunsEveryStageAndRecordsVersions()
    {
        var a = new FakeStage("tokenizer", Layers.Text, Layers.Tokens);
        var b = new FakeStage("tagger", Layers.Tokens, Layers.PartOfSpeech);
        var pipeline = DocumentPipeline.Build([a, b]);
        var doc = new Document("Hello world.");

        pipeline.Run(doc);

        doc.Status.ShouldBe(AnalysisStatus.Analyzed);
        doc.Has(Layers.Tokens | Layers.PartOfSpeech).ShouldBeTrue();
        doc.Provenance.Select(p => p.Stage).ShouldBe(["tokenizer", "tagger"]);
        pipeline.Provides.ShouldBe(Layers.Text | Layers.Tokens | Layers.PartOfSpeech);
    }

    [Fact]
    public void Run_UnsupportedLanguage_StopsAfterLanguageIsKnown()
    {
        var lang = new FakeStage("language", Layers.Text, Layers.Language, d => d.UpdateMetadata(m => m with { Language = "de" }));
        var tagger = new FakeStage("tagger", Layers.Text, Layers.PartOfSpeech);
        var doc = new Document("Der Hund bellt.");

        DocumentPipeline.Build([lang, tagger]).Run(doc);

        doc.Status.ShouldBe(AnalysisStatus.UnsupportedLanguage);
        tagger.Calls.ShouldBe(0);
    }

    [Fact]
    public void Run_EmptyText_IsMarkedEmptyAndSkipsStages()
    {
        var stage = new FakeStage("tokenizer", Layers.Text, Layers.Tokens);
        var doc = new Document("  \n ");

        DocumentPipeline.Build([stage]).Run(doc);

        doc.Status.ShouldBe(AnalysisStatus.Empty);
        stage.Calls.ShouldBe(0);
    }
}
