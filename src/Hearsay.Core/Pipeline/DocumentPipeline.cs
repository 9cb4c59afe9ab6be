using Hearsay.Core.Documents;

namespace Hearsay.Core.Pipeline;

/// <summary>
/// An ordered, validated list of stages. Built once, run on many documents.
/// Documents in a language the pipeline does not support are marked, not analysed.
/// </summary>
public sealed class DocumentPipeline
{
    private readonly IDocumentStage[] _stages;

    private DocumentPipeline(IDocumentStage[] stages, Layers initial, IReadOnlySet<string> languages)
    {
        _stages = stages;
        Initial = initial;
        SupportedLanguages = languages;
        var provided = initial;
        foreach (var s in stages)
        {
            provided |= s.Provides;
        }

        Provides = provided;
    }

    public IReadOnlyList<IDocumentStage> Stages => _stages;

    /// <summary>Layers a document must carry when it enters the pipeline.</summary>
    public Layers Initial { get; }

    public Layers Provides { get; }

    /// <summary>ISO 639-1 codes the analysis supports; a document in any other detected language is skipped.</summary>
    public IReadOnlySet<string> SupportedLanguages { get; }

    /// <summary>Validates the stage order: every stage's requirements must be met by the input or earlier stages.</summary>
    /// <exception cref="PipelineValidationException">A stage requires a layer nothing before it provides.</exception>
    public static DocumentPipeline Build(IEnumerable<IDocumentStage> stages, Layers initial = Layers.Text, IEnumerable<string>? supportedLanguages = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var list = stages.ToArray();
        var available = initial;
        foreach (var stage in list)
        {
            var missing = stage.Requires & ~available;
            if (missing != Layers.None)
            {
                throw new PipelineValidationException(stage.Name, missing);
            }

            available |= stage.Provides;
        }

        return new DocumentPipeline(list, initial, new HashSet<string>(supportedLanguages ?? ["en"], StringComparer.OrdinalIgnoreCase));
    }

    public void Run(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var missing = Initial & ~document.Present;
        if (missing != Layers.None)
        {
            throw new PipelineValidationException($"Document {document.Id} lacks layer(s) {missing} required at pipeline input.");
        }

        if (document.Text.Length == 0 || string.IsNullOrWhiteSpace(document.Text))
        {
            document.Status = AnalysisStatus.Empty;
            document.StatusReason ??= "the document has no text";
            return;
        }

        if (IsUnsupported(document))
        {
            document.Status = AnalysisStatus.UnsupportedLanguage;
            return;
        }

        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stage.Process(document, cancellationToken);
            document.Provenance.Add(new StageVersion(stage.Name, stage.Version));

            // Language is known only once the language stage ran; nothing after it may analyse other languages into garbage.
            if (IsUnsupported(document))
            {
                document.Status = AnalysisStatus.UnsupportedLanguage;
                return;
            }
        }

        document.Status = AnalysisStatus.Analyzed;
    }

    private bool IsUnsupported(Document document)
    {
        if (document.Metadata.Language is { } lang && !SupportedLanguages.Contains(lang))
        {
            document.StatusReason = $"language '{lang}' is not supported yet (supported: {string.Join(", ", SupportedLanguages)})";
            return true;
        }

        return false;
    }
}
