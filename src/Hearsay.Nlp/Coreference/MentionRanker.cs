using System.Runtime.InteropServices;
using Hearsay.Core.Documents;
using Hearsay.Core.Models;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Learned mention ranking over the sieve's mentions (after Denis and Baldridge 2008, Durrett and Klein 2013): each
/// mention picks its highest-scoring earlier mention or "new entity", with a linear model over string, head, distance,
/// agreement, type and syntactic-role features, and whether the sieve put the two mentions together. The sieve stays the
/// source of mentions, kinship relations and labels; the ranker only redraws the clusters. Trained by
/// <see cref="MentionRankerTrainer"/> (<c>hearsay train coref</c>).
/// </summary>
public sealed class MentionRanker
{
    public const string DefaultModelPath = "coref/coref.bin";

    /// <summary>The accurate mode's ranker, trained with contextual similarity (<see cref="RankerVariants.Context"/>).</summary>
    public const string ContextModelPath = "coref/coref-context.bin";

    /// <summary>Earlier mentions an anaphor considers (GUM dev: 120 gave 0.536, 250 0.540, 500 and 2000 0.533).</summary>
    public const int CandidateLimit = 250;

    private const uint Magic = 0x4843_5231; // "HCR1"

    /// <summary>The ranker followed by its mention boundary model.</summary>
    private const uint MagicWithExtent = 0x4843_5232; // "HCR2"

    /// <summary>As HCR2, with <see cref="PairRelations"/> after the sieve flag (a file without it is HCR2, byte for byte as before).</summary>
    private const uint MagicWithOptions = 0x4843_5233; // "HCR3"

    /// <summary>As HCR2, with all of <see cref="Variants"/> (an int) after the sieve flag; written only when a variant other than pair relations is on.</summary>
    private const uint MagicWithVariants = 0x4843_5234; // "HCR4"

    public MentionRanker(SparseLinearModel weights, string version, bool sieveFeatures, MentionExtent? extent = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Weights = weights;
        Version = version;
        SieveFeatures = sieveFeatures;
        Extent = extent;
    }

    /// <summary>The boundary model the ranker was trained with (its mentions' reported phrases), or null for the fixed rules.</summary>
    public MentionExtent? Extent { get; }

    public SparseLinearModel Weights { get; }

    public string Version { get; }

    /// <summary>Whether the sieve's decisions are features (the combined model) or ignored (the learned model alone).</summary>
    public bool SieveFeatures { get; }

    /// <summary>
    /// Whether name and nominal pairs have the head relations of both mentions as a feature (off by default). On a
    /// two-fold cross-fit of GUM train it lowered links of repeated compound modifiers ("asylum" in "asylum seekers"),
    /// but the dev gain (0.5445 -> 0.5476, seeds 4-6 0.5455 -> 0.5491) is within seed noise; see the model card.
    /// </summary>
    public bool PairRelations => Variants.HasFlag(RankerVariants.PairRelations);

    /// <summary>The optional features and mention rules this ranker was trained with (none in the shipped model).</summary>
    public RankerVariants Variants { get; init; }

    /// <summary>Loads the shipped model (the contextual one when <paramref name="accurate"/>), or returns null when none is installed.</summary>
    public static MentionRanker? LoadDefault(bool accurate = false)
    {
        var path = ModelPaths.Find(accurate ? ContextModelPath : DefaultModelPath);
        return path is null ? null : Load(path);
    }

    /// <summary>Whether scoring reads <see cref="Document.ContextVectors"/> (the accurate mode's model).</summary>
    public bool NeedsContextVectors => Variants.HasFlag(RankerVariants.Context);

    /// <exception cref="InvalidDataException">The file is not a coreference ranking model.</exception>
    public static MentionRanker Load(string path)
    {
        using var r = ModelFile.OpenRead(path);
        uint magic = r.ReadUInt32();
        if (magic is not Magic and not MagicWithExtent and not MagicWithOptions and not MagicWithVariants)
        {
            throw new InvalidDataException($"{path}: not a coreference ranking model.");
        }

        var version = r.ReadString();
        bool sieve = r.ReadBoolean();
        var variants = magic switch
        {
            MagicWithOptions => r.ReadBoolean() ? RankerVariants.PairRelations : RankerVariants.None,
            MagicWithVariants => (RankerVariants)r.ReadInt32(),
            _ => RankerVariants.None,
        };
        var weights = SparseLinearModel.Read(r);
        var extent = magic != Magic ? new MentionExtent(SparseLinearModel.Read(r)) : null;
        return new MentionRanker(weights, version, sieve, extent) { Variants = variants };
    }

    public void Save(string path)
    {
        using var w = ModelFile.Create(path);
        if (Variants != RankerVariants.None && Extent is null)
        {
            throw new InvalidOperationException("A ranker with optional variants is saved with its boundary model (HCR3/HCR4).");
        }

        // Pair relations alone keep the HCR3 layout, and no variant the HCR2 one, so those files stay byte for byte as before.
        bool onlyPairRelations = Variants == RankerVariants.PairRelations;
        w.Write(Variants == RankerVariants.None ? Extent is null ? Magic : MagicWithExtent : onlyPairRelations ? MagicWithOptions : MagicWithVariants);
        w.Write(Version);
        w.Write(SieveFeatures);
        if (onlyPairRelations)
        {
            w.Write(true);
        }
        else if (Variants != RankerVariants.None)
        {
            w.Write((int)Variants);
        }

        Weights.Write(w);
        Extent?.Weights.Write(w);
    }

    /// <summary>The chosen antecedent of every mention (an index into <paramref name="mentions"/>), or -1 for a new entity.</summary>
    internal int[] Antecedents(Document document, List<CorefMention> mentions, CorefSieve sieve, IReadOnlyList<string?>? speakers)
    {
        var view = new RankingView(document, mentions, sieve, SieveFeatures, speakers, Variants);
        var antecedents = new int[mentions.Count];
        var features = new List<ulong>(64);
        Span<float> score = stackalloc float[2];
        for (int i = 0; i < mentions.Count; i++)
        {
            antecedents[i] = -1;
            if (!view.Ranked(i))
            {
                continue;
            }

            float best = float.NegativeInfinity;
            int bestJ = -1;
            int count = 0;
            bool exactBefore = false, headBefore = false;
            for (int j = i - 1; j >= 0 && count < CandidateLimit; j--)
            {
                if (!view.Candidate(i, j))
                {
                    continue;
                }

                count++;
                features.Clear();
                view.Pair(i, j, count, features, ref exactBefore, ref headBefore);
                Weights.Score(CollectionsMarshal.AsSpan(features), score);
                if (score[1] - score[0] > best)
                {
                    best = score[1] - score[0];
                    bestJ = j;
                }
            }

            features.Clear();
            view.New(i, exactBefore, headBefore, features);
            Weights.Score(CollectionsMarshal.AsSpan(features), score);
            if (bestJ >= 0 && best > score[1] - score[0])
            {
                antecedents[i] = bestJ;
                view.Link(i, bestJ);
            }
        }

        return antecedents;
    }
}

/// <summary>The per-mention keys the ranker's features read, computed once per document.</summary>
internal sealed class RankingView
{
    private readonly MentionKey[] _keys;
    private readonly int[] _sieveCluster;
    private readonly int[] _sieveFirst;
    private readonly bool _sieveFeatures;
    private readonly bool _pairRelations;
    private readonly bool _itFrames;

    // Accurate mode: each mention's head vector and mean base-phrase vector, unit length (null without the variant),
    // and the best head similarity among the candidates the current anaphor has seen (for its "new" option).
    private readonly float[][]? _headVectors;
    private readonly float[][]? _spanVectors;
    private int _similarityOf = -1;
    private float _bestSimilarity;

    // Each sentence's speaker in a transcript (null: unknown), and how many speakers take part (capped at 3).
    private readonly IReadOnlyList<string?>? _speakers;
    private readonly int _speakerCount;
    private readonly Dictionary<string, (ulong Full, ulong Last, ulong First)> _speakerWords = new(StringComparer.Ordinal);

    // Per mention: its speaker's number (-1 unknown) and the quotation it stands in (-1 none). Per cluster: the speaker
    // of its "I" mentions (-1 none yet, -2 more than one).
    private readonly int[] _speakerOf;
    private readonly int[] _quoteOf;
    private readonly int[] _clusterSpeaker;

    // The ranker's own clusters so far (left to right), for entity-level features: words and heads of every member,
    // whether a name is among them, their first type, and the gender their pronouns agree on ('x' when they disagree).
    private readonly int[] _root;
    private readonly HashSet<ulong>[] _clusterWords;
    private readonly HashSet<ulong>[] _clusterHeads;
    private readonly bool[] _clusterNamed;
    private readonly int[] _clusterLabel;
    private readonly char[] _clusterGender;
    private readonly int[] _clusterSize;

    private readonly int[] _linkPass;
    private readonly int[] _linkTarget;

    public RankingView(Document document, List<CorefMention> mentions, CorefSieve sieve, bool sieveFeatures, IReadOnlyList<string?>? speakers, RankerVariants variants)
    {
        _pairRelations = variants.HasFlag(RankerVariants.PairRelations);
        _itFrames = variants.HasFlag(RankerVariants.ItFrames);
        if (variants.HasFlag(RankerVariants.Context))
        {
            var vectors = document.ContextVectors ?? throw new InvalidOperationException("This coreference model reads contextual vectors: run the context encoder stage first (accurate mode).");
            (_headVectors, _spanVectors) = ContextVectorsOf(vectors, mentions);
        }

        _speakers = speakers;
        if (speakers is not null)
        {
            foreach (var speaker in speakers)
            {
                if (speaker is not null && !_speakerWords.ContainsKey(speaker))
                {
                    var words = SpeakerWords(speaker);
                    _speakerWords[speaker] = (FeatureHash.Of(string.Join(' ', words)), FeatureHash.Of(words[^1]), FeatureHash.Of(words[0]));
                }
            }

            _speakerCount = Math.Min(_speakerWords.Count, 3);
        }
        var sieveCluster = sieve.Clusters();
        (_linkPass, _linkTarget) = sieve.Links();
        _sieveCluster = sieveCluster;
        _sieveFeatures = sieveFeatures;
        _keys = new MentionKey[mentions.Count];
        _sieveFirst = new int[mentions.Count];
        Array.Fill(_sieveFirst, int.MaxValue);
        var clusterSize = new int[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            int c = sieveCluster[i];
            clusterSize[c]++;
            _sieveFirst[c] = Math.Min(_sieveFirst[c], i);
        }

        var tokens = document.Tokens;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            int kind = m.Kind switch { MentionKind.Pronoun => 0, MentionKind.Name => 1, _ => 2 };
            string rel = m.Head >= 0 && m.Head < tokens.Length ? BaseRelation(tokens[m.Head].DepRel) : "_";

            _keys[i] = new MentionKey
            {
                Start = m.Start,
                End = m.End,
                Sentence = m.Sentence,
                Kind = kind,
                Words = FeatureHash.Of(string.Join(' ', m.Words)),
                HeadWord = FeatureHash.Of(m.HeadWord),
                Relation = FeatureHash.Of(rel),
                Number = m.Number,
                Gender = m.Gender,
                Person = m.Person,
                Animate = m.Animate,
                Inanimate = m.Inanimate,
                Label = m.Label is { } l ? (int)l + 1 : 0,
                Definite = m.Definite,
                Indefinite = m.Indefinite,
                Possessive = m.Possessive,
                Length = Math.Min(m.Words.Length, 6),
                Extension = m.PhraseEnd > m.End ? FeatureHash.Of(tokens[PhraseDependent(document, m)].DepRel ?? "_") : 0,
                Skipped = m.Wrapped && m.Existing >= 0,
                ClusterSize = clusterSize[sieveCluster[i]],
                FirstWord = m.Words.Length > 0 ? FeatureHash.Of(m.Words[0]) : 0,
                WordSet = WordHashes(m.Words),
                HeadLemma = FeatureHash.Of(HeadLemma(document, m)),
                LemmaWords = FeatureHash.Of(LemmaPhrase(document, m)),
                Frame = _itFrames ? ItFrame(document, m, lexical: false) : 0,
                FrameLemma = _itFrames ? ItFrame(document, m, lexical: true) : 0,
            };
        }

        _speakerOf = new int[mentions.Count];
        _quoteOf = Quotations(document, mentions);
        var speakerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < mentions.Count; i++)
        {
            string? speaker = speakers is not null && mentions[i].Sentence < speakers.Count ? speakers[mentions[i].Sentence] : null;
            if (speaker is not null && !speakerIndex.ContainsKey(speaker))
            {
                speakerIndex[speaker] = speakerIndex.Count;
            }

            _speakerOf[i] = speaker is null ? -1 : speakerIndex[speaker];
        }

        _clusterSpeaker = new int[mentions.Count];
        _root = new int[mentions.Count];
        _clusterWords = new HashSet<ulong>[mentions.Count];
        _clusterHeads = new HashSet<ulong>[mentions.Count];
        _clusterNamed = new bool[mentions.Count];
        _clusterLabel = new int[mentions.Count];
        _clusterGender = new char[mentions.Count];
        _clusterSize = new int[mentions.Count];
        ResetClusters();
    }

    /// <summary>Every mention its own cluster again (each training pass decodes the document anew).</summary>
    public void ResetClusters()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            ref readonly var k = ref _keys[i];
            _root[i] = i;
            _clusterWords[i] = k.Kind == 0 ? [] : [k.Words];
            _clusterHeads[i] = k.Kind == 0 ? [] : [k.HeadWord];
            _clusterNamed[i] = k.Kind == 1;
            _clusterLabel[i] = k.Label;
            _clusterGender[i] = k.Kind == 0 ? k.Gender : '?';
            _clusterSpeaker[i] = k.Kind == 0 && k.Person == 1 && _speakerOf[i] >= 0 ? _speakerOf[i] : -1;
            _clusterSize[i] = 1;
        }
    }

    /// <summary>Records the decision that mention <paramref name="i"/> continues the cluster of <paramref name="j"/>.</summary>
    public void Link(int i, int j)
    {
        int a = Root(i), b = Root(j);
        if (a == b)
        {
            return;
        }

        if (_clusterSize[a] > _clusterSize[b])
        {
            (a, b) = (b, a);
        }

        _root[a] = b;
        _clusterWords[b].UnionWith(_clusterWords[a]);
        _clusterHeads[b].UnionWith(_clusterHeads[a]);
        _clusterNamed[b] |= _clusterNamed[a];
        if (_clusterLabel[b] == 0)
        {
            _clusterLabel[b] = _clusterLabel[a];
        }

        int sa = _clusterSpeaker[a], sb = _clusterSpeaker[b];
        _clusterSpeaker[b] = sb == -1 ? sa : sa == -1 || sa == sb ? sb : -2;
        char ga = _clusterGender[a], gb = _clusterGender[b];
        _clusterGender[b] = gb == '?' ? ga : ga == '?' || ga == gb ? gb : 'x';
        _clusterSize[b] += _clusterSize[a];
    }

    private int Root(int i)
    {
        while (_root[i] != i)
        {
            _root[i] = _root[_root[i]];
            i = _root[i];
        }

        return i;
    }

    public int Count => _keys.Length;

    /// <summary>Mentions that choose an antecedent: every reported one (a name inside a larger phrase goes with that phrase).</summary>
    public bool Ranked(int i) => !_keys[i].Skipped;

    /// <summary>An earlier, non-overlapping, reported mention.</summary>
    public bool Candidate(int i, int j)
    {
        ref readonly var a = ref _keys[i];
        ref readonly var c = ref _keys[j];
        return !c.Skipped && c.End <= a.Start;
    }

    public void Pair(int i, int j, int rank, List<ulong> f, ref bool exactBefore, ref bool headBefore)
    {
        ref readonly var a = ref _keys[i];
        ref readonly var c = ref _keys[j];
        ulong kk = (ulong)((a.Kind * 3) + c.Kind);
        int sd = Bucket(a.Sentence - c.Sentence);
        int md = Bucket(rank - 1);
        bool exact = a.Kind != 0 && c.Kind != 0 && a.Words == c.Words;
        bool head = a.Kind != 0 && c.Kind != 0 && a.HeadWord == c.HeadWord;
        bool lemmaExact = a.Kind != 0 && c.Kind != 0 && a.LemmaWords == c.LemmaWords;
        bool lemmaHead = a.Kind != 0 && c.Kind != 0 && a.HeadLemma == c.HeadLemma;
        exactBefore |= exact || lemmaExact;
        headBefore |= head;
        f.Add(FeatureHash.Feature(1, kk));
        if (_sieveFeatures)
        {
            bool same = _sieveCluster[i] == _sieveCluster[j];
            bool linked = _sieveFirst[_sieveCluster[i]] < i;
            f.Add(FeatureHash.Feature(2, kk, Flag(same), Flag(linked)));
            f.Add(FeatureHash.Feature(3, kk, Flag(same), (ulong)sd));
            f.Add(FeatureHash.Feature(21, kk, Flag(same), (ulong)Bucket(c.ClusterSize)));
            f.Add(FeatureHash.Feature(31, kk, Flag(same), (ulong)_linkPass[i], Flag(_linkTarget[i] == j)));
        }

        if (a.Person < 3 || c.Person < 3)
        {
            // "I" and "you" follow the turns: the same speaker's "I", the other speaker's "you", or a speaker's name.
            ulong same = SameSpeaker(a.Sentence, c.Sentence);
            f.Add(FeatureHash.Feature(80, kk, (ulong)a.Person, (ulong)c.Person, same));
            f.Add(FeatureHash.Feature(81, (ulong)a.Person, (ulong)c.Person, same, (ulong)_speakerCount));
            f.Add(FeatureHash.Feature(84, kk, (ulong)a.Person, ClusterSpeaker(i, Root(j))));
            f.Add(FeatureHash.Feature(85, kk, (ulong)a.Person, (ulong)c.Person, Quoted(i, j)));
            if (a.Kind == 0 && c.Kind == 0)
            {
                f.Add(FeatureHash.Feature(82, a.HeadWord, c.HeadWord, same));
            }
            else
            {
                f.Add(FeatureHash.Feature(83, kk, (ulong)a.Person, (ulong)c.Person, Flag(SpeakerNamed(a.Person < 3 ? a.Sentence : c.Sentence, a.Person < 3 ? c.Words : a.Words))));
            }
        }

        f.Add(FeatureHash.Feature(4, kk, Flag(exact), (ulong)sd));
        f.Add(FeatureHash.Feature(5, kk, Flag(head), Flag(exact)));
        f.Add(FeatureHash.Feature(6, kk, (ulong)sd));
        f.Add(FeatureHash.Feature(7, kk, (ulong)md));
        f.Add(FeatureHash.Feature(12, kk, (ulong)Agree(a.Number, c.Number, 0)));
        f.Add(FeatureHash.Feature(13, kk, (ulong)Agree(a.Gender, c.Gender, '?')));
        f.Add(FeatureHash.Feature(14, kk, Flag(a.Animate && c.Inanimate), Flag(a.Inanimate && c.Animate)));
        f.Add(FeatureHash.Feature(15, kk, (ulong)a.Person, (ulong)c.Person));
        f.Add(FeatureHash.Feature(16, (ulong)a.Label, (ulong)c.Label, kk));
        f.Add(FeatureHash.Feature(17, (ulong)a.Kind, c.Relation));
        f.Add(FeatureHash.Feature(25, kk, Flag(c.Possessive), Flag(a.Possessive)));
        f.Add(FeatureHash.Feature(26, kk, Flag(c.Definite), Flag(c.Indefinite)));
        f.Add(FeatureHash.Feature(27, kk, Flag(a.Sentence == c.Sentence && a.Relation == c.Relation)));
        if (_headVectors is not null)
        {
            ContextSimilarity(i, j, kk, head, exact || lemmaExact, f);
        }

        int r = Root(j);
        ulong size = (ulong)Bucket(_clusterSize[r]);
        f.Add(FeatureHash.Feature(60, (ulong)a.Kind, size, Flag(_clusterNamed[r])));
        f.Add(FeatureHash.Feature(62, (ulong)a.Kind, (ulong)_clusterLabel[r], (ulong)a.Label));
        if (a.Kind != 0)
        {
            f.Add(FeatureHash.Feature(61, kk, Flag(_clusterWords[r].Contains(a.Words)), Flag(_clusterHeads[r].Contains(a.HeadWord))));
        }
        else
        {
            f.Add(FeatureHash.Feature(63, a.HeadWord, (ulong)_clusterLabel[r], Flag(_clusterNamed[r])));
            f.Add(FeatureHash.Feature(64, a.HeadWord, _clusterGender[r]));
        }
        if (a.Kind == 0)
        {
            if (a.Frame != 0)
            {
                f.Add(FeatureHash.Feature(87, a.Frame, (ulong)c.Kind));
            }

            f.Add(FeatureHash.Feature(8, a.HeadWord, (ulong)c.Kind, (ulong)sd));
            f.Add(FeatureHash.Feature(9, a.HeadWord, (ulong)c.Label));
            f.Add(FeatureHash.Feature(11, a.HeadWord, (ulong)md));
            f.Add(FeatureHash.Feature(18, a.Relation, c.Relation));
            f.Add(FeatureHash.Feature(34, a.HeadWord, (ulong)Agree(a.Number, c.Number, 0), (ulong)Agree(a.Gender, c.Gender, '?'), (ulong)c.Kind));
            f.Add(FeatureHash.Feature(35, a.HeadWord, c.Relation, (ulong)Math.Min(a.Sentence - c.Sentence, 3)));
            f.Add(FeatureHash.Feature(36, a.HeadWord, Flag(c.Animate), Flag(c.Inanimate), (ulong)c.Number));
            if (c.Kind == 0)
            {
                f.Add(FeatureHash.Feature(10, a.HeadWord, c.HeadWord));
            }
            else
            {
                f.Add(FeatureHash.Feature(19, a.HeadWord, c.HeadWord));
            }
        }
        else
        {
            f.Add(FeatureHash.Feature(20, a.HeadWord, c.HeadWord));
            if (_pairRelations)
            {
                // Repeated compound modifiers ("asylum" in "asylum seekers") are mostly not GUM mentions: the
                // relations say when a string match is one (cross-fitted train: 325 of 1,095 spurious nominal links).
                f.Add(FeatureHash.Feature(74, kk, a.Relation, c.Relation, Flag(exact || lemmaExact)));
            }

            f.Add(FeatureHash.Feature(22, kk, Flag(exact), Flag(a.Indefinite)));
            f.Add(FeatureHash.Feature(23, kk, Flag(head), a.FirstWord));
            f.Add(FeatureHash.Feature(32, kk, Flag(lemmaExact), Flag(lemmaHead), (ulong)sd));
            f.Add(FeatureHash.Feature(33, kk, Flag(exact || lemmaExact), Flag(!a.Definite && !a.Indefinite), Flag(!c.Definite && !c.Indefinite)));
            f.Add(FeatureHash.Feature(28, kk, Flag(Included(a.WordSet, c.WordSet)), Flag(Included(c.WordSet, a.WordSet))));
            f.Add(FeatureHash.Feature(29, kk, Flag(head), (ulong)sd));
            f.Add(FeatureHash.Feature(30, kk, Flag(Array.IndexOf(c.WordSet, a.HeadWord) >= 0), Flag(head)));
            if (c.Kind == 0)
            {
                f.Add(FeatureHash.Feature(24, c.HeadWord, a.HeadWord));
            }
        }
    }

    public void New(int i, bool exactBefore, bool headBefore, List<ulong> f)
    {
        ref readonly var a = ref _keys[i];
        ulong k = (ulong)a.Kind;
        f.Add(FeatureHash.Feature(40, k));
        if (_sieveFeatures)
        {
            bool linked = _sieveFirst[_sieveCluster[i]] < i;
            f.Add(FeatureHash.Feature(41, k, Flag(linked)));
            f.Add(FeatureHash.Feature(52, k, (ulong)_linkPass[i]));
        }

        f.Add(FeatureHash.Feature(42, k, a.HeadWord));
        f.Add(FeatureHash.Feature(43, k, a.FirstWord));
        f.Add(FeatureHash.Feature(44, k, Flag(a.Definite), Flag(a.Indefinite)));
        f.Add(FeatureHash.Feature(45, k, Flag(exactBefore), Flag(headBefore)));
        f.Add(FeatureHash.Feature(47, k, (ulong)Math.Min(a.Sentence, 3)));
        f.Add(FeatureHash.Feature(48, k, a.Relation));
        f.Add(FeatureHash.Feature(49, k, (ulong)a.Length));
        f.Add(FeatureHash.Feature(55, k, a.Extension, Flag(a.Definite), Flag(a.Indefinite)));
        f.Add(FeatureHash.Feature(50, k, (ulong)a.Label, Flag(a.Possessive)));
        f.Add(FeatureHash.Feature(51, k, a.Words));
        if (_headVectors is not null)
        {
            // The closest candidate's head similarity: an anaphor with nothing similar before it tends to start an entity.
            ulong best = _similarityOf == i ? (ulong)SimilarityBucket(_bestSimilarity) : 99;
            f.Add(FeatureHash.Feature(92, k, best, Flag(headBefore)));
        }

        if (a.Frame != 0)
        {
            f.Add(FeatureHash.Feature(86, a.Frame));
            f.Add(FeatureHash.Feature(88, a.FrameLemma));
        }
    }

    /// <summary>
    /// Cosine similarity of the two heads' and the two base phrases' contextual vectors, in tenths, with the kinds of
    /// the pair: the string features cannot tell which earlier "leader" (or which name) a nominal continues, the
    /// vectors of its context can. Conjoined with head and exact match, since a matching head is then the question of
    /// which antecedent, a different head the question of whether at all.
    /// </summary>
    private void ContextSimilarity(int i, int j, ulong kk, bool head, bool exact, List<ulong> f)
    {
        float h = Dot(_headVectors![i], _headVectors[j]);
        float s = Dot(_spanVectors![i], _spanVectors[j]);
        if (_similarityOf != i || h > _bestSimilarity)
        {
            _similarityOf = i;
            _bestSimilarity = h;
        }

        ulong hb = (ulong)SimilarityBucket(h), sb = (ulong)SimilarityBucket(s);
        f.Add(FeatureHash.Feature(89, kk, hb, Flag(head), Flag(exact)));
        f.Add(FeatureHash.Feature(90, kk, sb, Flag(head)));
        f.Add(FeatureHash.Feature(91, kk, hb, sb));
    }

    /// <summary>Tenths of a cosine, clamped to 0..10 (MiniLM's states are rarely negatively similar).</summary>
    private static int SimilarityBucket(float cosine) => Math.Clamp((int)MathF.Floor(cosine * 10), 0, 10);

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    /// <summary>Unit-length head and mean base-phrase vectors of every mention.</summary>
    private static (float[][] Heads, float[][] Spans) ContextVectorsOf(TokenVectors vectors, List<CorefMention> mentions)
    {
        var heads = new float[mentions.Count][];
        var spans = new float[mentions.Count][];
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            int head = m.Head >= 0 && m.Head < vectors.Count ? m.Head : Math.Min(m.End, vectors.Count) - 1;
            heads[i] = Unit(vectors.Of(head).ToArray());
            var span = new float[vectors.Dimension];
            for (int t = m.Start; t < m.End && t < vectors.Count; t++)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(span, vectors.Of(t), span);
            }

            spans[i] = Unit(span);
        }

        return (heads, spans);
    }

    private static float[] Unit(float[] v)
    {
        float norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        }

        return v;
    }

    /// <summary>
    /// The frame an "it" stands in: its relation, its governor's tag class and the clause the governor takes after it
    /// ("it is clear that ...", "it takes time to ..."): GUM marks extraposed "it" as the first mention of the clause
    /// (cataphora) or as no mention, never as coreferent with an earlier phrase. 0 for every other mention.
    /// </summary>
    private static ulong ItFrame(Document document, CorefMention m, bool lexical)
    {
        var tokens = document.Tokens;
        if (m.Kind != MentionKind.Pronoun || m.Head < 0 || m.Head >= tokens.Length || !m.HeadWord.Equals("it", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var it = tokens[m.Head];
        string rel = BaseRelation(it.DepRel);
        int gov = it.Head;
        if (gov < 0 || gov >= tokens.Length)
        {
            return FeatureHash.Of("it|" + rel + "|root");
        }

        string clause = "none";
        var range = document.Sentences[m.Sentence].Tokens;
        for (int t = m.Head + 1; t < range.End && t < tokens.Length; t++)
        {
            if (tokens[t].Head == gov && BaseRelation(tokens[t].DepRel) is "csubj" or "ccomp" or "xcomp" or "advcl")
            {
                clause = BaseRelation(tokens[t].DepRel);
                break;
            }
        }

        string govTag = tokens[gov].Xpos is { Length: >= 2 } x ? x[..2] : "_";
        string key = "it|" + rel + "|" + govTag + "|" + clause;
        return FeatureHash.Of(lexical ? key + "|" + (tokens[gov].Lemma ?? "_").ToLowerInvariant() : key);
    }

    private static string BaseRelation(string? rel)
    {
        if (rel is null)
        {
            return "_";
        }

        int colon = rel.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? rel[..colon] : rel;
    }

    /// <summary>How mention i's speaker relates to the speaker of the cluster's "I": 0 none, 1 same, 2 other, 3 several, 4 unknown.</summary>
    private ulong ClusterSpeaker(int i, int root)
    {
        int own = _speakerOf[i], cluster = _clusterSpeaker[root];
        return own < 0 ? 4UL : cluster == -1 ? 0UL : cluster == -2 ? 3UL : cluster == own ? 1UL : 2UL;
    }

    /// <summary>Quotation of the two mentions: 0 neither quoted, 1 only the anaphor, 2 only the candidate, 3 the same quote, 4 different quotes.</summary>
    private ulong Quoted(int i, int j)
    {
        int qa = _quoteOf[i], qc = _quoteOf[j];
        return qa < 0 && qc < 0 ? 0UL : qc < 0 ? 1UL : qa < 0 ? 2UL : qa == qc ? 3UL : 4UL;
    }

    /// <summary>The quotation (numbered in order) each mention starts in, or -1; quotes may run over sentences.</summary>
    private static int[] Quotations(Document document, List<CorefMention> mentions)
    {
        var tokens = document.Tokens;
        var quoteOf = new int[tokens.Length];
        int current = -1, count = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            string tag = tokens[t].Xpos ?? "";
            bool mark = tag is "``" or "''" || (tokens[t].Range.Length == 1 && document.Text[tokens[t].Start] == '"');
            if (mark)
            {
                bool opens = tag == "``" || (tag != "''" && current < 0);
                current = opens ? count++ : -1;
            }

            quoteOf[t] = current;
        }

        var result = new int[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            result[i] = mentions[i].Start < tokens.Length ? quoteOf[mentions[i].Start] : -1;
        }

        return result;
    }

    /// <summary>1: same speaker, 0: different, 2: unknown.</summary>
    private ulong SameSpeaker(int a, int c)
    {
        if (_speakers is null || a >= _speakers.Count || c >= _speakers.Count || _speakers[a] is not { } sa || _speakers[c] is not { } sc)
        {
            return 2;
        }

        return sa == sc ? 1UL : 0UL;
    }

    /// <summary>Whether a sentence's speaker label ("NickBos", "Isabel_Ruiz") spells the words of a name ("Nick Bos").</summary>
    private bool SpeakerNamed(int sentence, ulong words)
    {
        if (_speakers is null || sentence >= _speakers.Count || _speakers[sentence] is not { } speaker)
        {
            return false;
        }

        return _speakerWords.TryGetValue(speaker, out var w) && (w.Full == words || w.Last == words || w.First == words);
    }

    /// <summary>A speaker label split into lower-cased words at underscores and case changes ("FrankMessina": frank, messina).</summary>
    private static string[] SpeakerWords(string speaker)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (char ch in speaker)
        {
            if (ch is '_' or ' ' or '-' || (char.IsUpper(ch) && current.Length > 0 && char.IsLower(current[^1])))
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString().ToLowerInvariant());
                    current.Clear();
                }

                if (ch is '_' or ' ' or '-')
                {
                    continue;
                }
            }

            current.Append(ch);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString().ToLowerInvariant());
        }

        return words.Count == 0 ? [speaker.ToLowerInvariant()] : [.. words];
    }

    /// <summary>The first token after the base phrase that hangs on its head ("in" phrase, relative clause), else the token after it.</summary>
    private static int PhraseDependent(Document document, CorefMention m)
    {
        for (int t = m.End; t < m.PhraseEnd && t < document.Tokens.Length; t++)
        {
            if (document.Tokens[t].Head == m.Head)
            {
                return t;
            }
        }

        return Math.Min(m.End, document.Tokens.Length - 1);
    }

    private static string HeadLemma(Document document, CorefMention m) =>
        m.Head >= 0 && m.Head < document.Tokens.Length && document.Tokens[m.Head].Lemma is { } l ? l.ToLowerInvariant() : m.HeadWord;

    /// <summary>The words with the last one as its lemma: "the rose gardens" and "the rose garden" compare equal.</summary>
    private static string LemmaPhrase(Document document, CorefMention m)
    {
        if (m.Words.Length == 0)
        {
            return "";
        }

        return m.Words.Length == 1 ? HeadLemma(document, m) : string.Join(' ', m.Words[..^1]) + " " + HeadLemma(document, m);
    }

    private static ulong[] WordHashes(string[] words)
    {
        var set = new ulong[words.Length];
        for (int k = 0; k < words.Length; k++)
        {
            set[k] = FeatureHash.Of(words[k]);
        }

        return set;
    }

    /// <summary>Whether every word of <paramref name="inner"/> occurs in <paramref name="outer"/> ("the bridge" in "the Bay Bridge").</summary>
    private static bool Included(ulong[] inner, ulong[] outer)
    {
        if (inner.Length == 0)
        {
            return false;
        }

        foreach (var w in inner)
        {
            if (Array.IndexOf(outer, w) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static ulong Flag(bool b) => b ? 1UL : 0UL;

    private static int Agree<T>(T a, T b, T unknown)
        where T : IEquatable<T> => a.Equals(unknown) || b.Equals(unknown) ? 2 : a.Equals(b) ? 1 : 0;

    /// <summary>0, 1, 2, 3, 4, 5-7, 8-15, 16-31, 32-63, 64-127, 128+.</summary>
    private static int Bucket(int d) => d < 5 ? Math.Max(d, 0) : d < 8 ? 5 : d < 16 ? 6 : d < 32 ? 7 : d < 64 ? 8 : d < 128 ? 9 : 10;

    private struct MentionKey
    {
        public int Start;
        public int End;
        public int Sentence;
        public int Kind;
        public ulong Words;
        public ulong HeadWord;
        public ulong FirstWord;
        public ulong Relation;
        public int Number;
        public char Gender;
        public int Person;
        public bool Animate;
        public bool Inanimate;
        public int Label;
        public bool Definite;
        public bool Indefinite;
        public bool Possessive;
        public int Length;

        /// <summary>Relation of the first dependent the reported phrase takes in beyond the base phrase (0: none).</summary>
        public ulong Extension;
        public bool Skipped;
        public int ClusterSize;
        public ulong[] WordSet;
        public ulong HeadLemma;
        public ulong LemmaWords;

        /// <summary>The frame of an "it" (<see cref="ItFrame"/>), 0 for other mentions; with the governor's lemma.</summary>
        public ulong Frame;
        public ulong FrameLemma;
    }
}
