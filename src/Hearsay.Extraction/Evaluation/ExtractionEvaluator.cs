using Hearsay.Core.Articles;
using Hearsay.Extraction.Html;

namespace Hearsay.Extraction.Evaluation;

/// <summary>Runs an extractor over gold pages (read from disk with <see cref="HtmlDecoder"/>) and scores it.</summary>
public static class ExtractionEvaluator
{
    public static ExtractedFields Fields(Article a)
        => new(a.Text, a.Title, a.Byline, FieldNormalizer.Date(a.Published), FieldNormalizer.Date(a.Modified));

    public static ExtractionScores Run(
        IReadOnlyList<ExtractionEvalPage> pages,
        Func<string, Uri?, ExtractedFields?> extract,
        Action<string>? detail,
        CancellationToken cancellationToken)
    {
        var scores = new ExtractionScores();
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var html = HtmlDecoder.Decode(File.ReadAllBytes(page.HtmlPath));
            ExtractedFields? got;
            try
            {
                got = extract(html, page.Url);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                got = null;
            }

            var verdict = scores.Add(page, got);
            detail?.Invoke(verdict);
        }

        return scores;
    }
}
