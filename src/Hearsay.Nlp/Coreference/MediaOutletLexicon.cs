namespace Hearsay.Nlp.Coreference;

/// <summary>
/// A heuristic, not a model: names of news organisations, recognised by a short list of outlets and by
/// words that news outlets' names end in ("... News Agency", "... Times", "... Post"). It errs on names such
/// as "Washington Post Office"; the attribution stage uses it only to type sources.
/// </summary>
public static class MediaOutletLexicon
{
    private static readonly HashSet<string> Outlets = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "AFP", "AP", "Associated Press", "Agence France-Presse", "Agence France Presse", "BBC", "CNN", "NPR",
        "NBC", "ABC", "CBS", "MSNBC", "Fox News", "Bloomberg", "Al-Arabiya", "Al Arabiya", "Al-Jazeera", "Al Jazeera",
        "Xinhua", "TASS", "Sputnik", "RIA Novosti", "Interfax", "Tolo", "TOLOnews", "Tolo News", "Pajhwok", "IRNA",
        "Fars", "Tasnim", "Dawn", "Newsweek", "Politico", "Axios", "Guardian", "The Guardian", "Telegraph", "Economist",
        "Der Spiegel", "Le Monde", "Haaretz", "Wikinews", "Anadolu", "Yonhap", "Kyodo", "Nikkei", "EFE", "ANSA", "DPA",
        "Voice of America", "VOA", "Radio Free Europe", "RFE/RL", "Deutsche Welle", "DW", "France 24", "Euronews", "CNBC",
    };

    private static readonly string[] Endings =
    [
        "News Agency", "News", "Times", "Post", "Tribune", "Journal", "Herald", "Gazette", "Press", "Telegraph",
        "Chronicle", "Daily", "Radio", "TV", "Television", "Broadcasting", "Broadcasting Corporation", "Network",
        "Magazine", "Monitor", "Observer", "Courier", "Agency", "Newspaper", "Wire",
    ];

    /// <summary>Whether a name looks like a news organisation.</summary>
    public static bool IsMedia(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.Trim();
        if (n.StartsWith("The ", StringComparison.OrdinalIgnoreCase))
        {
            n = n[4..];
        }

        if (Outlets.Contains(n))
        {
            return true;
        }

        foreach (var e in Endings)
        {
            if (n.Length > e.Length + 1 && n.EndsWith(e, StringComparison.Ordinal) && n[^(e.Length + 1)] == ' ')
            {
                // "News Agency" alone or "Agency" in "Central Intelligence Agency" are not outlets: agencies only as news agencies.
                return e != "Agency" || n.Contains("News", StringComparison.Ordinal) || n.Contains("Press", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
