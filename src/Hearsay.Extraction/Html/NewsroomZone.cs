using System.Globalization;

namespace Hearsay.Extraction.Html;

/// <summary>
/// The time zone a page's newsroom most likely works in, from the country of its host name (else the language of a
/// page on a generic host). Markup often writes the publication time in UTC ("2022-11-06T23:00:00Z"), which puts an
/// evening or midnight story on the wrong calendar day for its readers; shifted into the newsroom's zone, the date is
/// the one the page shows. Only countries with one zone are listed; without one, a time stays as written.
/// </summary>
internal readonly record struct NewsroomZone(int BaseMinutes, bool EuropeanSummerTime)
{
    private static readonly Dictionary<string, NewsroomZone> ByCountry = Build();

    public static NewsroomZone? Find(string? url, string? language)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var u))
        {
            var host = u.Host;
            var dot = host.LastIndexOf('.');
            if (dot > 0 && ByCountry.TryGetValue(host[(dot + 1)..], out var z))
            {
                return z;
            }
        }

        if (string.IsNullOrEmpty(language))
        {
            return null;
        }

        // Only languages spoken in essentially one zone: Spanish, Portuguese or English pages may be from anywhere.
        var lang = language.Length > 2 ? language[..2] : language;
        return lang.ToLowerInvariant() switch
        {
            "de" or "fr" or "it" or "nl" or "pl" or "da" or "sv" or "nb" or "cs" => ByCountry["de"],
            "fi" => ByCountry["fi"],
            _ => null,
        };
    }

    /// <summary>The calendar day in this zone of a machine time written in UTC ("...Z", "... GMT"); null for any other value.</summary>
    public DateOnly? DayOfUtc(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        // Only an explicit "Z", or RFC 1123's "GMT"/"UTC" ("Wed, 04 May 2022 02:41:00 GMT", as feed-fed CMSs write
        // JSON-LD): a "+00:00" offset is as often a CMS set to UTC that shows that same UTC day on the page.
        var iso = s.EndsWith('Z') && s.Length >= 16 && s[10] is 'T' or ' ';
        var rfc = !iso && s.Length >= 20 && s.Contains(':', StringComparison.Ordinal)
            && (s.EndsWith(" GMT", StringComparison.Ordinal) || s.EndsWith(" UTC", StringComparison.Ordinal));
        if (!(iso || rfc)
            || !DateTimeOffset.TryParse(rfc ? s[..^4] : s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return null;
        }

        var local = t.UtcDateTime.AddMinutes(BaseMinutes + (EuropeanSummerTime && IsEuropeanSummer(t.UtcDateTime) ? 60 : 0));
        return DateOnly.FromDateTime(local);
    }

    /// <summary>EU rule: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.</summary>
    private static bool IsEuropeanSummer(DateTime utc)
    {
        var start = LastSunday(utc.Year, 3).AddHours(1);
        var end = LastSunday(utc.Year, 10).AddHours(1);
        return utc >= start && utc < end;
    }

    private static DateTime LastSunday(int year, int month)
    {
        var d = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return d.AddDays(-(int)d.DayOfWeek);
    }

    private static Dictionary<string, NewsroomZone> Build()
    {
        var d = new Dictionary<string, NewsroomZone>(StringComparer.OrdinalIgnoreCase);
        void Add(NewsroomZone z, params string[] tlds)
        {
            foreach (var t in tlds)
            {
                d[t] = z;
            }
        }

        Add(new(60, true), "de", "at", "ch", "li", "lu", "it", "fr", "es", "nl", "be", "pl", "dk", "se", "no", "cz", "sk", "si", "hr", "hu");
        Add(new(0, true), "uk", "ie", "pt");
        Add(new(120, true), "fi", "ee", "lv", "lt", "gr", "ro", "bg");
        Add(new(-180, false), "br", "ar", "uy");
        Add(new(-240, false), "bo", "ve");
        Add(new(-300, false), "co", "pe", "ec");
        Add(new(540, false), "jp");
        Add(new(480, false), "cn");
        return d;
    }
}
