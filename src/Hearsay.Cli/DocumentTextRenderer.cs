using System.Globalization;
using System.Text;
using Hearsay.Core.Serialization;

namespace Hearsay.Cli;

/// <summary>
/// The human-readable view of one analysed document, shared by <c>analyze</c> and <c>show</c>:
/// the title, then each attribution as source -> cue -> content with its upstream chain, then entities.
/// </summary>
public static class DocumentTextRenderer
{
    private const int MaxContentChars = 240;

    public static string Render(DocumentResult document)
    {
        var sb = new StringBuilder();
        using (var writer = new StringWriter(sb, CultureInfo.InvariantCulture))
        {
            Render(document, writer);
        }

        return sb.ToString();
    }

    public static void Render(DocumentResult document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        output.WriteLine(string.IsNullOrWhiteSpace(document.Title) ? "(untitled)" : document.Title);
        output.WriteLine(Header(document));

        if (!string.Equals(document.Status, "analyzed", StringComparison.Ordinal))
        {
            // An unsupported language or an empty body: say so rather than print empty sections as if analysed.
            output.WriteLine($"  status: {document.Status}{(document.Language is { } lang ? " (language " + lang + ")" : string.Empty)}");
        }

        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"Attributions ({document.Attributions.Count})"));
        foreach (var a in document.Attributions)
        {
            WriteAttribution(a, output);
        }

        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"Entities ({document.Entities.Count})"));
        foreach (var e in document.Entities)
        {
            var id = e.GlobalId is { } g ? " " + g : string.Empty;
            var mentions = e.Mentions.Count == 1 ? "1 mention" : FormattableString.Invariant($"{e.Mentions.Count} mentions");
            output.WriteLine($"  {e.Type,-6} {e.Name}{id} ({mentions})");
        }
    }

    private static string Header(DocumentResult d)
    {
        var parts = new List<string> { "id " + d.Id };
        if (!string.IsNullOrEmpty(d.Source))
        {
            parts.Add(d.Source);
        }

        if (!string.IsNullOrEmpty(d.Byline))
        {
            parts.Add("by " + d.Byline);
        }

        if (!string.IsNullOrEmpty(d.Published))
        {
            parts.Add("published " + d.Published);
        }

        return "  " + string.Join(" | ", parts);
    }

    private static void WriteAttribution(AttributionResult a, TextWriter output)
    {
        var source = Quote(a.Source.Text) + " [" + a.Source.Type + EntitySuffix(a.Source.Entity) + "]";
        var content = string.Join(" … ", a.Content.Select(c => c.Text));
        output.WriteLine($"  {a.Id}  {source} -> {a.Cue.Text} -> \"{Shorten(content)}\"");
        output.WriteLine($"      {a.Form}, {a.Polarity}{(a.Time is { } t ? ", time " + t.Text + " = " + t.Value : string.Empty)}");
        if (a.Upstream.Count > 0)
        {
            // The chain runs along the path of the information: nearest relay first, origin last.
            var links = a.Upstream.Select(u =>
                Quote(u.Text) + " [" + u.Type + EntitySuffix(u.Entity) + "]" + (u.Cue is { } c ? " (" + c.Text + ")" : string.Empty));
            output.WriteLine("      according to: " + string.Join(" <- ", links));
        }
    }

    private static string EntitySuffix(EntityRefResult? entity)
    {
        if (entity is null)
        {
            return string.Empty;
        }

        return " = " + entity.Name + (entity.GlobalId is { } g ? " " + g : string.Empty);
    }

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? "\"" + text + "\"" : text;

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxContentChars ? oneLine : string.Concat(oneLine.AsSpan(0, MaxContentChars - 1), "…");
    }
}
