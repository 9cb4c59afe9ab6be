using System.Text;
using System.Text.RegularExpressions;

namespace Hearsay.Extraction.Evaluation;

/// <summary>
/// How metadata is compared to gold. Title: Unicode NFKC, lower case, typographic quotes and dashes folded to
/// ASCII, whitespace collapsed. Author: the same, a leading "by"/"von" dropped, then split on commas, semicolons,
/// "&amp;", "and"/"und" and compared as a sorted list of names. Date: the calendar day (yyyy-MM-dd, any of - . / between the parts) as written.
/// </summary>
public static partial class FieldNormalizer
{
    public static string? Title(string? s) => string.IsNullOrWhiteSpace(s) ? null : Fold(s);

    public static string? Author(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        var f = ByPrefix().Replace(Fold(s), string.Empty);
        var names = AuthorSeparator().Split(f).Select(x => x.Trim(' ', '.', ',')).Where(x => x.Length > 0).Order(StringComparer.Ordinal);
        var joined = string.Join("; ", names);
        return joined.Length == 0 ? null : joined;
    }

    public static string? Date(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        // Gold written "2022-01.26" still states a day; every page with a gold date counts.
        var m = IsoDay().Match(s);
        return m.Success ? $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}" : null;
    }

    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Fold(string s)
    {
        var n = s.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(n.Length);
        var space = false;
        foreach (var c in n)
        {
            var x = c switch
            {
                '‘' or '’' or '‚' or '‛' or '`' or '´' => '\'',
                '“' or '”' or '„' or '‟' or '«' or '»' => '"',
                '–' or '—' or '‐' or '‑' or '−' => '-',
                _ => c,
            };
            if (char.IsWhiteSpace(x))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(x);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:by|von|par|por)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b|\bund\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();

    [GeneratedRegex(@"^\s*(\d{4})[-./](\d{2})[-./](\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDay();
}
