using System.Text.RegularExpressions;
using Hearsay.Core.Evaluation;

namespace Hearsay.Extraction.Evaluation;

/// <summary>
/// Body and metadata scores over a set of pages. Body: trafilatura's snippet metric (whitespace collapsed,
/// each "with" snippet found is a TP, missing a FN, each "without" snippet found a FP). Metadata: exact-match
/// accuracy after <see cref="FieldNormalizer"/>, over the pages that have gold for the field.
/// </summary>
public sealed partial class ExtractionScores
{
    private PrecisionRecall body;

    public int Pages { get; private set; }

    public int Failed { get; private set; }

    public int TitleGold { get; private set; }

    public int TitleOk { get; private set; }

    public int AuthorGold { get; private set; }

    public int AuthorOk { get; private set; }

    public int DateGold { get; private set; }

    public int DateOk { get; private set; }

    /// <summary>Date misses whose gold is the date the system gave as last modified (the gold took the update, not the publication).</summary>
    public int DateMissIsModified { get; private set; }

    public bool HasBody { get; private set; }

    public PrecisionRecall Body => body;

    public double TitleAccuracy => TitleGold == 0 ? 0 : (double)TitleOk / TitleGold;

    public double AuthorAccuracy => AuthorGold == 0 ? 0 : (double)AuthorOk / AuthorGold;

    public double DateAccuracy => DateGold == 0 ? 0 : (double)DateOk / DateGold;

    /// <summary>Scores one page; <paramref name="got"/> is null when the system failed on it. Returns a one-line verdict for reports.</summary>
    public string Add(ExtractionEvalPage gold, ExtractedFields? got)
    {
        Pages++;
        if (got is null || got.Text.Length == 0)
        {
            Failed++;
        }

        var text = got is null ? string.Empty : Whitespace().Replace(got.Text, " ").Trim();
        var page = default(PrecisionRecall);
        if (gold.With.Count > 0 || gold.Without.Count > 0)
        {
            HasBody = true;
        }

        foreach (var s in gold.With)
        {
            if (text.Contains(Whitespace().Replace(s, " ").Trim(), StringComparison.Ordinal))
            {
                page.TruePositives++;
            }
            else
            {
                page.FalseNegatives++;
            }
        }

        foreach (var s in gold.Without)
        {
            if (text.Contains(Whitespace().Replace(s, " ").Trim(), StringComparison.Ordinal))
            {
                page.FalsePositives++;
            }
        }

        body.Add(page);
        var verdict = $"{gold.Id}: tp={page.TruePositives} fn={page.FalseNegatives} fp={page.FalsePositives}";
        if (FieldNormalizer.Title(gold.Title) is { } gt)
        {
            TitleGold++;
            var ok = gt == FieldNormalizer.Title(got?.Title);
            TitleOk += ok ? 1 : 0;
            verdict += ok ? " title=ok" : $" title=MISS('{got?.Title}' vs '{gold.Title}')";
        }

        if (FieldNormalizer.Author(gold.Author) is { } ga)
        {
            AuthorGold++;
            var ok = ga == FieldNormalizer.Author(got?.Author);
            AuthorOk += ok ? 1 : 0;
            verdict += ok ? " author=ok" : $" author=MISS('{got?.Author}' vs '{gold.Author}')";
        }

        if (FieldNormalizer.Date(gold.Date) is { } gd)
        {
            DateGold++;
            var ok = gd == FieldNormalizer.Date(got?.Date);
            DateOk += ok ? 1 : 0;
            var isModified = !ok && got?.Modified is { } gm && gm == gd;
            DateMissIsModified += isModified ? 1 : 0;
            verdict += ok ? " date=ok" : $" date=MISS('{got?.Date}' vs '{gold.Date}'{(isModified ? ", gold is our modified date" : string.Empty)})";
        }

        return verdict;
    }

    /// <summary>The contract keys: f1, precision, recall (when the set has body gold), title, author, date.</summary>
    public Dictionary<string, object?> ToMetrics()
    {
        var m = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (HasBody)
        {
            m["f1"] = Math.Round(body.F1, 4);
            m["precision"] = Math.Round(body.Precision, 4);
            m["recall"] = Math.Round(body.Recall, 4);
        }

        m["title"] = Math.Round(TitleAccuracy, 4);
        m["author"] = Math.Round(AuthorAccuracy, 4);
        m["date"] = Math.Round(DateAccuracy, 4);
        m["counts"] = new Dictionary<string, int>
        {
            ["pages"] = Pages,
            ["failed"] = Failed,
            ["titleGold"] = TitleGold,
            ["authorGold"] = AuthorGold,
            ["dateGold"] = DateGold,
            ["dateMissIsModified"] = DateMissIsModified,
        };
        return m;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
