namespace Hearsay.Nlp.Tokenization;

/// <summary>
/// Words that keep their final period in news English (UD/PTB convention: "Mr.", "Inc.", "U.S."),
/// split into those that normally precede a name or number (never end a sentence) and the rest.
/// </summary>
internal static class Abbreviations
{
    /// <summary>Titles and similar: the next word belongs to the same sentence.</summary>
    private static readonly HashSet<string> Prenominal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "brig",
        "gov", "sen", "rep", "reps", "sens", "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt", "fr", "sr", "jr",
        "st", "mt", "ft", "vol", "vols", "fig", "figs", "cf", "vs", "v",
        "e.g", "i.e", "approx", "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "u.s.a", "e.u",
    };

    /// <summary>Abbreviations that may also end a sentence ("... of Apple Inc. The company ...").</summary>
    private static readonly HashSet<string> Other = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "ltd", "co", "corp", "bros", "plc", "llc", "etc", "al", "est", "dept", "univ", "assn", "ave", "blvd", "rd",
        "hwy", "sq", "a.m", "p.m", "ph.d", "b.a", "m.a", "b.sc", "m.d", "d.c", "l.a", "n.y", "n.j", "a.d", "b.c",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
        "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
        "vt", "wash", "wis", "wyo", "min", "max", "mins", "hrs", "yr", "yrs", "oz", "lb", "lbs", "ft", "km", "govt",
        "intl", "natl", "mgr", "asst", "assoc", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "viz", "ibid",
    };

    /// <summary>Abbreviations only before a number ("No. 5", "p. 12"); otherwise the word ("No.") ends with a full stop.</summary>
    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "art", "sec", "ch", "pp", "p", "op", "para",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumberLookup = BeforeNumber.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PrenominalLookup = Prenominal.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherLookup = Other.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> (without its final period) keeps the period as part of the token.</summary>
    public static bool KeepsPeriod(ReadOnlySpan<char> word, char next)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        if (BeforeNumberLookup.Contains(word))
        {
            return char.IsDigit(next);
        }

        if (IsInitials(word))
        {
            return true;
        }

        return PrenominalLookup.Contains(word) || OtherLookup.Contains(word);
    }

    /// <summary>Whether a token ending in a kept period normally runs on into the next word.</summary>
    public static bool IsPrenominal(ReadOnlySpan<char> word) => PrenominalLookup.Contains(word) || BeforeNumberLookup.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));

    /// <summary>"J", "U.S", "e.g": single letters joined by periods.</summary>
    public static bool IsInitials(ReadOnlySpan<char> word)
    {
        if (word.Length == 1)
        {
            return char.IsLetter(word[0]);
        }

        for (int i = 0; i < word.Length; i++)
        {
            bool letterSlot = (i % 2) == 0;
            if (letterSlot ? !char.IsLetter(word[i]) : word[i] != '.')
            {
                return false;
            }
        }

        return (word.Length % 2) == 1;
    }
}
