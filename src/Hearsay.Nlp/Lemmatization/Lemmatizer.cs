namespace Hearsay.Nlp.Lemmatization;

/// <summary>
/// Lemmatizer learnt from a treebank: suffix rules per XPOS tag ("VBD" + "ied" → cut 3, add "y") chosen by the
/// longest known suffix, plus a lexicon of the training words the rules get wrong. Proper nouns keep their form.
/// </summary>
public sealed class Lemmatizer
{
    private const int MaxSuffix = 5;
    private readonly Dictionary<string, string> _exceptions;
    private readonly Dictionary<string, Rule> _rules;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _exceptionLookup;
    private readonly Dictionary<string, Rule>.AlternateLookup<ReadOnlySpan<char>> _ruleLookup;

    // Lemmas already computed, by "form TAB xpos TAB upos", so that a word seen before costs no allocation.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;
    private const int MaxCache = 200_000;

    private Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, Rule> rules)
    {
        _exceptions = exceptions;
        _rules = rules;
        _exceptionLookup = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        _ruleLookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int ExceptionCount => _exceptions.Count;

    public int RuleCount => _rules.Count;

    /// <summary>How to turn a word into its lemma: keep it as written, or lower-case it, cut characters and append.</summary>
    private readonly record struct Rule(bool Keep, int Cut, string Add);

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="xpos"/>; allocates only for a word not seen before.</summary>
    public string Lemmatize(ReadOnlySpan<char> form, string upos, string xpos)
    {
        if (form.Length > 64)
        {
            return Lemmatize(form.ToString(), upos, xpos);
        }

        Span<char> key = stackalloc char[form.Length + xpos.Length + upos.Length + 2];
        int klen = MakeKey(form, xpos, key, lower: false);
        key[klen++] = '\t';
        upos.AsSpan().CopyTo(key[klen..]);
        klen += upos.Length;
        if (_cacheLookup.TryGetValue(key[..klen], out var cached))
        {
            return cached;
        }

        var lemma = Lemmatize(form.ToString(), upos, xpos);
        if (_cache.Count < MaxCache)
        {
            _cache.TryAdd(key[..klen].ToString(), lemma);
        }

        return lemma;
    }

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="xpos"/>.</summary>
    public string Lemmatize(string form, string upos, string xpos)
    {
        Span<char> key = stackalloc char[Math.Min(form.Length, 64) + xpos.Length + 1];
        int klen = MakeKey(form.AsSpan(0, Math.Min(form.Length, 64)), xpos, key, lower: false);
        if (_exceptionLookup.TryGetValue(key[..klen], out var lemma))
        {
            return lemma;
        }

        if (upos == "PROPN")
        {
            return form;
        }

        Span<char> lower = stackalloc char[Math.Min(form.Length, 64)];
        form.AsSpan(0, lower.Length).ToLowerInvariant(lower);
        Span<char> rk = stackalloc char[xpos.Length + 1 + MaxSuffix];
        for (int k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            xpos.AsSpan().CopyTo(rk);
            rk[xpos.Length] = '|';
            lower[^k..].CopyTo(rk[(xpos.Length + 1)..]);
            if (_ruleLookup.TryGetValue(rk[..(xpos.Length + 1 + k)], out var rule))
            {
                return Apply(form, rule);
            }
        }

        return form.ToLowerInvariant();
    }

    private static string Apply(string form, Rule rule)
    {
        if (rule.Keep)
        {
            return form;
        }

        if (rule.Cut > form.Length)
        {
            return form.ToLowerInvariant();
        }

        var stem = form[..^rule.Cut].ToLowerInvariant();
        return rule.Add.Length == 0 ? stem : stem + rule.Add;
    }

    private static Rule RuleFor(string form, string lemma)
    {
        if (form == lemma)
        {
            return new Rule(true, 0, "");
        }

        var lf = form.ToLowerInvariant();
        int p = 0;
        while (p < lf.Length && p < lemma.Length && lf[p] == lemma[p])
        {
            p++;
        }

        return new Rule(false, lf.Length - p, lemma[p..]);
    }

    private static int MakeKey(ReadOnlySpan<char> form, string xpos, Span<char> key, bool lower)
    {
        if (lower)
        {
            form.ToLowerInvariant(key);
        }
        else
        {
            form.CopyTo(key);
        }

        key[form.Length] = '\t';
        xpos.AsSpan().CopyTo(key[(form.Length + 1)..]);
        return form.Length + 1 + xpos.Length;
    }

    /// <summary>Learns rules and exceptions from (form, upos, xpos, lemma) examples.</summary>
    public static Lemmatizer Train(IEnumerable<(string Form, string Upos, string Xpos, string Lemma)> examples)
    {
        var ruleCounts = new Dictionary<string, Dictionary<Rule, int>>(StringComparer.Ordinal);
        var wordCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var items = new List<(string Form, string Upos, string Xpos)>();
        foreach (var (form, upos, xpos, lemma) in examples)
        {
            if (form.Length == 0 || form.Length > 64 || lemma == "_")
            {
                continue;
            }

            var wk = form + "\t" + xpos;
            if (!wordCounts.TryGetValue(wk, out var lemmas))
            {
                wordCounts[wk] = lemmas = new Dictionary<string, int>(StringComparer.Ordinal);
                items.Add((form, upos, xpos));
            }

            lemmas[lemma] = lemmas.GetValueOrDefault(lemma) + 1;
            if (upos == "PROPN")
            {
                continue;
            }

            var rule = RuleFor(form, lemma);
            var lf = form.ToLowerInvariant();
            for (int k = 0; k <= Math.Min(MaxSuffix, lf.Length); k++)
            {
                var key = xpos + "|" + lf[^k..];
                if (!ruleCounts.TryGetValue(key, out var counts))
                {
                    ruleCounts[key] = counts = new Dictionary<Rule, int>();
                }

                counts[rule] = counts.GetValueOrDefault(rule) + 1;
            }
        }

        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var (key, counts) in ruleCounts)
        {
            var best = counts.MaxBy(kv => (kv.Value, kv.Key.Add.Length == 0 ? 1 : 0, -kv.Key.Cut));
            if (best.Value >= 2)
            {
                rules[key] = best.Key;
            }
        }

        var lemmatizer = new Lemmatizer(new Dictionary<string, string>(StringComparer.Ordinal), rules);
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (form, upos, xpos) in items)
        {
            var gold = wordCounts[form + "\t" + xpos].MaxBy(kv => kv.Value).Key;
            if (lemmatizer.Lemmatize(form, upos, xpos) != gold)
            {
                exceptions[form + "\t" + xpos] = gold;
            }
        }

        return new Lemmatizer(exceptions, rules);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_rules.Count);
        foreach (var (key, rule) in _rules.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(rule.Keep);
            writer.Write((byte)rule.Cut);
            writer.Write(rule.Add);
        }

        writer.Write(_exceptions.Count);
        foreach (var (key, lemma) in _exceptions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(lemma);
        }
    }

    public static Lemmatizer Read(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        var rules = new Dictionary<string, Rule>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var key = reader.ReadString();
            rules[key] = new Rule(reader.ReadBoolean(), reader.ReadByte(), reader.ReadString());
        }

        int m = reader.ReadInt32();
        var exceptions = new Dictionary<string, string>(m, StringComparer.Ordinal);
        for (int i = 0; i < m; i++)
        {
            var key = reader.ReadString();
            exceptions[key] = reader.ReadString();
        }

        return new Lemmatizer(exceptions, rules);
    }
}
