using System.Globalization;
using System.Text.RegularExpressions;

namespace Hearsay.Extraction.Html;

/// <summary>
/// Reads calendar dates as pages write them: ISO 8601 in markup, dates in URLs, and day-month-year or
/// month-day-year prose in several languages. The date is taken as written (no time-zone shift), because
/// a page's own calendar day is what a reader sees.
/// </summary>
internal static partial class DateText
{
    private const int MinYear = 1990;
    private const int MaxYear = 2035;

    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        var m = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string[][] names =
        [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari", "janeiro", "stycznia", "styczeń", "ocak"],
            ["february", "feb", "februar", "feber", "février", "févr", "fevrier", "febrero", "febbraio", "februari", "fevereiro", "fev", "lutego", "luty", "şubat"],
            ["march", "mar", "märz", "maerz", "mrz", "mars", "marzo", "maart", "março", "marca", "marzec", "mart"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "nisan"],
            ["may", "mai", "mayo", "maggio", "mag", "mei", "maio", "maja", "maj", "mayıs"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec", "haziran"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec", "temmuz"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "ağustos"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "września", "wrzesień", "eylül"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "października", "październik", "ekim"],
            ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "kasım"],
            ["december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "dicembre", "dezembro", "grudnia", "grudzień", "aralık"],
        ];
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var n in names[i])
            {
                m.TryAdd(n, i + 1);
            }
        }

        return m;
    }

    /// <summary>
    /// A date from a machine-readable value (ISO 8601 and its common variants, RFC 1123). A local numeric date
    /// ("10/05/2022") is read month-first unless <paramref name="monthFirst"/> says otherwise: callers pass the page's
    /// order only for text a reader sees, since server software writes attribute values in US order.
    /// </summary>
    public static DateOnly? FromMachine(string? value, bool monthFirst = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.AsSpan().Trim();
        var m = IsoDate().Match(s.ToString());
        if (m.Success)
        {
            return Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        }

        // The invariant culture reads "10.11.2021" month-first; only let it parse RFC 1123-style strings with month names.
        if (s.IndexOfAnyInRange('A', 'z') >= 0 && FromProse(s.ToString(), monthFirst) is null
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            return Valid(DateOnly.FromDateTime(dto.DateTime));
        }

        return FromProse(s.ToString(), monthFirst);
    }

    /// <summary>A date in a URL path: /2019/10/24/, /2020-02/19/, /20160214/, 2019-12-22-slug.</summary>
    public static DateOnly? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var m = UrlDate().Match(url);
        if (m.Success)
        {
            return Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        }

        m = UrlCompactDate().Match(url);
        return m.Success ? Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) : null;
    }

    /// <summary>
    /// The archived page's own URL for a Wayback Machine capture ("https://web.archive.org/web/20120216182711/http://...");
    /// the capture timestamp in front of it is when the crawler came by, not when the page was published.
    /// </summary>
    public static string? ArchivedUrl(string? url)
    {
        const string Marker = "web.archive.org/web/";
        var at = url?.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0)
        {
            return url;
        }

        var slash = url!.IndexOf('/', at + Marker.Length);
        return slash < 0 ? null : url[(slash + 1)..];
    }

    /// <summary>
    /// The first date written in prose: "24. Oktober 2019", "October 24, 2019", "24.10.2019", "2019-10-24".
    /// <paramref name="monthFirst"/> decides a slashed date whose two parts could both be the month ("10/05/2022").
    /// </summary>
    public static DateOnly? FromProse(string? text, bool monthFirst = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (Match m in ProseDate().Matches(text))
        {
            var d = FromMatch(m, monthFirst);
            if (d is not null)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>Every date written in a text, in order ("Last updated 04 Jun 2020, originally created 17 Jun 2019" has two).</summary>
    public static IEnumerable<DateOnly> AllFromProse(string text, bool monthFirst)
    {
        foreach (Match m in ProseDate().Matches(text))
        {
            if (FromMatch(m, monthFirst) is { } d)
            {
                yield return d;
            }
        }
    }

    private static DateOnly? FromMatch(Match m, bool monthFirst)
    {
        if (m.Groups["iy"].Success)
        {
            return Make(m.Groups["iy"].Value, m.Groups["im"].Value, m.Groups["id"].Value);
        }

        if (m.Groups["ny"].Success)
        {
            // Numeric d.m.y is the European order; slashes with a first part over 12 are d/m/y, with a second part
            // over 12 m/d/y, and when both could be the month the page's language decides.
            var a = int.Parse(m.Groups["na"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups["nb"].Value, CultureInfo.InvariantCulture);
            var y = m.Groups["ny"].Value;
            var sep = m.Groups["sep"].Value;
            if (y.Length == 2)
            {
                y = "20" + y;
            }

            return sep == "/" && a <= 12 && b > 12
                ? Make(y, a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture))
                : sep == "/" && a <= 12 && b <= 12 && monthFirst
                    ? Make(y, a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture))
                    : Make(y, b.ToString(CultureInfo.InvariantCulture), a.ToString(CultureInfo.InvariantCulture));
        }

        if (m.Groups["dy"].Success && Months.TryGetValue(m.Groups["dm"].Value.TrimEnd('.'), out var mon))
        {
            return Make(m.Groups["dy"].Value, mon.ToString(CultureInfo.InvariantCulture), m.Groups["dd"].Value);
        }

        if (m.Groups["my"].Success && Months.TryGetValue(m.Groups["mm"].Value.TrimEnd('.'), out mon))
        {
            return Make(m.Groups["my"].Value, mon.ToString(CultureInfo.InvariantCulture), m.Groups["md"].Value);
        }

        return null;
    }

    private static DateOnly? Make(string y, string m, string d)
    {
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return null;
        }

        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static DateOnly? Valid(DateOnly d) => d.Year is >= MinYear and <= MaxYear ? d : null;

    [GeneratedRegex(@"^\s*(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?:^|[/_-])(?<y>(?:19|20)\d{2})[/_-](?<m>[01]?\d)[/_-](?<d>[0-3]?\d)(?=$|[/_.?#-])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"[/_-](?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?=$|[/_.?#-])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlCompactDate();

    [GeneratedRegex(
        @"(?<![\d.])(?:(?<iy>(?:19|20)\d{2})-(?<im>[01]?\d)-(?<id>[0-3]?\d)(?!\d)"
        + @"|(?<na>[0-3]?\d)(?<sep>[./])\s?(?<nb>[0-3]?\d)\k<sep>\s?(?<ny>(?:19|20)\d{2}|\d{2})(?![\d.]\d)"
        + @"|(?<dd>[0-3]?\d)(?:\.|er|st|nd|rd|th|º)?\s*(?:de\s+)?(?<dm>\p{L}{3,12}\.?),?\s*(?:del?\s+)?(?<dy>(?:19|20)\d{2})(?!\d)"
        + @"|(?<mm>\p{L}{3,12}\.?)\s+(?<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<my>(?:19|20)\d{2})(?!\d))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProseDate();
}
