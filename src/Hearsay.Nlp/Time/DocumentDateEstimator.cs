using System.Globalization;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Nlp.Time;

/// <summary>
/// The document date that relative expressions are resolved against. Metadata wins (origin "given" or
/// "metadata"). Otherwise it is read from the text: a dateline (a full date in the opening lines),
/// checked against a weekday written with it; or, when the text has no deictic expressions that would
/// depend on it, the latest full date the text gives. A full date deep in the body of an article that
/// also says "last week" or "on Sunday" is most often history ("September 11, 2001"), so then the date
/// is left unknown rather than guessed.
/// </summary>
public sealed class DocumentDateEstimator : ModelStage<DocumentDateEstimate>
{
    private const int DatelineChars = 300;
    private readonly TimexRecognizer _recognizer = new();

    public override string Name => "document-date";

    public override string Version => "rules-1";

    public override Layers Requires => Layers.Text;

    public override Layers Provides => Layers.DocumentDate;

    public override DocumentDateEstimate Predict(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Metadata.Published is { } published)
        {
            return new DocumentDateEstimate(published, document.Metadata.PublishedOrigin ?? "metadata", 1.0, "publication date from metadata");
        }

        return Estimate(document.Text, cancellationToken);
    }

    public override void Apply(Document document, DocumentDateEstimate prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prediction);
        if (prediction.Date is { } date)
        {
            document.UpdateMetadata(m => m with { Published = date, PublishedOrigin = prediction.Origin, PublishedConfidence = prediction.Confidence, PublishedNote = prediction.Reason });
        }
        else
        {
            // Unknown is an answer too: say why, so that a reader knows relative dates were left unresolved.
            document.UpdateMetadata(m => m with { PublishedConfidence = 0, PublishedNote = prediction.Reason });
        }

    }

    /// <summary>The publication date the text itself supports, or an unknown estimate saying why not.</summary>
    public DocumentDateEstimate Estimate(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var times = _recognizer.Recognize(text, null, cancellationToken);
        DateOnly? latest = null;
        bool deictic = false;
        foreach (var t in times)
        {
            if (t.Type is not (TimexType.Date or TimexType.Time))
            {
                continue;
            }

            if (FullDate(t.Value) is { } d)
            {
                if (t.Range.Start < DatelineChars || t.Range.Start < FirstLineEnd(text))
                {
                    var weekday = WrittenWeekday(text, t.Range);
                    if (weekday is null)
                    {
                        return new DocumentDateEstimate(d, "text", 0.85, "dateline: " + t.Range.Substring(text));
                    }

                    return weekday == d.DayOfWeek
                        ? new DocumentDateEstimate(d, "text", 0.95, "dateline with a matching weekday: " + t.Range.Substring(text))
                        : new DocumentDateEstimate(d, "text", 0.5, "dateline whose weekday does not match: " + t.Range.Substring(text));
                }

                if (latest is null || d > latest)
                {
                    latest = d;
                }
            }
            else if (t.Value.StartsWith('X') || t.Value is "PRESENT_REF")
            {
                deictic = true; // "on Sunday", "August 15", "last week" need a date the text does not give
            }
        }

        if (latest is { } l && !deictic)
        {
            return new DocumentDateEstimate(l, "text", 0.4, "latest full date in the text");
        }

        return new DocumentDateEstimate(null, null, 0, latest is null ? "no full date in the text" : "full dates only in the body, next to expressions relative to an unknown date");
    }

    private static int FirstLineEnd(string text)
    {
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? Math.Min(text.Length, DatelineChars) : Math.Min(nl, 1000);
    }

    private static DateOnly? FullDate(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DayOfWeek? WrittenWeekday(string text, CharRange range)
    {
        var span = range.Slice(text);
        string[] names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
        for (int i = 0; i < names.Length; i++)
        {
            if (span.Contains(names[i].AsSpan(0, 3), StringComparison.Ordinal))
            {
                return (DayOfWeek)i;
            }
        }

        return null;
    }
}
