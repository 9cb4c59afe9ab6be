using System.Globalization;
using System.Text.RegularExpressions;
using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Time;

/// <summary>
/// The TIMEX3 grammar: patterns composed from a small lexicon, each with the calendar arithmetic that
/// resolves it against the anchor (the document date). Spans follow TimeML: a leading determiner or
/// modifier ("the last week", "early next year") is part of the expression, a preposition is not.
/// </summary>
internal static partial class TimexGrammar
{
    private const string B = @"(?<![\w'’-])";
    private const string E = @"(?![\w])";
    // TimeML keeps "early/late/mid" inside month and relative expressions ("late November", "early next year")
    // but the corpora leave "earlier Friday", "later today" and "early 1997" out; "the end of 1990" stays in.
    private const string Mod = @"(?:(?<mod>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+latter\s+part\s+of))(?:\s+|-))?";
    private const string PhraseMod = @"(?:(?<mod>(?i:the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+latter\s+part\s+of|mid))(?:\s+|-))?";
    private const string Year4 = @"(?<year>(?:1[0-9]|20)\d\d)";
    private const string Month = "(?<month>" + TimeLexicon.Months + ")";
    private const string Weekday = "(?<wd>" + TimeLexicon.Weekdays + ")";
    private const string DayNum = @"(?<day>[0-3]?\d)(?:st|nd|rd|th)?";
    private const string Pod = @"(?<pod>(?i:morning|afternoon|evening|night))";
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string NamedEventPattern = B + @"(?<ev>9/11)" + E;
    private const string IsoDatePattern = B + @"(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)" + E;
    private const string SlashDatePattern = B + @"(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4}|\d{2})" + E;
    private const string MonthDayPattern = B + PhraseMod + "(?:" + Weekday + @",?\s+)?" + Month + @"\s+" + DayNum + @"(?:,?\s+" + Year4 + ")?" + @"(?![\w]|,\d|\.\d)";
    private const string DayMonthPattern = B + PhraseMod + "(?:" + Weekday + @",?\s+)?(?:(?i:the)\s+)?" + DayNum + @"\s+(?:(?i:of)\s+)?" + Month + @"(?:,?\s+" + Year4 + ")?" + E;
    private const string MonthYearPattern = B + Mod + Month + @",?\s+(?:(?i:of)\s+)?" + Year4 + E;
    private const string MonthPattern = B + Mod + @"(?:(?<rel>(?i:last|this|next|this\s+past|this\s+coming))\s+)?" + Month + E;
    private const string YearPattern = B + PhraseMod + @"(?:(?<fiscal>(?i:fiscal|calendar))\s+)?" + Year4 + @"(?!\s*(?:%|percent|-\d|[.,]\d))" + E;
    private const string SpelledYearPattern = B + @"(?i:nineteen)[\s-]+(?<tens>(?i:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))(?:[\s-]+(?<ones>(?i:one|two|three|four|five|six|seven|eight|nine)))?" + E;
    private const string DecadePattern = B + PhraseMod + @"(?:(?<dec>(?:1[0-9]|20)\d0)'?s|'(?<dec2>\d0)s)" + E;
    private const string CenturyPattern = B + Mod + @"(?:(?<rel>(?i:this|last|next|the\s+last|the\s+past|the\s+next))|(?i:the)\s+(?<ord>\d{1,2})(?:st|nd|rd|th))\s+(?i:century)" + E;
    private const string RelDayPattern = B + PhraseMod + @"(?<rd>(?i:today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening))(?:(?:'s)?\s+" + Pod + ")?" + E;
    private const string WeekdayPattern = B + PhraseMod + @"(?:(?<rel>(?i:last|this|next|this\s+past|this\s+coming|past|coming))\s+)?" + Weekday + @"(?:\s+" + Pod + ")?" + E;
    private const string ThatUnitPattern = B + @"(?:(?i:earlier|later)\s+)?(?<rel>(?i:that(?:\s+same)?|the\s+same))\s+(?<unit>(?i:day|week|month|year|morning|afternoon|evening|night))" + E;
    private const string NextPodPattern = B + @"(?<rel>(?i:the\s+next|the\s+following|the\s+previous))\s+(?<unit>(?i:morning|afternoon|evening|night))" + E;
    private const string WeekOfPattern = B + @"(?i:the\s+week\s+of)\s+" + Month + @"\s+" + DayNum + @"(?:,?\s+" + Year4 + ")?" + E;
    private const string RelUnitPattern = B + Mod + @"(?:(?i:earlier|later)\s+(?=(?i:this|last|next)\s))?(?<rel>(?i:the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|the\s+preceding|the\s+first|the\s+current|the\s+same|past|last|next|this|coming|previous|current|following|the))\s+(?:(?<n>(?i:" + TimeLexicon.Count + @"))\s+)?(?<unit>(?i:" + TimeLexicon.Units + "))" + E;
    // Comparative quantifiers belong to the expression (TimeML mod="MORE_THAN"); "about", "nearly", "only" do not.
    private const string CountPattern = B + @"(?:(?i:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most)\s+)?(?<n>(?i:" + TimeLexicon.Count + @"))(?:\s+|-)(?<unit>(?i:" + TimeLexicon.Units + @"))(?:\s+(?<dir>(?i:ago|earlier|later|from\s+now|hence)))?(?![\w]|-old|\s+old)";
    private const string VaguePattern = B + @"(?:(?<q>(?i:recent|the\s+coming|coming|the\s+past|the\s+last|the\s+next))\s+)(?<unit>(?i:years|months|weeks|days|decades|hours|minutes))" + E;
    private const string BareUnitsPattern = @"(?<=(?i:\b(?:for|in|over|within|took|take|takes|taken)\s))(?<unit>(?i:years|months|weeks|decades))" + E;
    private const string RefPattern = B + @"(?<ref>(?i:now|currently|nowadays|presently|at\s+present|these\s+days|recently|lately|formerly|the\s+past|the\s+future|the\s+near\s+future|the\s+near\s+term|the\s+short\s+term|current))" + E;
    private const string SeasonPattern = B + Mod + @"(?:(?<rel>(?i:last|this|next|the|this\s+past|this\s+coming|past))\s+)?(?<season>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:(?i:of)\s+)?" + Year4 + ")?" + E;
    private const string QuarterPattern = B + @"(?:(?<the>(?i:the))\s+(?!(?i:first|second|third|fourth)-))?(?:(?<rel>(?i:fiscal|calendar|latest|last|previous|current|year-ago|year-earlier|same|just-ended|recent))\s+)?(?:(?<fy>(?:1[0-9]|20)\d\d)(?:'s)?\s+)?(?:(?<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))(?:\s+|-))?(?:(?i:fiscal)\s+)?(?<q>(?i:quarter|half|period))(?:\s+(?i:of)\s+" + Year4 + ")?" + E;
    private const string SetPattern = B + @"(?:(?<adv>(?i:daily|weekly|monthly|yearly|hourly|nightly|biweekly))|(?<every>(?i:every|each|per))\s+(?:(?<other>(?i:other))\s+)?(?:(?<n>(?i:" + TimeLexicon.Count + @"))\s+)?(?:(?<unit>(?i:" + TimeLexicon.Units + "))|" + Weekday + "))" + E;
    private const string ClockPattern = B + @"(?<h>\d{1,2})(?::(?<mi>[0-5]\d))?\s*(?<ap>[aApP]\.[mM]\.(?=\s+(?:[A-Z]{2,3}T|GMT|UTC|" + TimeLexicon.Weekdays + @"))|[aApP]\.[mM]\.(?!\s*(?:$|[A-Z\n""'`]))|[aApP]\.[mM]|(?i:am|pm))(?:\s+(?<tz>[A-Z]{2,3}T|GMT|UTC))?(?:,?\s+(?<rd>" + TimeLexicon.Weekdays + @"|(?i:today|tomorrow|yesterday)))?(?![\w])|" + B + @"(?<nm>(?i:noon|midnight|midday))" + E;
    private const string HolidayPattern = B + @"(?:(?<rel>(?i:last|this|next))\s+)?(?<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|Easter(?:\s+Sunday)?|Election\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day)(?:,?\s+" + Year4 + ")?" + E;

    public static IReadOnlyList<TimexRule> Rules { get; } =
    [
        new("namedEvent", NamedEventRegex(), NamedEvent),
        new("isoDate", IsoDateRegex(), IsoDate),
        new("slashDate", SlashDateRegex(), SlashDate),
        new("monthDay", MonthDayRegex(), MonthDay),
        new("dayMonth", DayMonthRegex(), MonthDay),
        new("monthYear", MonthYearRegex(), MonthYear),
        new("month", MonthRegex(), MonthAlone),
        new("year", YearRegex(), YearAlone),
        new("spelledYear", SpelledYearRegex(), SpelledYear),
        new("decade", DecadeRegex(), Decade),
        new("century", CenturyRegex(), Century),
        new("relDay", RelDayRegex(), RelativeDay),
        new("weekday", WeekdayRegex(), WeekdayDate),
        new("thatUnit", ThatUnitRegex(), NarrativeUnit),
        new("nextPod", NextPodRegex(), NarrativeUnit),
        new("weekOf", WeekOfRegex(), WeekOf),
        new("relUnit", RelUnitRegex(), RelativeUnit),
        new("count", CountRegex(), CountedUnit),
        new("vague", VagueRegex(), VagueUnits),
        new("bareUnits", BareUnitsRegex(), BareUnits),
        new("ref", RefRegex(), Reference),
        new("season", SeasonRegex(), SeasonDate),
        new("quarter", QuarterRegex(), QuarterDate),
        new("set", SetRegex(), SetValue),
        new("clock", ClockRegex(), ClockTime),
        new("holiday", HolidayRegex(), Holiday),
    ];

    /// <summary>Prefix of a value resolved later against the narrative's last date, not the anchor.</summary>
    internal const string ReferencePrefix = "REF";

    private static string Reference(int offset, string unit, string? pod) =>
        ReferencePrefix + offset.ToString("+0;-0;0", CultureInfo.InvariantCulture) + unit + (pod is null ? "" : "|" + pod);

    private static bool NarrativeUnit(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        int offset = rel.StartsWith("the next", StringComparison.Ordinal) || rel.StartsWith("the following", StringComparison.Ordinal) ? 1
            : rel.StartsWith("the previous", StringComparison.Ordinal) ? -1 : 0;
        switch (unit)
        {
            case "week":
                value = Reference(offset, "W", null);
                break;
            case "month":
                value = Reference(offset, "M", null);
                break;
            case "year":
                value = Reference(offset, "Y", null);
                break;
            case "day":
                value = Reference(offset, "D", null);
                break;
            default:
                type = TimexType.Time;
                value = Reference(offset, "D", PodCode(unit));
                break;
        }

        return true;
    }

    /// <summary>Resolves a <see cref="ReferencePrefix"/> value against the story's last full date (or year), else the anchor.</summary>
    internal static string ResolveReference(string value, DateOnly? lastDate, int? lastYear)
    {
        int bar = value.IndexOf('|', StringComparison.Ordinal);
        var pod = bar < 0 ? "" : value[(bar + 1)..];
        var core = bar < 0 ? value : value[..bar];
        var unit = core[^1..];
        int offset = int.Parse(core.AsSpan(ReferencePrefix.Length, core.Length - ReferencePrefix.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (unit == "Y")
        {
            int? y = lastYear ?? lastDate?.Year;
            return y is { } year ? TimeLexicon.Year(year + offset) : "XXXX";
        }

        if (lastDate is not { } d)
        {
            return unit switch { "W" => "XXXX-WXX", "M" => "XXXX-XX", _ => "XXXX-XX-XX" + pod };
        }

        return unit switch
        {
            "W" => TimeLexicon.Week(d.AddDays(7 * offset)),
            "M" => TimeLexicon.MonthValue(d.AddMonths(offset).Year, d.AddMonths(offset).Month),
            _ => TimeLexicon.Day(d.AddDays(offset)) + pod,
        };
    }

    private static bool WeekOf(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        value = "";
        if (!MonthDay(m, c, out _, out var day) || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return false;
        }

        value = TimeLexicon.Week(d);
        return true;
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static bool NamedEvent(Match m, in TimexContext c, out TimexType type, out string value)
    {
        // Well-known events written as dates: "9/11" is the September 11, 2001 attacks, not a date to resolve.
        type = TimexType.Date;
        value = "2001-09-11";
        return true;
    }

    private static bool IsoDate(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        value = m.Value;
        int month = Int(m.Groups["m"]), day = Int(m.Groups["d"]);
        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static bool SlashDate(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        value = "";
        int month = Int(m.Groups["m"]), day = Int(m.Groups["d"]), year = Int(m.Groups["y"]);
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        if (m.Groups["y"].Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }

        value = TimeLexicon.Year(year) + "-" + month.ToString("00", CultureInfo.InvariantCulture) + "-" + day.ToString("00", CultureInfo.InvariantCulture);
        return true;
    }

    private static bool MonthDay(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        value = "";
        int month = TimeLexicon.Month(m.Groups["month"].ValueSpan);
        int day = Int(m.Groups["day"]);
        if (month == 0 || day is < 1 or > 31)
        {
            return false;
        }

        var md = "-" + month.ToString("00", CultureInfo.InvariantCulture) + "-" + day.ToString("00", CultureInfo.InvariantCulture);
        if (m.Groups["year"].Success)
        {
            value = m.Groups["year"].Value + md;
            return true;
        }

        if (c.Anchor is not { } a)
        {
            value = "XXXX" + md;
            return true;
        }

        int year = NearestYear(a, month, day, c.Tense);
        if (m.Groups["wd"].Success)
        {
            // "Monday, Oct. 26": the weekday picks the year among the nearby ones.
            var wd = TimeLexicon.Weekday(m.Groups["wd"].ValueSpan);
            for (int y = a.Year; y >= a.Year - 6 && y <= a.Year + 1; y = y == a.Year + 1 ? a.Year - 1 : y == a.Year ? a.Year + 1 : y - 1)
            {
                if (day <= DateTime.DaysInMonth(y, month) && new DateOnly(y, month, day).DayOfWeek == wd)
                {
                    year = y;
                    break;
                }
            }
        }

        value = TimeLexicon.Year(year) + md;
        return true;
    }

    /// <summary>The year that puts a month and day nearest the anchor; a future clause only looks forward, a past one back.</summary>
    internal static int NearestYear(DateOnly anchor, int month, int day, int tense)
    {
        int best = anchor.Year;
        int bestDistance = int.MaxValue;
        for (int y = anchor.Year - 1; y <= anchor.Year + 1; y++)
        {
            int d = Math.Min(day, DateTime.DaysInMonth(y, month));
            var candidate = new DateOnly(y, month, d);
            int distance = candidate.DayNumber - anchor.DayNumber;
            // A tense rules out the other side of the anchor, with a fortnight's slack for loose reporting.
            if ((tense > 0 && distance < -14) || (tense < 0 && distance > 14))
            {
                continue;
            }

            // With no tense cue, news is more often about the recent past than the coming months.
            int weighted = distance > 0 && tense == 0 ? distance * 3 / 2 : Math.Abs(distance);
            if (weighted < bestDistance)
            {
                bestDistance = weighted;
                best = y;
            }
        }

        return best;
    }

    private static bool MonthYear(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        int month = TimeLexicon.Month(m.Groups["month"].ValueSpan);
        value = TimeLexicon.MonthValue(Int(m.Groups["year"]), month);
        return month != 0;
    }

    private static bool MonthAlone(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        value = "";
        var word = m.Groups["month"].Value;
        bool qualified = m.Groups["rel"].Success || m.Groups["mod"].Success;
        if (word.EndsWith('.') || (word.Length <= 4 && word is not ("May" or "June" or "July")))
        {
            // A bare abbreviation ("Jan", "Dec.") is more often a name or a line-break artefact than a month.
            return false;
        }

        if (word == "May" && !qualified && !PrecededBy(c, "in", "since", "until", "by", "of", "through", "from", "during", "mid"))
        {
            return false;
        }

        int month = TimeLexicon.Month(word);
        if (c.Anchor is not { } a)
        {
            value = "XXXX-" + month.ToString("00", CultureInfo.InvariantCulture);
            return true;
        }

        int year = a.Year;
        var rel = m.Groups["rel"].Success ? m.Groups["rel"].Value.ToLowerInvariant() : "";
        if (rel.StartsWith("last", StringComparison.Ordinal) || rel.EndsWith("past", StringComparison.Ordinal))
        {
            year = month < a.Month ? a.Year : a.Year - 1;
        }
        else if (rel.StartsWith("next", StringComparison.Ordinal) || rel.EndsWith("coming", StringComparison.Ordinal))
        {
            year = month > a.Month ? a.Year : a.Year + 1;
        }
        else if (rel.Length == 0)
        {
            int tense = c.Tense;
            if (tense > 0 && month < a.Month)
            {
                year = a.Year + 1;
            }
            else if ((tense < 0 && month > a.Month) || (tense == 0 && month > a.Month + 1))
            {
                year = a.Year - 1;
            }
        }

        value = TimeLexicon.MonthValue(year, month);
        return true;
    }

    private static bool PrecededBy(in TimexContext c, params string[] words)
    {
        int i = c.Start;
        while (i > 0 && char.IsWhiteSpace(c.Text[i - 1]))
        {
            i--;
        }

        int end = i;
        while (i > 0 && char.IsLetter(c.Text[i - 1]))
        {
            i--;
        }

        var prev = c.Text.AsSpan(i, end - i);
        foreach (var w in words)
        {
            if (prev.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool YearAlone(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        int year = Int(m.Groups["year"]);
        value = TimeLexicon.Year(year);
        if (m.Groups["fiscal"].Success || m.Groups["mod"].Success)
        {
            return true;
        }

        // Four-digit counts ("1500 troops") look like years; accept only plausible years or ones a preposition introduces.
        return year is >= 1900 and <= 2049 || PrecededBy(c, "in", "since", "of", "by", "until", "from", "before", "after", "during", "to");
    }

    private static bool SpelledYear(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        int tens = (int)(TimeLexicon.Number(m.Groups["tens"].Value) ?? 0);
        int ones = m.Groups["ones"].Success ? (int)(TimeLexicon.Number(m.Groups["ones"].Value) ?? 0) : 0;
        value = TimeLexicon.Year(1900 + tens + ones);
        return true;
    }

    private static bool Decade(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        if (m.Groups["dec"].Success)
        {
            value = m.Groups["dec"].Value[..3] + "X"; // the TempEval-3 data write the 1990s as 199X
        }
        else
        {
            var two = m.Groups["dec2"].Value;
            value = (two[0] <= '2' ? "20" : "19") + two[0] + "X";
        }

        return true;
    }

    private static bool Century(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        if (m.Groups["ord"].Success)
        {
            value = (Int(m.Groups["ord"]) - 1).ToString("00", CultureInfo.InvariantCulture);
            return true;
        }

        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        if (rel.StartsWith("the", StringComparison.Ordinal))
        {
            type = TimexType.Duration;
            value = "P1CE";
            return true;
        }

        int century = c.Anchor is { } a ? a.Year / 100 : -1;
        if (century < 0)
        {
            value = "XX";
            return true;
        }

        century += rel == "last" ? -1 : rel == "next" ? 1 : 0;
        value = century.ToString("00", CultureInfo.InvariantCulture);
        return true;
    }

    private static string PodCode(string pod) => pod.ToLowerInvariant() switch
    {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    };

    private static bool RelativeDay(Match m, in TimexContext c, out TimexType type, out string value)
    {
        var rd = string.Join(' ', m.Groups["rd"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        (int offset, string? pod) = rd switch
        {
            "today" => (0, null),
            "tonight" => (0, "TNI"),
            "yesterday" => (-1, null),
            "tomorrow" => (1, null),
            "the day before yesterday" => (-2, null),
            "the day after tomorrow" => (2, null),
            "last night" => (-1, "TNI"),
            "this morning" => (0, "TMO"),
            "this afternoon" => (0, "TAF"),
            _ => (0, "TEV"),
        };
        if (m.Groups["pod"].Success)
        {
            pod = PodCode(m.Groups["pod"].Value);
        }

        type = pod is null ? TimexType.Date : TimexType.Time;
        var day = c.Anchor is { } a ? TimeLexicon.Day(a.AddDays(offset)) : "XXXX-XX-XX";
        value = pod is null ? day : day + pod;
        return true;
    }

    private static bool WeekdayDate(Match m, in TimexContext c, out TimexType type, out string value)
    {
        var wd = TimeLexicon.Weekday(m.Groups["wd"].ValueSpan);
        var pod = m.Groups["pod"].Success ? PodCode(m.Groups["pod"].Value) : null;
        type = TimexType.Date; // the corpora type "Friday morning" as a DATE more often than a TIME
        int isoDay = wd == DayOfWeek.Sunday ? 7 : (int)wd;
        if (c.Anchor is not { } a)
        {
            value = "XXXX-WXX-" + isoDay.ToString(CultureInfo.InvariantCulture) + (pod ?? "");
            return true;
        }

        var rel = m.Groups["rel"].Success ? m.Groups["rel"].Value.ToLowerInvariant() : "";
        int back = ((int)a.DayOfWeek - (int)wd + 7) % 7;
        int forward = ((int)wd - (int)a.DayOfWeek + 7) % 7;
        DateOnly date;
        if (rel.StartsWith("last", StringComparison.Ordinal) || rel.EndsWith("past", StringComparison.Ordinal))
        {
            date = a.AddDays(back == 0 ? -7 : -back);
        }
        else if (rel.StartsWith("next", StringComparison.Ordinal) || rel.EndsWith("coming", StringComparison.Ordinal))
        {
            date = a.AddDays(forward == 0 ? 7 : forward);
        }
        else if (rel == "this")
        {
            date = c.IsFuture ? a.AddDays(forward) : a.AddDays(-back);
        }
        else
        {
            // News reports the past: a bare weekday is the latest such day up to the article's date,
            // unless the clause speaks of the future.
            date = c.IsFuture && forward != 0 ? a.AddDays(forward) : a.AddDays(-back);
        }

        value = TimeLexicon.Day(date) + (pod ?? "");
        return true;
    }

    private static bool RelativeUnit(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        value = "";
        var rel = string.Join(' ', m.Groups["rel"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var unitWord = m.Groups["unit"].Value.ToLowerInvariant();
        var (letter, clock, _) = TimeLexicon.Unit(unitWord);
        bool plural = unitWord.EndsWith('s') && letter != "WE" || unitWord == "centuries";
        double? count = m.Groups["n"].Success ? TimeLexicon.Number(m.Groups["n"].Value) : plural ? null : 1;
        bool hasCount = m.Groups["n"].Success;

        // "the last week", "the past two months", "the first nine months", "last five years": a stretch of time.
        bool stretch = rel is "the past" or "the last" or "the next" or "the coming" or "the previous" or "the first" or "the preceding" or "the following"
            || (rel is "past" or "last" or "next" or "coming" or "previous" && (hasCount || plural))
            || (rel == "the" && (hasCount || plural));
        if (letter == "D" && !hasCount && !plural && rel is "the next" or "the following" or "the previous" or "the preceding")
        {
            // "the next day" is the day after the one the story is telling about.
            value = Reference(rel is "the next" or "the following" ? 1 : -1, "D", null);
            return true;
        }

        if (!hasCount && !plural && rel is "the following" or "the previous" or "the preceding" && letter is "W" or "M" or "Y")
        {
            // "the following year": the year after the one the story is telling about.
            value = Reference(rel == "the following" ? 1 : -1, letter, null);
            return true;
        }

        if (stretch)
        {
            if (rel == "the" && plural && !hasCount && letter != "Y")
            {
                return false;
            }

            type = TimexType.Duration;
            value = letter == "WE" ? "P2D" : TimeLexicon.Duration(count, unitWord);
            return true;
        }

        if (clock || hasCount || plural)
        {
            return false;
        }

        if (c.Anchor is not { } a)
        {
            value = letter switch
            {
                "W" => "XXXX-WXX",
                "M" => "XXXX-XX",
                "Q" => "XXXX-QX",
                _ => "XXXX",
            };
            return letter is "W" or "M" or "Q" or "Y" or "WE";
        }

        int dir = rel switch
        {
            "last" or "previous" or "past" => -1,
            "next" or "coming" or "following" => 1,
            _ => 0,
        };
        switch (letter)
        {
            case "W":
                value = TimeLexicon.Week(a.AddDays(7 * dir));
                return rel != "that";
            case "WE":
                value = Weekend(a, dir, c.IsFuture);
                return true;
            case "M":
                {
                    var d = a.AddMonths(dir);
                    value = TimeLexicon.MonthValue(d.Year, d.Month);
                    return rel != "that";
                }

            case "Q":
                {
                    // "the quarter" in a results story is the quarter just reported, i.e. the one before the anchor's.
                    int shift = rel is "the" ? -1 : dir;
                    int index = (a.Year * 4) + TimeLexicon.QuarterOf(a) - 1 + shift;
                    value = TimeLexicon.Quarter(index / 4, (index % 4) + 1);
                    return true;
                }

            case "Y":
                if (rel == "the")
                {
                    type = TimexType.Duration;
                    value = "P1Y";
                    return true;
                }

                value = TimeLexicon.Year(a.Year + dir);
                return rel != "that";
            case "DE":
                value = ((a.Year / 10) + dir).ToString("000", CultureInfo.InvariantCulture);
                return rel != "the";
            default:
                return false;
        }
    }

    private static string Weekend(DateOnly a, int dir, bool future)
    {
        // The weekend of a week is its Saturday and Sunday; ISO weeks end on Sunday.
        int iso = a.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)a.DayOfWeek;
        var saturdayThisWeek = a.AddDays(6 - iso);
        DateOnly target = dir switch
        {
            < 0 => iso >= 6 ? saturdayThisWeek.AddDays(-7) : saturdayThisWeek.AddDays(-7),
            > 0 => saturdayThisWeek.AddDays(iso >= 6 ? 7 : 0),
            _ => future || iso >= 5 ? saturdayThisWeek : saturdayThisWeek.AddDays(-7),
        };
        return TimeLexicon.Week(target) + "-WE";
    }

    private static bool CountedUnit(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Duration;
        value = "";
        var nText = m.Groups["n"].Value;
        var unitWord = m.Groups["unit"].Value;
        var (letter, _, _) = TimeLexicon.Unit(unitWord);
        bool article = nText.Equals("a", StringComparison.OrdinalIgnoreCase) || nText.Equals("an", StringComparison.OrdinalIgnoreCase);
        if (letter == "S" && article)
        {
            return false; // "a second" is an ordinal far more often than a duration.
        }

        if (nText.Equals("some", StringComparison.OrdinalIgnoreCase) && !unitWord.EndsWith('s'))
        {
            return false;
        }

        if (letter == "Q" && (article || m.Value.Contains('-', StringComparison.Ordinal)))
        {
            return false; // "a quarter of", "three-quarters": fractions
        }

        if (article && !m.Groups["dir"].Success && AfterAmount(c))
        {
            type = TimexType.Set; // "$5 a year", "2% a month": a rate
            value = TimeLexicon.Duration(1, unitWord);
            return true;
        }

        double? count = TimeLexicon.Number(nText);
        if (!m.Groups["dir"].Success)
        {
            value = letter == "WE" ? "P2D" : TimeLexicon.Duration(count, unitWord);
            return true;
        }

        var dirWord = m.Groups["dir"].Value.ToLowerInvariant();
        int sign = dirWord is "ago" or "earlier" ? -1 : 1;
        type = TimexType.Date;
        if (c.Anchor is not { } a || count is null)
        {
            value = letter switch
            {
                "D" => "XXXX-XX-XX",
                "W" => "XXXX-WXX",
                "M" => "XXXX-XX",
                _ => "XXXX",
            };
            if (count is null && c.Anchor is not null)
            {
                value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
            }

            return true;
        }

        int n = (int)Math.Round(count.Value) * sign;
        value = letter switch
        {
            "D" => TimeLexicon.Day(a.AddDays(n)),
            "W" or "WE" => TimeLexicon.Week(a.AddDays(7 * n)),
            "M" => MonthShift(a, n),
            "Q" => MonthShift(a, 3 * n),
            "DE" => TimeLexicon.Year(a.Year + (10 * n)),
            "CE" => TimeLexicon.Year(a.Year + (100 * n)),
            "H" or "M" or "S" => TimeLexicon.Day(a),
            _ => TimeLexicon.Year(a.Year + n),
        };
        if (letter is "H" or "S" || (letter == "M" && unitWord.StartsWith("min", StringComparison.OrdinalIgnoreCase)))
        {
            type = TimexType.Time;
            value = TimeLexicon.Day(a);
        }

        return true;
    }

    private static bool AfterAmount(in TimexContext c)
    {
        int i = c.Start;
        while (i > 0 && c.Text[i - 1] == ' ')
        {
            i--;
        }

        int end = i;
        while (i > 0 && !char.IsWhiteSpace(c.Text[i - 1]))
        {
            i--;
        }

        var prev = c.Text.AsSpan(i, end - i);
        return prev.IndexOfAnyInRange('0', '9') >= 0 || prev.EndsWith("%") || prev.Equals("million", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("billion", StringComparison.OrdinalIgnoreCase) || prev.Equals("percent", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("times", StringComparison.OrdinalIgnoreCase) || prev.Equals("dollars", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("cents", StringComparison.OrdinalIgnoreCase) || prev.Equals("once", StringComparison.OrdinalIgnoreCase)
            || prev.Equals("twice", StringComparison.OrdinalIgnoreCase);
    }

    private static string MonthShift(DateOnly a, int months)
    {
        var d = a.AddMonths(months);
        return TimeLexicon.MonthValue(d.Year, d.Month);
    }

    private static bool VagueUnits(Match m, in TimexContext c, out TimexType type, out string value)
    {
        var q = m.Groups["q"].Value.ToLowerInvariant();
        if (q == "recent")
        {
            type = TimexType.Date;
            value = "PAST_REF";
            return true;
        }

        type = TimexType.Duration;
        value = TimeLexicon.Duration(null, m.Groups["unit"].Value);
        return true;
    }

    private static bool BareUnits(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Duration;
        value = TimeLexicon.Duration(null, m.Groups["unit"].Value);
        return true;
    }

    private static bool Reference(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        var r = string.Join(' ', m.Groups["ref"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        value = r switch
        {
            "now" or "currently" or "nowadays" or "presently" or "at present" or "these days" or "current" => "PRESENT_REF",
            "the future" or "future" or "soon" or "the near future" or "the near term" or "the short term" => "FUTURE_REF",
            _ => "PAST_REF",
        };
        return true;
    }

    private static bool SeasonDate(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        value = "";
        var rel = m.Groups["rel"].Success ? m.Groups["rel"].Value.ToLowerInvariant() : "";
        bool hasYear = m.Groups["year"].Success;
        bool fall = m.Groups["season"].Value.Equals("fall", StringComparison.OrdinalIgnoreCase);
        if (!hasYear && (rel.Length == 0 || (rel == "the" && fall)) && !m.Groups["mod"].Success)
        {
            return false; // "fall" and "the fall (of the regime)" are too often not seasons; a bare "spring" is a water source as often as a season
        }

        var code = TimeLexicon.Season(m.Groups["season"].Value);
        if (hasYear)
        {
            value = m.Groups["year"].Value + "-" + code;
            return true;
        }

        if (c.Anchor is not { } a)
        {
            value = "XXXX-" + code;
            return true;
        }

        int seasonStart = code switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
        int year = a.Year;
        if (rel.StartsWith("last", StringComparison.Ordinal) || rel.EndsWith("past", StringComparison.Ordinal))
        {
            year = seasonStart <= a.Month ? a.Year - (seasonStart + 3 > a.Month ? 1 : 0) : a.Year - 1;
            if (code == "WI" && a.Month <= 3)
            {
                year = a.Year - 1;
            }
        }
        else if (rel.StartsWith("next", StringComparison.Ordinal) || rel.EndsWith("coming", StringComparison.Ordinal))
        {
            year = seasonStart > a.Month ? a.Year : a.Year + 1;
        }
        else if (code == "WI" && a.Month <= 2)
        {
            year = a.Year - 1;
        }

        value = TimeLexicon.Year(year) + "-" + code;
        return true;
    }

    private static bool QuarterDate(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        value = "";
        var rel = m.Groups["rel"].Success ? m.Groups["rel"].Value.ToLowerInvariant() : "";
        bool half = m.Groups["q"].Value.Equals("half", StringComparison.OrdinalIgnoreCase);
        if (m.Groups["q"].Value.Equals("period", StringComparison.OrdinalIgnoreCase) && (rel.Length == 0 || m.Groups["ord"].Success))
        {
            return false; // only "the latest period", "the year-ago period": a results story's quarter
        }

        if (!m.Groups["ord"].Success && rel.Length == 0 && !m.Groups["fy"].Success)
        {
            return false; // bare "quarter"/"the quarter" is left to the relative-unit rule
        }

        if (!m.Groups["ord"].Success && half)
        {
            return false;
        }

        int year = m.Groups["year"].Success ? Int(m.Groups["year"]) : m.Groups["fy"].Success ? Int(m.Groups["fy"]) : c.Anchor?.Year ?? -1;
        int n;
        if (m.Groups["ord"].Success)
        {
            n = char.ToLowerInvariant(m.Groups["ord"].Value[0]) switch
            {
                'f' when m.Groups["ord"].Value.StartsWith("fi", StringComparison.OrdinalIgnoreCase) => 1,
                'f' => 4,
                's' => 2,
                't' => 3,
                '1' => 1,
                '2' => 2,
                '3' => 3,
                _ => 4,
            };
        }
        else if (c.Anchor is { } a)
        {
            int index = (a.Year * 4) + TimeLexicon.QuarterOf(a) - 2;
            year = index / 4;
            n = (index % 4) + 1;
        }
        else
        {
            n = 0;
        }

        if (half && n > 2)
        {
            return false;
        }

        if (rel is "year-ago" or "year-earlier" && year > 0)
        {
            year--;
        }

        var y = year > 0 ? TimeLexicon.Year(year) : "XXXX";
        value = y + (half ? "-H" : "-Q") + (n > 0 ? n.ToString(CultureInfo.InvariantCulture) : "X");
        return true;
    }

    private static bool SetValue(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Set;
        if (m.Groups["adv"].Success)
        {
            value = m.Groups["adv"].Value.ToLowerInvariant() switch
            {
                "daily" or "nightly" => "P1D",
                "weekly" => "P1W",
                "biweekly" => "P2W",
                "monthly" => "P1M",
                "quarterly" => "P3M",
                "semiannually" => "P6M",
                "hourly" => "PT1H",
                _ => "P1Y",
            };
            return true;
        }

        if (m.Groups["wd"].Success)
        {
            var wd = TimeLexicon.Weekday(m.Groups["wd"].ValueSpan);
            value = "XXXX-WXX-" + (wd == DayOfWeek.Sunday ? 7 : (int)wd).ToString(CultureInfo.InvariantCulture);
            return true;
        }

        double? n = m.Groups["n"].Success ? TimeLexicon.Number(m.Groups["n"].Value) : 1;
        if (m.Groups["other"].Success)
        {
            n = 2;
        }

        value = TimeLexicon.Duration(n, m.Groups["unit"].Value);
        return true;
    }

    private static bool ClockTime(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Time;
        var day = c.Anchor is { } a ? TimeLexicon.Day(a) : "XXXX-XX-XX";
        if (m.Groups["nm"].Success)
        {
            value = day + (m.Groups["nm"].Value.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? "T24:00" : "T12:00");
            return true;
        }

        if (m.Groups["rd"].Success)
        {
            var rd = m.Groups["rd"].Value.ToLowerInvariant();
            if (c.Anchor is { } an)
            {
                int offset = rd switch
                {
                    "today" => 0,
                    "tomorrow" => 1,
                    "yesterday" => -1,
                    _ => -(((int)an.DayOfWeek - (int)TimeLexicon.Weekday(m.Groups["rd"].ValueSpan) + 7) % 7),
                };
                if (rd.Length > 0 && char.IsUpper(m.Groups["rd"].Value[0]) && c.IsFuture && offset < 0)
                {
                    offset += 7;
                }

                day = TimeLexicon.Day(an.AddDays(offset));
            }
        }

        int h = Int(m.Groups["h"]);
        int mi = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
        if (h is < 1 or > 12)
        {
            value = "";
            return false;
        }

        bool pm = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p';
        h = (h % 12) + (pm ? 12 : 0);
        value = day + "T" + h.ToString("00", CultureInfo.InvariantCulture) + ":" + mi.ToString("00", CultureInfo.InvariantCulture);
        return true;
    }

    private static bool Holiday(Match m, in TimexContext c, out TimexType type, out string value)
    {
        type = TimexType.Date;
        var name = string.Join(' ', m.Groups["hol"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        int year = m.Groups["year"].Success ? Int(m.Groups["year"]) : c.Anchor?.Year ?? -1;
        if (year < 0)
        {
            value = "XXXX";
            return true;
        }

        DateOnly date = HolidayDate(name, year);
        if (!m.Groups["year"].Success && c.Anchor is { } a)
        {
            var rel = m.Groups["rel"].Success ? m.Groups["rel"].Value.ToLowerInvariant() : "";
            if ((rel == "last" && date >= a) || (rel.Length == 0 && !c.IsFuture && date.DayNumber - a.DayNumber > 60))
            {
                date = HolidayDate(name, year - 1);
            }
            else if ((rel == "next" && date <= a) || (rel.Length == 0 && c.IsFuture && date < a))
            {
                date = HolidayDate(name, year + 1);
            }
        }

        value = TimeLexicon.Day(date);
        return true;
    }

    private static DateOnly HolidayDate(string name, int year)
    {
        if (name.StartsWith("christmas", StringComparison.Ordinal))
        {
            return new DateOnly(year, 12, name.EndsWith("eve", StringComparison.Ordinal) ? 24 : 25);
        }

        if (name.StartsWith("new year", StringComparison.Ordinal))
        {
            return name.EndsWith("eve", StringComparison.Ordinal) ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        }

        if (name.StartsWith("thanksgiving", StringComparison.Ordinal))
        {
            return NthWeekday(year, 11, DayOfWeek.Thursday, 4);
        }

        if (name.StartsWith("labor", StringComparison.Ordinal))
        {
            return NthWeekday(year, 9, DayOfWeek.Monday, 1);
        }

        if (name.StartsWith("memorial", StringComparison.Ordinal))
        {
            var d = new DateOnly(year, 5, 31);
            while (d.DayOfWeek != DayOfWeek.Monday)
            {
                d = d.AddDays(-1);
            }

            return d;
        }

        if (name.StartsWith("easter", StringComparison.Ordinal))
        {
            return Easter(year);
        }

        if (name.StartsWith("election", StringComparison.Ordinal))
        {
            return NthWeekday(year, 11, DayOfWeek.Monday, 1).AddDays(1);
        }

        return name switch
        {
            "independence day" => new DateOnly(year, 7, 4),
            "halloween" => new DateOnly(year, 10, 31),
            _ => new DateOnly(year, 11, 11),
        };
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }

        return d.AddDays(7 * (n - 1));
    }

    private static DateOnly Easter(int y)
    {
        // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(y, month, day);
    }

    [GeneratedRegex(NamedEventPattern, Options)]
    private static partial Regex NamedEventRegex();

    [GeneratedRegex(IsoDatePattern, Options)]
    private static partial Regex IsoDateRegex();

    [GeneratedRegex(SlashDatePattern, Options)]
    private static partial Regex SlashDateRegex();

    [GeneratedRegex(MonthDayPattern, Options)]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(DayMonthPattern, Options)]
    private static partial Regex DayMonthRegex();

    [GeneratedRegex(MonthYearPattern, Options)]
    private static partial Regex MonthYearRegex();

    [GeneratedRegex(MonthPattern, Options)]
    private static partial Regex MonthRegex();

    [GeneratedRegex(YearPattern, Options)]
    private static partial Regex YearRegex();

    [GeneratedRegex(DecadePattern, Options)]
    private static partial Regex DecadeRegex();

    [GeneratedRegex(CenturyPattern, Options)]
    private static partial Regex CenturyRegex();

    [GeneratedRegex(RelDayPattern, Options)]
    private static partial Regex RelDayRegex();

    [GeneratedRegex(WeekdayPattern, Options)]
    private static partial Regex WeekdayRegex();

    [GeneratedRegex(ThatUnitPattern, Options)]
    private static partial Regex ThatUnitRegex();

    [GeneratedRegex(NextPodPattern, Options)]
    private static partial Regex NextPodRegex();

    [GeneratedRegex(WeekOfPattern, Options)]
    private static partial Regex WeekOfRegex();

    [GeneratedRegex(RelUnitPattern, Options)]
    private static partial Regex RelUnitRegex();

    [GeneratedRegex(CountPattern, Options)]
    private static partial Regex CountRegex();

    [GeneratedRegex(VaguePattern, Options)]
    private static partial Regex VagueRegex();

    [GeneratedRegex(BareUnitsPattern, Options)]
    private static partial Regex BareUnitsRegex();

    [GeneratedRegex(RefPattern, Options)]
    private static partial Regex RefRegex();

    [GeneratedRegex(SeasonPattern, Options)]
    private static partial Regex SeasonRegex();

    [GeneratedRegex(QuarterPattern, Options)]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(SetPattern, Options)]
    private static partial Regex SetRegex();

    [GeneratedRegex(ClockPattern, Options)]
    private static partial Regex ClockRegex();

    [GeneratedRegex(HolidayPattern, Options)]
    private static partial Regex HolidayRegex();

    [GeneratedRegex(SpelledYearPattern, Options)]
    private static partial Regex SpelledYearRegex();
}
