using System.Globalization;

namespace Hearsay.Nlp.Time;

/// <summary>Words the time grammar needs as numbers: months, weekdays, counts, units and calendar arithmetic on them.</summary>
internal static class TimeLexicon
{
    public const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.|Sept|Jan|Feb|Aug|Oct|Nov|Dec";

    public const string Weekdays = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.|Tues\\.|Tue\\.|Wed\\.|Thurs\\.|Thur\\.|Thu\\.|Fri\\.|Sat\\.";

    /// <summary>Counts written as words or digits; "a"/"an" stand for one.</summary>
    public const string Count = "(?:\\d+(?:\\.\\d+)?(?:\\s+1/2)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a\\s+hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|a\\s+few|few|several|many|a\\s+couple\\s+of|couple\\s+of|a\\s+couple|some|dozens\\s+of|hundreds\\s+of|a\\s+half|one\\s+and\\s+a\\s+half|a\\s+dozen)";

    public const string Units = "seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|years?|decades?|century|centuries|quarters?|fortnights?";

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["a hundred"] = 100, ["a couple of"] = 2, ["couple of"] = 2, ["a couple"] = 2, ["a dozen"] = 12,
    };

    /// <summary>1-12 for a month name or abbreviation, 0 when it is not one.</summary>
    public static int Month(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return 0;
        }

        Span<char> key = stackalloc char[3];
        word[..3].ToLowerInvariant(key);
        return key switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            "dec" => 12,
            _ => 0,
        };
    }

    public static DayOfWeek Weekday(ReadOnlySpan<char> word)
    {
        Span<char> key = stackalloc char[2];
        word[..2].ToLowerInvariant(key);
        return key switch
        {
            "mo" => DayOfWeek.Monday,
            "tu" => DayOfWeek.Tuesday,
            "we" => DayOfWeek.Wednesday,
            "th" => DayOfWeek.Thursday,
            "fr" => DayOfWeek.Friday,
            "sa" => DayOfWeek.Saturday,
            _ => DayOfWeek.Sunday,
        };
    }

    /// <summary>A count as a number, or null for vague counts ("several", "a few") that TimeML writes as X.</summary>
    public static double? Number(string text)
    {
        var t = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (t.EndsWith(" 1/2", StringComparison.Ordinal) && double.TryParse(t[..^4], NumberStyles.Float, CultureInfo.InvariantCulture, out var whole))
        {
            return whole + 0.5;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        if (NumberWords.TryGetValue(t, out var n))
        {
            return n;
        }

        if (t.Equals("a half", StringComparison.OrdinalIgnoreCase))
        {
            return 0.5;
        }

        if (t.Equals("one and a half", StringComparison.OrdinalIgnoreCase))
        {
            return 1.5;
        }

        int dash = t.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && NumberWords.TryGetValue(t[..dash], out var tens) && NumberWords.TryGetValue(t[(dash + 1)..], out var ones))
        {
            return tens + ones;
        }

        return null;
    }

    /// <summary>The TimeML unit letter(s) of a unit word and whether it is a clock unit (written after "T").</summary>
    public static (string Letter, bool Clock, int Multiplier) Unit(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.StartsWith("sec", StringComparison.Ordinal))
        {
            return ("S", true, 1);
        }

        if (w.StartsWith("min", StringComparison.Ordinal))
        {
            return ("M", true, 1);
        }

        if (w.StartsWith("hour", StringComparison.Ordinal))
        {
            return ("H", true, 1);
        }

        if (w.StartsWith("day", StringComparison.Ordinal))
        {
            return ("D", false, 1);
        }

        if (w.StartsWith("weekend", StringComparison.Ordinal))
        {
            return ("WE", false, 1);
        }

        if (w.StartsWith("fortnight", StringComparison.Ordinal))
        {
            return ("W", false, 2);
        }

        if (w.StartsWith("week", StringComparison.Ordinal))
        {
            return ("W", false, 1);
        }

        if (w.StartsWith("month", StringComparison.Ordinal))
        {
            return ("M", false, 1);
        }

        if (w.StartsWith("quarter", StringComparison.Ordinal))
        {
            return ("Q", false, 1);
        }

        if (w.StartsWith("decade", StringComparison.Ordinal))
        {
            return ("DE", false, 1);
        }

        if (w.StartsWith("cent", StringComparison.Ordinal))
        {
            return ("CE", false, 1);
        }

        return ("Y", false, 1);
    }

    public static string Duration(double? count, string unitWord)
    {
        var (letter, clock, mult) = Unit(unitWord);
        string n;
        if (count is null)
        {
            n = "X";
        }
        else
        {
            var c = count.Value * mult;
            if (c != Math.Floor(c))
            {
                // TimeML has no fractions of a unit: 1.5 hours is 90 minutes, half a year 6 months.
                (c, letter, clock) = letter switch
                {
                    "H" => (c * 60, "M", true),
                    "D" => (c * 24, "H", true),
                    "Y" => (c * 12, "M", false),
                    "W" => (c * 7, "D", false),
                    _ => (c, letter, clock),
                };
            }

            n = c == Math.Floor(c) ? ((long)c).ToString(CultureInfo.InvariantCulture) : c.ToString("0.#", CultureInfo.InvariantCulture);
        }

        return clock ? "PT" + n + letter : "P" + n + letter;
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string MonthValue(int year, int month) => year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month.ToString("00", CultureInfo.InvariantCulture);

    public static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return ISOWeek.GetYear(dt).ToString("0000", CultureInfo.InvariantCulture) + "-W" + ISOWeek.GetWeekOfYear(dt).ToString("00", CultureInfo.InvariantCulture);
    }

    public static string Quarter(int year, int quarter) => Year(year) + "-Q" + quarter.ToString(CultureInfo.InvariantCulture);

    public static int QuarterOf(DateOnly d) => ((d.Month - 1) / 3) + 1;

    public static string Season(string word) => word.ToLowerInvariant() switch
    {
        "spring" => "SP",
        "summer" => "SU",
        "winter" => "WI",
        _ => "FA",
    };
}
