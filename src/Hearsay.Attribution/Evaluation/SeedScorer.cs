using System.Globalization;
using System.Text.Json.Nodes;
using Hearsay.Core.Documents;
using AttributionRecord = Hearsay.Core.Documents.Attribution;

namespace Hearsay.Attribution.Evaluation;

/// <summary>
/// Scores an analysed document against a seed gold file (the showcase format): per attribution
/// found or missing (source, cue and content overlapping gold; a longer cue containing the gold
/// one counts), source resolved to the named entity where <c>resolvesTo</c> is set, required
/// upstream links present in order; entity mentions landing in their entity and
/// <c>mustNotMerge</c>; required times with their values; boilerplate gone from the text.
/// Gold offsets are into the raw file; when the analysed text differs, each gold span is found
/// again by its text nearest to its offset.
/// </summary>
public static class SeedScorer
{
    public static SeedScore Score(Document doc, JsonNode gold)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(gold);
        var score = new SeedScore();
        ScoreAttributions(doc, gold["attributions"] as JsonArray ?? [], score);
        ScoreEntities(doc, gold["entities"] as JsonArray ?? [], score);
        ScoreTimes(doc, gold["times"] as JsonArray ?? [], score);
        int gone = 0, total = 0;
        foreach (var b in gold["boilerplate"] as JsonArray ?? [])
        {
            total++;
            var text = b?["text"]?.GetValue<string>() ?? "";
            bool removed = !doc.Text.Contains(text, StringComparison.Ordinal);
            gone += removed ? 1 : 0;
            score.Details.Add($"boilerplate {(removed ? "gone" : "STILL PRESENT")}: {Short(text)}");
        }

        score.Metrics["boilerplate"] = total == 0 ? 1.0 : Math.Round((double)gone / total, 4);
        return score;
    }

    private static void ScoreAttributions(Document doc, JsonArray golds, SeedScore score)
    {
        int all = 0, allFound = 0, req = 0, reqFound = 0, resolvable = 0, resolved = 0, chains = 0, chainsOk = 0, formOk = 0, polarityOk = 0;
        foreach (var g in golds)
        {
            if (g is null)
            {
                continue;
            }

            var id = g["id"]?.GetValue<string>() ?? "?";
            bool required = g["required"]?.GetValue<bool>() ?? false;
            var src = Locate(doc, g["source"]);
            var cue = Locate(doc, g["cue"]);
            var content = Locate(doc, g["content"]);
            all++;
            req += required ? 1 : 0;
            AttributionRecord? match = null;
            foreach (var a in doc.Attributions)
            {
                bool cueOk = cue is { } c && a.Cue.Overlaps(c);
                bool srcOk = src is { } s && a.Source.Range.Overlaps(s);
                bool contentOk = content is { } ct && a.Content.Any(p => p.Overlaps(ct));
                if (cueOk && srcOk && contentOk)
                {
                    match = a;
                    break;
                }
            }

            var resolvesTo = g["source"]?["resolvesTo"]?.GetValue<string>();
            var requiredLinks = (g["upstream"] as JsonArray ?? []).Where(u => u?["required"]?.GetValue<bool>() ?? false).ToList();
            if (required && resolvesTo is not null)
            {
                resolvable++;
            }

            if (required && requiredLinks.Count > 0)
            {
                chains++;
            }

            if (match is null)
            {
                score.Details.Add($"{id} MISSING{(required ? " (required)" : "")}: {Text(g["source"])} | {Text(g["cue"])} | {Short(Text(g["content"]))}{Near(doc, cue)}");
                continue;
            }

            all += 0;
            allFound++;
            reqFound += required ? 1 : 0;
            var line = $"{id} found: {doc.Slice(match.Source.Range)} ({match.Source.Type}) | {doc.Slice(match.Cue)} | form {match.Form} polarity {match.Polarity}";
            var goldForm = g["form"]?.GetValue<string>();
            var goldPolarity = g["contentPolarity"]?.GetValue<string>();
            formOk += string.Equals(goldForm, match.Form.ToString(), StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            polarityOk += string.Equals(goldPolarity, match.Polarity.ToString(), StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            if (required && resolvesTo is not null)
            {
                bool ok = match.Source.Entity is { } e && Names(doc, e.EntityIndex).Any(n => n.Equals(resolvesTo, StringComparison.OrdinalIgnoreCase));
                resolved += ok ? 1 : 0;
                line += $"; resolves to {match.Source.Entity?.Name ?? "nothing"} (gold {resolvesTo}{(ok ? ", ok" : ", WRONG")})";
            }

            if (required && requiredLinks.Count > 0)
            {
                bool ok = InOrder(doc, requiredLinks, match.Upstream);
                chainsOk += ok ? 1 : 0;
                line += $"; chain [{string.Join(", ", match.Upstream.Select(u => doc.Slice(u.Range)))}] {(ok ? "ok" : "WRONG")}";
            }

            score.Details.Add(line);
        }

        score.Metrics["required"] = Fraction(reqFound, req);
        score.Metrics["found"] = Fraction(allFound, all);
        score.Metrics["sourcesResolved"] = Fraction(resolved, resolvable);
        score.Metrics["chainsInOrder"] = Fraction(chainsOk, chains);
        score.Metrics["form"] = Fraction(formOk, allFound);
        score.Metrics["polarity"] = Fraction(polarityOk, allFound);
    }

    private static bool InOrder(Document doc, List<JsonNode?> gold, IReadOnlyList<ChainLink> predicted)
    {
        int k = 0;
        foreach (var link in predicted)
        {
            if (k < gold.Count && Locate(doc, gold[k]) is { } r && link.Range.Overlaps(r))
            {
                k++;
            }
        }

        return k == gold.Count;
    }

    private static void ScoreEntities(Document doc, JsonArray golds, SeedScore score)
    {
        int total = 0, landed = 0, pairs = 0, apart = 0;
        var home = new Dictionary<string, int>(StringComparer.Ordinal);
        var perEntity = new List<(string Id, List<int> Indices)>();
        foreach (var g in golds)
        {
            var id = g?["id"]?.GetValue<string>() ?? "?";
            var indices = new List<int>();
            foreach (var m in g?["mentions"] as JsonArray ?? [])
            {
                indices.Add(Locate(doc, m) is { } r ? EntityAt(doc, r) : -1);
            }

            // The entity most of the gold mentions landed in is this gold entity's home.
            var best = indices.Where(i => i >= 0).GroupBy(i => i).OrderByDescending(x => x.Count()).FirstOrDefault();
            home[id] = best?.Key ?? -1;
            perEntity.Add((id, indices));
        }

        foreach (var (id, indices) in perEntity)
        {
            int ok = indices.Count(i => i >= 0 && i == home[id]);
            total += indices.Count;
            landed += ok;
            if (ok < indices.Count)
            {
                score.Details.Add($"entity {id}: {ok}/{indices.Count} mentions in one entity");
            }
        }

        foreach (var g in golds)
        {
            var id = g?["id"]?.GetValue<string>() ?? "?";
            foreach (var other in g?["mustNotMerge"] as JsonArray ?? [])
            {
                var o = other?.GetValue<string>() ?? "";
                pairs++;
                bool separate = home.GetValueOrDefault(id, -1) < 0 || home.GetValueOrDefault(o, -1) < 0 || home[id] != home[o];
                apart += separate ? 1 : 0;
                if (!separate)
                {
                    score.Details.Add($"entity {id} MERGED with {o}");
                }
            }
        }

        score.Metrics["entityMentions"] = Fraction(landed, total);
        score.Metrics["mustNotMerge"] = Fraction(apart, pairs);
    }

    private static void ScoreTimes(Document doc, JsonArray golds, SeedScore score)
    {
        int total = 0, ok = 0;
        foreach (var g in golds)
        {
            if (g is null || !(g["required"]?.GetValue<bool>() ?? true))
            {
                continue;
            }

            total++;
            var value = g["value"]?.GetValue<string>();
            var r = Locate(doc, g);
            bool hit = r is { } range && doc.TimeExpressions.Any(t => t.Range.Overlaps(range) && t.Value == value);
            ok += hit ? 1 : 0;
            if (!hit)
            {
                score.Details.Add($"time MISSING: {Text(g)} = {value}");
            }
        }

        score.Metrics["times"] = Fraction(ok, total);
    }

    private static int EntityAt(Document doc, CharRange r)
    {
        int best = -1, overlap = 0;
        foreach (var m in doc.Mentions)
        {
            int o = m.Range.OverlapLength(r);
            if (o > overlap && m.EntityIndex >= 0)
            {
                overlap = o;
                best = m.EntityIndex;
            }
        }

        return best;
    }

    private static IEnumerable<string> Names(Document doc, int entityIndex)
    {
        if (entityIndex < 0 || entityIndex >= doc.Entities.Count)
        {
            yield break;
        }

        var e = doc.Entities[entityIndex];
        yield return e.CanonicalName;
        foreach (var mi in e.MentionIndices)
        {
            if (mi >= 0 && mi < doc.Mentions.Count)
            {
                yield return doc.Slice(doc.Mentions[mi].Range);
            }
        }
    }

    /// <summary>The gold span in the analysed text: at its offset when the text is there, else the nearest occurrence of its text.</summary>
    public static CharRange? Locate(Document doc, JsonNode? span)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (span is null)
        {
            return null;
        }

        var text = span["text"]?.GetValue<string>() ?? "";
        int start = span["start"]?.GetValue<int>() ?? 0;
        if (text.Length == 0)
        {
            return null;
        }

        if (start >= 0 && start + text.Length <= doc.Text.Length && string.CompareOrdinal(doc.Text, start, text, 0, text.Length) == 0)
        {
            return new CharRange(start, start + text.Length);
        }

        int best = -1;
        for (int at = doc.Text.IndexOf(text, StringComparison.Ordinal); at >= 0; at = doc.Text.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            if (best < 0 || Math.Abs(at - start) < Math.Abs(best - start))
            {
                best = at;
            }
        }

        return best < 0 ? null : new CharRange(best, best + text.Length);
    }

    private static string Near(Document doc, CharRange? cue)
    {
        if (cue is not { } c)
        {
            return "";
        }

        var near = doc.Attributions.Where(a => a.Cue.Overlaps(c)).Select(a => $" [predicted: {doc.Slice(a.Source.Range)} | {doc.Slice(a.Cue)} | {Short(string.Join(" … ", a.Content.Select(doc.Slice)))}]");
        return string.Concat(near);
    }

    private static double Fraction(int a, int b) => b == 0 ? 1.0 : Math.Round((double)a / b, 4);

    private static string Text(JsonNode? n) => n?["text"]?.GetValue<string>() ?? "";

    private static string Short(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");

    internal static string Invariant(double d) => d.ToString("0.####", CultureInfo.InvariantCulture);
}
