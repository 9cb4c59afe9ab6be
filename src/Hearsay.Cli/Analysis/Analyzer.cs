using Hearsay.Core.Articles;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Ingest.Files;

namespace Hearsay.Cli.Analysis;

/// <summary>
/// Turns a decoded input into an analysed document: 1. find the article (HTML extraction, or junk-line
/// removal for text), which fixes the document's immutable Text; 2. run the analysis pipeline on it.
/// </summary>
public sealed class Analyzer
{
    private readonly IArticleExtractor _html;
    private readonly IPlainTextCleaner _text;

    public Analyzer(DocumentPipeline pipeline, IArticleExtractor html, IPlainTextCleaner text)
    {
        Pipeline = pipeline;
        _html = html;
        _text = text;
    }

    public DocumentPipeline Pipeline { get; }

    /// <summary>Step 1 alone: the document before analysis, so that callers can skip what is already stored.</summary>
    public Document Prepare(RawInput input, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(input);
        var article = input.Kind == InputKind.Html
            ? _html.Extract(input.Text, Uri.TryCreate(input.Path, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal) ? uri : null)
            : _text.Clean(input.Text);

        var metadata = new DocumentMetadata
        {
            Source = input.Path,
            Title = article.Title,
            Byline = article.Byline,
            Published = published ?? article.Published,
            PublishedOrigin = published is not null ? "given" : article.Published is not null ? "metadata" : null,
            Site = article.Site,
            Language = article.Language,
            CanonicalUrl = article.CanonicalUrl,
            RemovedLines = article.RemovedLines,
        };
        var document = new Document(article.Text, metadata);
        if (article.Text.Length == 0)
        {
            document.Status = AnalysisStatus.Empty;
            document.StatusReason = article.FailureReason ?? "no article text found";
        }

        return document;
    }

    /// <summary>Step 2: runs every stage (a document found empty in step 1 stays as it is).</summary>
    public void Analyze(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Status == AnalysisStatus.Empty)
        {
            return;
        }

        Pipeline.Run(document, cancellationToken);
    }

    public Document Analyze(RawInput input, DateOnly? published, CancellationToken cancellationToken)
    {
        var document = Prepare(input, published);
        Analyze(document, cancellationToken);
        return document;
    }
}
