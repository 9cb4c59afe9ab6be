using Hearsay.Nlp.Learning;
using Hearsay.Nlp.Lemmatization;

namespace Hearsay.Nlp.Tagging;

/// <summary>
/// A trained POS tagger: the tag classes (UPOS and XPOS pairs), the linear model, a dictionary of frequent
/// unambiguous words (tagged without scoring), and the lemmatizer. Stored as one gzip-compressed binary file.
/// </summary>
public sealed class TaggerModel
{
    private const uint Magic = 0x4754_4835; // "HTG5"

    /// <summary>HTG5 followed by a window scorer; files without one stay HTG5, byte for byte as before.</summary>
    private const uint MagicWithNetwork = 0x4754_4836; // "HTG6"
    private static readonly ulong UnknownAmbiguity = FeatureHash.Value(-300);
    private readonly Dictionary<ulong, int> _unambiguous;
    private readonly Dictionary<ulong, ulong> _ambiguity;
    private readonly Dictionary<ulong, ulong> _formAmbiguity;
    private readonly Dictionary<ulong, int> _dominant;

    public TaggerModel(string version, string[] upos, string[] xpos, SparseLinearModel model, Dictionary<ulong, int> unambiguous, Dictionary<ulong, ulong> ambiguity, Dictionary<ulong, ulong> formAmbiguity, Dictionary<ulong, int> dominant, Lemmatizer lemmatizer)
    {
        _formAmbiguity = formAmbiguity;
        _dominant = dominant;
        _ambiguity = ambiguity;
        Version = version;
        Upos = upos;
        Xpos = xpos;
        Model = model;
        _unambiguous = unambiguous;
        Lemmatizer = lemmatizer;
    }

    public string Version { get; }

    /// <summary>UPOS of each class (interned).</summary>
    public string[] Upos { get; }

    /// <summary>XPOS of each class (interned).</summary>
    public string[] Xpos { get; }

    public SparseLinearModel Model { get; }

    /// <summary>Optional second pass that also sees the first pass's tags of the following words; null: one pass.</summary>
    public SparseLinearModel? SecondPass { get; init; }

    public Lemmatizer Lemmatizer { get; }

    /// <summary>Word classes (from MiniLM's embedding table) whose features the model was trained with; null: none.</summary>
    public WordClasses? WordClasses { get; init; }

    /// <summary>
    /// Optional window scorer over MiniLM vectors (the NER stage's network, here over the UPOS|XPOS classes): its
    /// scaled log-probabilities are added to the perceptron's scores before each greedy decision; null: perceptron only.
    /// </summary>
    internal Hearsay.Core.Learning.WindowScorer? Network { get; init; }

    /// <summary>Weight of the window scorer's log-probabilities; null: the model has no scorer.</summary>
    public float? NetworkScale => Network?.Scale;

    public int ClassCount => Upos.Length;

    /// <summary>The class of a frequent word that always had the same tag in training, by exact-form hash; -1 otherwise.</summary>
    public int UnambiguousClass(ulong formHash) => _unambiguous.TryGetValue(formHash, out int c) ? c : -1;

    internal Dictionary<ulong, int> UnambiguousTable => _unambiguous;

    internal Dictionary<ulong, ulong> AmbiguityTable => _ambiguity;

    internal Dictionary<ulong, ulong> FormAmbiguityTable => _formAmbiguity;

    internal Dictionary<ulong, int> DominantTable => _dominant;

    /// <summary>Hash of the tag set of a word (by lower-case hash) seen in training, or a fixed "unknown" value.</summary>
    public ulong AmbiguityOf(ulong lowerHash) => _ambiguity.TryGetValue(lowerHash, out var a) ? a : UnknownAmbiguity;

    /// <summary>Computes word hashes and fills in their ambiguity class.</summary>
    public WordHashes Hashes(ReadOnlySpan<char> word)
    {
        var h = WordHashes.Of(word);
        h.Ambiguity = AmbiguityOf(h.Lower);
        h.FormAmbiguity = _formAmbiguity.TryGetValue(h.Form, out var fa) ? fa : UnknownAmbiguity;
        h.Dominant = _dominant.TryGetValue(h.Lower, out int d) ? FeatureHash.Value(d) : UnknownAmbiguity;
        int wc = WordClasses?.ClassOf(h.Lower) ?? 0;
        if (wc == 0)
        {
            h.Coarse = UnknownAmbiguity;
            h.Fine = UnknownAmbiguity;
        }
        else
        {
            h.Coarse = FeatureHash.Value(1000 + ((wc - 1) / Learning.WordClasses.Fine));
            h.Fine = FeatureHash.Value(2000 + ((wc - 1) % Learning.WordClasses.Fine));
        }

        return h;
    }

    public void Save(string path)
    {
        using var w = ModelFile.Create(path);
        w.Write(Network is null ? Magic : MagicWithNetwork);
        w.Write(Version);
        w.Write(Upos.Length);
        for (int c = 0; c < Upos.Length; c++)
        {
            w.Write(Upos[c]);
            w.Write(Xpos[c]);
        }

        w.Write(_unambiguous.Count);
        foreach (var (hash, c) in _unambiguous.OrderBy(kv => kv.Key))
        {
            w.Write(hash);
            w.Write((ushort)c);
        }

        w.Write(_ambiguity.Count);
        foreach (var (hash, a) in _ambiguity.OrderBy(kv => kv.Key))
        {
            w.Write(hash);
            w.Write(a);
        }

        w.Write(_formAmbiguity.Count);
        foreach (var (hash, a) in _formAmbiguity.OrderBy(kv => kv.Key))
        {
            w.Write(hash);
            w.Write(a);
        }

        w.Write(_dominant.Count);
        foreach (var (hash, c) in _dominant.OrderBy(kv => kv.Key))
        {
            w.Write(hash);
            w.Write((ushort)c);
        }

        Lemmatizer.Write(w);
        Model.Write(w);
        w.Write(SecondPass is not null);
        SecondPass?.Write(w);
        var classes = WordClasses?.Classes ?? [];
        w.Write(classes.Count);
        foreach (var (hash, c) in classes.OrderBy(kv => kv.Key))
        {
            w.Write(hash);
            w.Write(c);
        }

        Network?.Write(w);
    }

    /// <exception cref="InvalidDataException">The file is not a tagger model.</exception>
    public static TaggerModel Load(string path)
    {
        try
        {
            return Read(path);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated tagger model.", e);
        }
    }

    private static TaggerModel Read(string path)
    {
        using var r = ModelFile.OpenRead(path);
        uint magic = r.ReadUInt32();
        if (magic is not Magic and not MagicWithNetwork)
        {
            throw new InvalidDataException($"{path}: not a Hearsay tagger model.");
        }

        var version = r.ReadString();
        int n = r.ReadInt32();
        var upos = new string[n];
        var xpos = new string[n];
        for (int c = 0; c < n; c++)
        {
            upos[c] = string.Intern(r.ReadString());
            xpos[c] = string.Intern(r.ReadString());
        }

        int m = r.ReadInt32();
        var unambiguous = new Dictionary<ulong, int>(m);
        for (int i = 0; i < m; i++)
        {
            unambiguous[r.ReadUInt64()] = r.ReadUInt16();
        }

        int k = r.ReadInt32();
        var ambiguity = new Dictionary<ulong, ulong>(k);
        for (int i = 0; i < k; i++)
        {
            ambiguity[r.ReadUInt64()] = r.ReadUInt64();
        }

        int fk = r.ReadInt32();
        var formAmbiguity = new Dictionary<ulong, ulong>(fk);
        for (int i = 0; i < fk; i++)
        {
            formAmbiguity[r.ReadUInt64()] = r.ReadUInt64();
        }

        int dk = r.ReadInt32();
        var dominant = new Dictionary<ulong, int>(dk);
        for (int i = 0; i < dk; i++)
        {
            dominant[r.ReadUInt64()] = r.ReadUInt16();
        }

        var lemmatizer = Lemmatizer.Read(r);
        var model = SparseLinearModel.Read(r);
        var second = r.ReadBoolean() ? SparseLinearModel.Read(r) : null;
        int ck = r.ReadInt32();
        var classes = new Dictionary<ulong, ushort>(ck);
        for (int i = 0; i < ck; i++)
        {
            classes[r.ReadUInt64()] = r.ReadUInt16();
        }

        return new TaggerModel(version, upos, xpos, model, unambiguous, ambiguity, formAmbiguity, dominant, lemmatizer)
        {
            SecondPass = second,
            WordClasses = ck > 0 ? new WordClasses(classes) : null,
            Network = magic == MagicWithNetwork ? Hearsay.Core.Learning.WindowScorer.Read(r) : null,
        };
    }
}
