using System.Globalization;
using System.Runtime.CompilerServices;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tagging;

/// <summary>
/// Feature templates of the attribution tagger: the word and its neighbours, shape and affixes,
/// cue-lexicon strength, quotation state, and the position relative to the nearest likely cue
/// (distance, which cue, whether "that" or a comma intervenes). Penn tags are used when the
/// input has them, and so are distributional word classes (<see cref="WordClass"/>) when given. Features are hashed (<see cref="FeatureHash"/>), never materialized as strings.
/// </summary>
public sealed class FeatureExtractor
{
    private readonly CueLexicon _lexicon;

    /// <summary>Class numbers as strings, made once: features hash strings, and a class is a small number (0: none).</summary>
    private static readonly string[] ClassNumbers = Enumerable.Range(0, 1024).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();

    public FeatureExtractor(CueLexicon lexicon) => _lexicon = lexicon;

    private static string ClassName(ushort c) => c < ClassNumbers.Length ? ClassNumbers[c] : c.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Appends every token's features to <paramref name="features"/>; token i's are [offsets[i], offsets[i+1]).
    /// <paramref name="firstPass"/> are a first tagger's labels (stacking): where it put cues, sources and content.
    /// <paramref name="classes"/> are the words' distributional classes, or null (a model trained without them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Extract(string[] words, string?[]? pos, List<ulong> features, int[] offsets, int[]? firstPass = null, int[]? heads = null, string?[]? rels = null, WordClass[]? classes = null)
    {
        int n = words.Length;
        var norm = new string[n];
        var cueB = new string?[n];
        var inQuote = new bool[n];
        bool quoteOpen = false;
        bool anyQuote = false;
        bool anyCue = false;
        for (int i = 0; i < n; i++)
        {
            norm[i] = WordNormalizer.Normalize(words[i]);
            cueB[i] = _lexicon.Bucket(norm[i]);
            anyCue |= cueB[i] is "H" or "M";
            if (norm[i] == "\"")
            {
                // Directional marks settle the state; a plain " toggles it.
                quoteOpen = words[i] is "``" or "“" || (words[i] is not ("''" or "”") && !quoteOpen);
                anyQuote = true;
                inQuote[i] = false;
            }
            else
            {
                inQuote[i] = quoteOpen;
            }
        }

        // Nearest strong/medium cue to the left and right, and whether "that"/a comma lies between.
        var leftCue = new int[n];
        var rightCue = new int[n];
        var thatSinceCue = new bool[n];
        var stopSinceCue = new bool[n];
        var stopBeforeCue = new bool[n];
        var commaToRight = new bool[n];
        int last = -1;
        bool that = false;
        bool stop = false;
        for (int i = 0; i < n; i++)
        {
            leftCue[i] = last;
            thatSinceCue[i] = that;
            stopSinceCue[i] = stop;
            if (cueB[i] is "H" or "M")
            {
                last = i;
                that = false;
                stop = false;
            }
            else if (norm[i] is "." or "?" or "!")
            {
                stop = true;
            }
            else if (norm[i] == "that" && last >= 0)
            {
                that = true;
            }
        }

        last = -1;
        bool comma = false;
        stop = false;
        for (int i = n - 1; i >= 0; i--)
        {
            rightCue[i] = last;
            commaToRight[i] = comma;
            stopBeforeCue[i] = stop;
            if (cueB[i] is "H" or "M")
            {
                last = i;
                comma = false;
                stop = false;
            }
            else if (norm[i] is "." or "?" or "!")
            {
                stop = true;
            }
            else if (norm[i] is "," or "--")
            {
                comma = true;
            }
        }

        (int[] Cue, int[] Branch, int[] Depth, int[] Lo, int[] Hi)? tree = heads is not null && rels is not null ? CueBranches(heads, cueB, pos) : null;
        string sentenceFlags = (anyCue ? "c" : "-") + (anyQuote ? "q" : "-");
        for (int i = 0; i < n; i++)
        {
            offsets[i] = features.Count;
            var w = norm[i];
            string prev = i > 0 ? norm[i - 1] : "<s>";
            string next = i + 1 < n ? norm[i + 1] : "</s>";
            string prev2 = i > 1 ? norm[i - 2] : "<s>";
            string next2 = i + 2 < n ? norm[i + 2] : "</s>";
            string shape = WordNormalizer.Shape(words[i]);
            string q = inQuote[i] ? "Q" : "-";
            string cb = cueB[i] ?? "-";

            features.Add(FeatureHash.Of(1, "bias"));
            features.Add(FeatureHash.Of(2, w));
            features.Add(FeatureHash.Of(3, prev));
            features.Add(FeatureHash.Of(4, next));
            features.Add(FeatureHash.Of(5, prev2));
            features.Add(FeatureHash.Of(6, next2));
            features.Add(FeatureHash.Of(7, prev, w));
            features.Add(FeatureHash.Of(8, w, next));
            features.Add(FeatureHash.Of(9, shape));
            if (w.Length > 3)
            {
                features.Add(FeatureHash.Of(10, w.AsSpan(w.Length - 3)));
                features.Add(FeatureHash.Of(11, w.AsSpan(0, 3)));
            }

            features.Add(FeatureHash.Of(12, cb));
            features.Add(FeatureHash.Of(13, i > 0 ? cueB[i - 1] ?? "-" : "<s>"));
            features.Add(FeatureHash.Of(14, i + 1 < n ? cueB[i + 1] ?? "-" : "</s>"));
            features.Add(FeatureHash.Of(15, q, sentenceFlags));
            features.Add(FeatureHash.Of(16, q, cb));

            string ld = leftCue[i] < 0 ? "none" : Bucket(i - leftCue[i]);
            string rd = rightCue[i] < 0 ? "none" : Bucket(rightCue[i] - i);
            features.Add(FeatureHash.Of(17, ld));
            features.Add(FeatureHash.Of(19, rd));
            features.Add(FeatureHash.Of(18, leftCue[i] < 0 ? "-" : norm[leftCue[i]], ld));
            features.Add(FeatureHash.Of(20, rightCue[i] < 0 ? "-" : norm[rightCue[i]], rd));
            features.Add(FeatureHash.Of(21, ld, q));
            features.Add(FeatureHash.Of(22, rd, q));
            features.Add(FeatureHash.Of(23, thatSinceCue[i] ? "that" : "-", ld));
            features.Add(FeatureHash.Of(24, commaToRight[i] ? "," : "-", rd));
            features.Add(FeatureHash.Of(25, sentenceFlags, i == 0 ? "first" : i == n - 1 ? "last" : "mid"));
            features.Add(FeatureHash.Of(31, w, rd));
            features.Add(FeatureHash.Of(32, w, ld));
            features.Add(FeatureHash.Of(33, ld, rd));
            features.Add(FeatureHash.Of(34, shape, rd));
            features.Add(FeatureHash.Of(35, prev, cb));
            features.Add(FeatureHash.Of(36, cb, next));
            features.Add(FeatureHash.Of(37, Bucket(i + 1), rd));
            features.Add(FeatureHash.Of(38, prev, w, next));
            features.Add(FeatureHash.Of(43, stopSinceCue[i] ? "." : "-", ld, q));
            features.Add(FeatureHash.Of(44, stopBeforeCue[i] ? "." : "-", rd, q));
            features.Add(FeatureHash.Of(39, leftCue[i] < 0 ? "-" : norm[leftCue[i]], w));
            features.Add(FeatureHash.Of(40, rightCue[i] < 0 ? "-" : norm[rightCue[i]], w));
            features.Add(FeatureHash.Of(41, prev, ld));
            features.Add(FeatureHash.Of(42, next, rd));
            if (pos is not null && pos[i] is { } p)
            {
                features.Add(FeatureHash.Of(26, p));
                features.Add(FeatureHash.Of(27, i > 0 ? pos[i - 1] ?? "-" : "<s>", p));
                features.Add(FeatureHash.Of(28, p, i + 1 < n ? pos[i + 1] ?? "-" : "</s>"));
                features.Add(FeatureHash.Of(29, p, rd));
                features.Add(FeatureHash.Of(30, p, ld));
            }

            if (classes is not null)
            {
                AddClasses(i, classes, cb, ld, rd, leftCue[i], rightCue[i], features);
            }

            if (heads is not null && rels is not null)
            {
                AddSyntax(i, heads, rels, cueB, pos, q, features, tree!.Value, norm, classes);
            }
        }

        offsets[n] = features.Count;
        if (firstPass is not null)
        {
            AddFirstPass(norm, firstPass, features, offsets);
        }
    }

    /// <summary>
    /// Word-class features: the word's coarse and fine class, the fine class with the word's cue strength, and the
    /// class of the nearest likely cue word on each side with its distance, so that a cue verb or an
    /// intention/evaluation predicate unseen in training can be read like the seen words of its class.
    /// (Neighbour classes and class x cue-distance conjunctions as well scored lower on PolNeAR dev; see the model card.)
    /// </summary>
    private static void AddClasses(int i, WordClass[] classes, string cb, string ld, string rd, int leftCue, int rightCue, List<ulong> features)
    {
        string fine = ClassName(classes[i].Fine);
        features.Add(FeatureHash.Of(80, ClassName(classes[i].Coarse)));
        features.Add(FeatureHash.Of(81, fine));
        features.Add(FeatureHash.Of(86, fine, cb));
        features.Add(FeatureHash.Of(89, leftCue < 0 ? "-" : ClassName(classes[leftCue].Fine), ld));
        features.Add(FeatureHash.Of(90, rightCue < 0 ? "-" : ClassName(classes[rightCue].Fine), rd));
    }

    /// <summary>Stacked features: the first pass's labels around the token and its nearest predicted cue on each side.</summary>
    private static void AddFirstPass(string[] norm, int[] fp, List<ulong> features, int[] offsets)
    {
        int n = norm.Length;

        // Features are appended per token after the base ones, so token i's block is rebuilt in order.
        var extra = new List<ulong>[n];
        var leftCue = new int[n];
        var rightCue = new int[n];
        int last = -1;
        for (int i = 0; i < n; i++)
        {
            leftCue[i] = last;
            if (BioLabels.RoleOf(fp[i]) == AttributionRole.Cue)
            {
                last = i;
            }
        }

        last = -1;
        for (int i = n - 1; i >= 0; i--)
        {
            rightCue[i] = last;
            if (BioLabels.RoleOf(fp[i]) == AttributionRole.Cue)
            {
                last = i;
            }
        }

        for (int i = 0; i < n; i++)
        {
            string l0 = BioLabels.Name(fp[i]);
            string lm1 = i > 0 ? BioLabels.Name(fp[i - 1]) : "<s>";
            string lp1 = i + 1 < n ? BioLabels.Name(fp[i + 1]) : "</s>";
            string lm2 = i > 1 ? BioLabels.Name(fp[i - 2]) : "<s>";
            string lp2 = i + 2 < n ? BioLabels.Name(fp[i + 2]) : "</s>";
            string ld = leftCue[i] < 0 ? "none" : Bucket(i - leftCue[i]);
            string rd = rightCue[i] < 0 ? "none" : Bucket(rightCue[i] - i);
            extra[i] =
            [
                FeatureHash.Of(50, l0),
                FeatureHash.Of(51, lm1, l0),
                FeatureHash.Of(52, l0, lp1),
                FeatureHash.Of(53, lm2, lm1, l0),
                FeatureHash.Of(54, l0, lp1, lp2),
                FeatureHash.Of(55, l0, norm[i]),
                FeatureHash.Of(56, ld, rd),
                FeatureHash.Of(57, leftCue[i] < 0 ? "-" : norm[leftCue[i]], ld),
                FeatureHash.Of(58, rightCue[i] < 0 ? "-" : norm[rightCue[i]], rd),
                FeatureHash.Of(59, l0, ld, rd),
            ];
        }

        var merged = new List<ulong>(features.Count + (10 * n));
        var newOffsets = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            newOffsets[i] = merged.Count;
            for (int k = offsets[i]; k < offsets[i + 1]; k++)
            {
                merged.Add(features[k]);
            }

            merged.AddRange(extra[i]);
        }

        newOffsets[n] = merged.Count;
        int baseStart = offsets[0];
        features.RemoveRange(baseStart, features.Count - baseStart);
        foreach (var f in merged)
        {
            features.Add(f);
        }

        for (int i = 0; i <= n; i++)
        {
            offsets[i] = baseStart + newOffsets[i];
        }
    }

    /// <summary>
    /// Dependency features: the token's relation, and the branch by which it hangs under its nearest
    /// cue-word ancestor (nsubj for a source, ccomp/parataxis/xcomp for content), with direction and depth.
    /// </summary>
    private static void AddSyntax(int i, int[] heads, string?[] rels, string?[] cueB, string?[]? pos, string q, List<ulong> features, (int[] Cue, int[] Branch, int[] Depth, int[] Lo, int[] Hi) tree, string[] norm, WordClass[]? classes)
    {
        int n = heads.Length;
        string rel = rels[i] ?? "-";
        int h = heads[i];
        string headCue = h >= 0 && h < n ? cueB[h] ?? "-" : "root";
        features.Add(FeatureHash.Of(60, rel));
        features.Add(FeatureHash.Of(61, rel, headCue));
        features.Add(FeatureHash.Of(62, rel, h >= 0 && h < n ? rels[h] ?? "-" : "root"));
        features.Add(FeatureHash.Of(73, rel, h >= 0 && h < n ? norm[h] : "root"));
        if (classes is not null)
        {
            // The head word's class: the predicate a content phrase depends on (said, plans, wrong) even when unseen.
            features.Add(FeatureHash.Of(91, rel, h >= 0 && h < n ? ClassName(classes[h].Fine) : "root"));
        }

        int cue = tree.Cue[i];
        if (cue < 0)
        {
            features.Add(FeatureHash.Of(63, "none"));
            features.Add(FeatureHash.Of(66, "none", q));
        }
        else
        {
            int a = tree.Branch[i];
            string branch = rels[a] ?? "-";
            string dir = i < cue ? "L" : "R";
            string d = Bucket(tree.Depth[i]);
            string edge = i == tree.Lo[a] ? i == tree.Hi[a] ? "only" : "first" : i == tree.Hi[a] ? "last" : "in";
            features.Add(FeatureHash.Of(63, branch));
            features.Add(FeatureHash.Of(64, branch, dir));
            features.Add(FeatureHash.Of(65, branch, d));
            features.Add(FeatureHash.Of(66, branch, cueB[cue]!, q));
            features.Add(FeatureHash.Of(67, branch, rel));
            features.Add(FeatureHash.Of(68, branch, edge));
            features.Add(FeatureHash.Of(69, branch, edge, norm[i]));
            features.Add(FeatureHash.Of(71, branch, norm[cue]));
            features.Add(FeatureHash.Of(72, branch, dir, pos?[i] ?? "-"));
            if (classes is not null)
            {
                // The cue's class with the branch: an unseen cue verb's complement read like a seen one's.
                features.Add(FeatureHash.Of(92, branch, ClassName(classes[cue].Fine)));
            }
        }

        // The token right after a clause under a cue: the clause's end is a likely content end (or the final stop inside it).
        if (i > 0 && tree.Cue[i - 1] >= 0 && tree.Hi[tree.Branch[i - 1]] == i - 1 && tree.Branch[i - 1] != tree.Branch[i])
        {
            features.Add(FeatureHash.Of(70, rels[tree.Branch[i - 1]] ?? "-", norm[i]));
        }
    }

    /// <summary>
    /// For each token, its nearest cue-word ancestor, the child of that cue on the way down (the branch),
    /// the depth below the cue, and every node's subtree extent (leftmost and rightmost token).
    /// </summary>
    private static (int[] Cue, int[] Branch, int[] Depth, int[] Lo, int[] Hi) CueBranches(int[] heads, string?[] cueB, string?[]? pos)
    {
        int n = heads.Length;
        var cue = new int[n];
        var branch = new int[n];
        var depthOf = new int[n];
        var lo = new int[n];
        var hi = new int[n];
        for (int i = 0; i < n; i++)
        {
            lo[i] = i;
            hi[i] = i;
        }

        for (int i = 0; i < n; i++)
        {
            cue[i] = -1;
            int a = i;
            for (int depth = 0; depth < 40; depth++)
            {
                int up = heads[a];
                if (up < 0 || up >= n || up == a)
                {
                    break;
                }

                lo[up] = Math.Min(lo[up], i);
                hi[up] = Math.Max(hi[up], i);
                if (cue[i] < 0 && cueB[up] is "H" or "M" && (pos is null || pos[up] is null || pos[up]!.StartsWith("VB", StringComparison.Ordinal) || pos[up] == "NN"))
                {
                    cue[i] = up;
                    branch[i] = a;
                    depthOf[i] = depth + 1;
                }

                a = up;
            }
        }

        return (cue, branch, depthOf, lo, hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Bucket(int d) => d switch
    {
        1 => "1",
        2 => "2",
        3 => "3",
        <= 6 => "4-6",
        <= 12 => "7-12",
        <= 25 => "13-25",
        _ => "26+",
    };
}
