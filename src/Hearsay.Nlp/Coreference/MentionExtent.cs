using System.Runtime.InteropServices;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// A learned right boundary for noun-phrase mentions. The candidates are the base phrase and the base phrase plus its
/// head's right dependents in the parse, one more at a time ("Pregnant women" / "Pregnant women in Australia" /
/// "..., who ..."); a linear model scores each (what it takes in: relation, preposition, comma, tag of every dependent
/// taken; what it stops before) and the best one is the reported phrase. Boundaries were the largest error source
/// under the fixed rules of <see cref="PhraseExtent"/>, whose choice is one of the features. Trained on GUM train's
/// gold mention spans by <see cref="Train"/>; stored with the ranker (<see cref="MentionRanker"/>).
/// </summary>
public sealed class MentionExtent
{
    /// <summary>Right dependents considered: enough for "the X of Y in Z, which ..."; more only add noise.</summary>
    private const int MaxDependents = 6;

    public MentionExtent(SparseLinearModel weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Weights = weights;
    }

    public SparseLinearModel Weights { get; }

    /// <summary>The chosen end (exclusive) of the phrase starting at <paramref name="start"/> whose base ends at <paramref name="end"/>.</summary>
    public int End(Document document, int start, int end, int head, bool name)
    {
        ArgumentNullException.ThrowIfNull(document);
        var candidates = Candidates(document, start, end, head);
        if (candidates.Count == 1)
        {
            return end;
        }

        int best = Best(document, candidates, head, name, PhraseExtent.End(document, start, end, head), Weights.Score, new List<ulong>(32));
        return candidates[best].End;
    }

    /// <summary>
    /// Trains the boundary model on the mentions the detector finds in gold-annotated documents (tags, parse and names
    /// predicted): each mention whose candidates include a gold span learns to prefer it (the longest when several are).
    /// </summary>
    internal static MentionExtent Train(IReadOnlyList<(CorefDocument Document, List<CorefMention> Mentions)> data, int epochs, int seed, TextWriter log)
    {
        var instances = new List<(Document Doc, List<Candidate> Candidates, int Head, bool Name, int Rule, int Gold)>();
        int ruleRight = 0;
        foreach (var (d, mentions) in data)
        {
            var gold = new HashSet<(int, int)>();
            foreach (var g in d.Mentions)
            {
                gold.Add((g.Tokens.Start, g.Tokens.End));
            }

            foreach (var m in mentions)
            {
                if (m.Kind == MentionKind.Pronoun || m.Relative)
                {
                    continue;
                }

                var candidates = Candidates(d.Document, m.Start, m.End, m.Head);
                int target = -1;
                for (int k = 0; k < candidates.Count; k++)
                {
                    if (gold.Contains((m.Start, candidates[k].End)))
                    {
                        target = k;
                    }
                }

                if (target < 0 || candidates.Count == 1)
                {
                    continue;
                }

                int rule = PhraseExtent.End(d.Document, m.Start, m.End, m.Head);
                ruleRight += rule == candidates[target].End ? 1 : 0;
                instances.Add((d.Document, candidates, m.Head, m.Kind == MentionKind.Name, rule, target));
            }
        }

        var perceptron = new AveragedPerceptron(2);
        var rng = new Random(seed);
        var order = Enumerable.Range(0, instances.Count).ToArray();
        var features = new List<ulong>(32);
        var goldFeatures = new List<ulong>(32);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            int errors = 0;
            foreach (int i in order)
            {
                var (doc, candidates, head, name, rule, target) = instances[i];
                int guess = Best(doc, candidates, head, name, rule, perceptron.Score, features);
                perceptron.Tick();
                if (guess != target)
                {
                    errors++;
                    features.Clear();
                    Features(doc, candidates, guess, head, name, rule, features);
                    goldFeatures.Clear();
                    Features(doc, candidates, target, head, name, rule, goldFeatures);
                    perceptron.Update(CollectionsMarshal.AsSpan(goldFeatures), 1, 0);
                    perceptron.Update(CollectionsMarshal.AsSpan(features), 0, 1);
                }
            }

            log.WriteLine(FormattableString.Invariant($"coref extent: epoch {epoch}: {errors}/{instances.Count} wrong ({errors / Math.Max(1.0, instances.Count):P1}); the fixed rules {instances.Count - ruleRight} wrong"));
        }

        return new MentionExtent(perceptron.Average());
    }

    /// <summary>The candidate with the highest margin (class 1 minus class 0) under <paramref name="score"/>; the first on a tie.</summary>
    private static int Best(Document document, List<Candidate> candidates, int head, bool name, int rule, ScoreFunction score, List<ulong> features)
    {
        Span<float> scores = stackalloc float[2];
        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int k = 0; k < candidates.Count; k++)
        {
            features.Clear();
            Features(document, candidates, k, head, name, rule, features);
            score(CollectionsMarshal.AsSpan(features), scores);
            if (scores[1] - scores[0] > bestScore)
            {
                bestScore = scores[1] - scores[0];
                best = k;
            }
        }

        return best;
    }

    private delegate void ScoreFunction(ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>One candidate boundary: its end and the dependent it takes in last (-1 for the base phrase).</summary>
    private readonly record struct Candidate(int End, int Dependent);

    private static List<Candidate> Candidates(Document document, int start, int end, int head)
    {
        var list = new List<Candidate> { new(end, -1) };
        var tokens = document.Tokens;
        int sentence = head >= 0 && head < tokens.Length ? document.SentenceOf(head) : -1;
        if (sentence < 0)
        {
            return list;
        }

        int limit = document.Sentences[sentence].Tokens.End;
        int reach = end;
        for (int t = end; t < limit && list.Count <= MaxDependents; t++)
        {
            if (tokens[t].Head != head || tokens[t].Xpos is "," or "." or ":" or "``" or "''" or "-RRB-" or "-LRB-" or "HYPH")
            {
                continue;
            }

            // Coordination is a mention of its own around the conjuncts, and a clause beyond it is not the phrase's;
            // but "Vinita, OK" / "Victoria, Australia" is one GUM mention however the parser attaches the second name.
            bool placeTail = PlaceTail(tokens, head, t, limit);
            if (tokens[t].DepRel is "conj" or "cc" or "parataxis" or "root" && !placeTail)
            {
                break;
            }

            reach = Math.Max(reach, PhraseExtent.SubtreeEnd(tokens, t, limit));
            int trimmed = Trim(tokens, end, reach);
            if (trimmed > list[^1].End)
            {
                list.Add(new Candidate(trimmed, t));
            }

            if (placeTail && tokens[t].DepRel == "conj")
            {
                break;
            }
        }

        return list;
    }

    /// <summary>
    /// Whether dependent <paramref name="d"/> is a "Name, Name" place tail of a proper-noun head: a comma right
    /// before it, only proper nouns in its stretch, and no list going on after it ("Kraków, Warsaw and Wrocław" is a
    /// coordination). GUM train (licensed genres) marks 51 such "Place, Place" sequences as one mention and the
    /// shipped model found 26 of them only as the first name.
    /// </summary>
    private static bool PlaceTail(Token[] tokens, int head, int d, int limit)
    {
        if (tokens[head].Xpos is not ("NNP" or "NNPS") || tokens[d].Xpos is not ("NNP" or "NNPS") || d < 2 || tokens[d - 1].Xpos != ",")
        {
            return false;
        }

        int end = PhraseExtent.SubtreeEnd(tokens, d, limit);
        if (end - d > 3)
        {
            return false;
        }

        for (int t = d; t < end; t++)
        {
            if (tokens[t].Xpos is not ("NNP" or "NNPS"))
            {
                return false;
            }
        }

        return end >= limit || tokens[end].Xpos is not "," && tokens[end].DepRel is not ("cc" or "conj");
    }

    /// <summary>
    /// Features of taking candidate <paramref name="k"/>: every dependent it takes in (relation, preposition or marker,
    /// comma before, tag), the dependent it stops before, and whether the fixed rules would end there.
    /// </summary>
    private static void Features(Document document, List<Candidate> candidates, int k, int head, bool name, int rule, List<ulong> f)
    {
        var tokens = document.Tokens;
        ulong kind = name ? 1UL : 2UL;
        ulong own = FeatureHash.Of(tokens[head].DepRel ?? "_");
        ulong headTag = FeatureHash.Of(tokens[head].Xpos ?? "_");
        f.Add(FeatureHash.Feature(100, kind, Flag(candidates[k].End == rule)));
        f.Add(FeatureHash.Feature(101, kind, (ulong)k, (ulong)Math.Min(candidates.Count, 4)));
        for (int i = 1; i <= k; i++)
        {
            int d = candidates[i].Dependent;
            ulong rel = FeatureHash.Of(tokens[d].DepRel ?? "_");
            ulong marker = FeatureHash.Of(Marker(document, d));
            bool comma = Comma(tokens, candidates[i - 1].End, d);
            ulong tag = FeatureHash.Of(tokens[d].Xpos ?? "_");
            f.Add(FeatureHash.Feature(102, kind, rel, Flag(comma)));
            f.Add(FeatureHash.Feature(103, kind, rel, marker));
            f.Add(FeatureHash.Feature(104, rel, marker, Flag(comma), tag));
            f.Add(FeatureHash.Feature(105, kind, own, rel));
            f.Add(FeatureHash.Feature(106, headTag, rel, tag));
            f.Add(FeatureHash.Feature(107, kind, rel, (ulong)Math.Min(i, 3)));
            f.Add(FeatureHash.Feature(108, kind, rel, (ulong)Math.Min((candidates[i].End - candidates[i - 1].End + 1) / 2, 6)));
        }

        if (k + 1 < candidates.Count)
        {
            int next = candidates[k + 1].Dependent;
            ulong rel = FeatureHash.Of(tokens[next].DepRel ?? "_");
            f.Add(FeatureHash.Feature(110, kind, rel, FeatureHash.Of(Marker(document, next))));
            f.Add(FeatureHash.Feature(111, kind, rel, Flag(Comma(tokens, candidates[k].End, next))));
            f.Add(FeatureHash.Feature(112, kind, own, rel));
        }
        else
        {
            f.Add(FeatureHash.Feature(113, kind, own));
        }
    }

    /// <summary>The preposition or subordinator of a dependent ("in", "of", "who", "that"), or its own tag when none.</summary>
    private static string Marker(Document document, int d)
    {
        var tokens = document.Tokens;
        for (int c = Math.Max(0, d - 4); c < d; c++)
        {
            if (tokens[c].Head == d && tokens[c].DepRel is "case" or "mark")
            {
                return (tokens[c].Lemma ?? "_").ToLowerInvariant();
            }
        }

        for (int c = d + 1; c < Math.Min(tokens.Length, d + 6); c++)
        {
            if (tokens[c].Head == d && tokens[c].DepRel is "nsubj" or "obj" && tokens[c].Xpos is "WP" or "WDT" or "WRB")
            {
                return (tokens[c].Lemma ?? "_").ToLowerInvariant();
            }
        }

        for (int c = Math.Max(0, d - 4); c < d; c++)
        {
            if (tokens[c].Head == d && tokens[c].Xpos is "WP" or "WDT" or "WRB")
            {
                return (tokens[c].Lemma ?? "_").ToLowerInvariant();
            }
        }

        return "-";
    }

    /// <summary>Whether a comma stands between the part already taken and the dependent's stretch.</summary>
    private static bool Comma(Token[] tokens, int from, int d)
    {
        for (int t = from; t <= d && t < tokens.Length; t++)
        {
            if (tokens[t].Xpos == ",")
            {
                return true;
            }
        }

        return false;
    }

    private static int Trim(Token[] tokens, int end, int reach)
    {
        while (reach > end && tokens[reach - 1].Xpos is "," or "." or ":" or "``" or "''" or "-RRB-" or "-LRB-" or "HYPH")
        {
            reach--;
        }

        return reach;
    }

    private static ulong Flag(bool b) => b ? 1UL : 0UL;
}
