using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>One run of the resolver's sieves over one document's mentions (see <see cref="CoreferenceResolver"/>).</summary>
internal sealed class CorefSieve
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "president", "gen", "gen.", "general",
        "sen", "sen.", "senator", "minister", "sheikh", "king", "queen", "prince", "commander", "col.", "colonel",
        "capt.", "captain", "judge", "justice", "pope", "professor", "lord", "sir", "saint", "st.",
    };

    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "and", "'s", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
        "own", "same", "such",
    };

    private static readonly bool Trace = Environment.GetEnvironmentVariable("HEARSAY_COREF_TRACE") is not null;

    private readonly Document _document;
    private readonly List<CorefMention> _mentions;
    private readonly CoreferenceOptions _options;
    private readonly int[] _cluster;
    private readonly List<List<int>> _members;
    private readonly List<int>[] _bySentence;
    private readonly List<(int Owner, string Kin, int Target)> _relations = [];
    private readonly List<(int Cluster, int Mention)> _attributes = [];

    // Which pass (1-based, in run order) linked each mention, and to which mention: features for the learned ranker.
    private readonly int[] _linkPass;
    private readonly int[] _linkTarget;
    private int _pass;

    // Each sentence's speaker in a transcript (null: unknown): "I" and "you" hold within one speaker's turns only.
    private readonly IReadOnlyList<string?>? _speakers;

    public CorefSieve(Document document, List<CorefMention> mentions, CoreferenceOptions options, IReadOnlyList<string?>? speakers = null)
    {
        _speakers = speakers;
        _document = document;
        _mentions = mentions;
        _options = options;
        _cluster = new int[mentions.Count];
        _linkPass = new int[mentions.Count];
        _linkTarget = new int[mentions.Count];
        Array.Fill(_linkTarget, -1);
        _members = new List<List<int>>(mentions.Count);
        for (int i = 0; i < mentions.Count; i++)
        {
            _cluster[i] = i;
            _members.Add([i]);
        }

        _bySentence = new List<int>[Math.Max(1, document.Sentences.Count)];
        for (int s = 0; s < _bySentence.Length; s++)
        {
            _bySentence[s] = [];
        }

        for (int i = 0; i < mentions.Count; i++)
        {
            _bySentence[Math.Min(mentions[i].Sentence, _bySentence.Length - 1)].Add(i);
        }
    }

    public void Run(CancellationToken cancellationToken)
    {
        foreach (var (i, m) in Wrapping())
        {
            Merge(i, m);
        }

        Pass(Exact, nominalOrder: true, window: int.MaxValue);
        cancellationToken.ThrowIfCancellationRequested();
        Pass(Construct, nominalOrder: true, window: 0);
        Pass(NameVariant, nominalOrder: true, window: int.MaxValue, salience: true);
        Pass(HeadMatch, nominalOrder: true, window: int.MaxValue);
        if (_options.TypeNouns)
        {
            Pass(TypeNoun, nominalOrder: true, window: 3);
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Speakers and addressees ("I", "you", "we") hold across a whole text; third persons need salience.
        Pass((i, c) => _mentions[i].Person < 3 && PronounMatch(i, c), nominalOrder: true, window: int.MaxValue);
        Pass((i, c) => _mentions[i].Person == 3 && PronounMatch(i, c), nominalOrder: false, window: _options.PronounWindow);
        Pass(Kinship, nominalOrder: true, window: int.MaxValue);
    }

    public CorefPrediction Result()
    {
        var clusters = new List<IReadOnlyList<TokenRange>>();
        var clusterLabels = new List<EntityLabel>();
        var mentions = new List<Mention>();
        var entities = new List<Entity>();
        var existing = _document.Mentions;
        var roots = new List<int>();
        for (int i = 0; i < _mentions.Count; i++)
        {
            if (_cluster[i] == i)
            {
                roots.Add(i);
            }
        }

        roots.Sort((a, b) => _members[a].Min().CompareTo(_members[b].Min()));
        var entityOf = new Dictionary<int, int>();
        foreach (int root in roots)
        {
            var members = _members[root];
            members.Sort();
            var ranges = new List<TokenRange>();
            foreach (int mi in members)
            {
                if (!_mentions[mi].Wrapped || _mentions[mi].Existing < 0)
                {
                    ranges.Add(_options.FullPhrases ? _mentions[mi].Phrase : _mentions[mi].Tokens);
                }
            }

            if (ranges.Count == 0)
            {
                ranges.Add(_mentions[members[0]].Tokens);
            }

            clusters.Add(ranges);
            clusterLabels.Add(ClusterLabel(root));
            bool named = members.Exists(mi => _mentions[mi].Existing >= 0 && existing[_mentions[mi].Existing].Kind == MentionKind.Name);
            if (named || members.Count > 1)
            {
                entityOf[root] = entityOf.Count;
            }
        }

        // Document mentions: the recognizer's, then every other mention of an entity, in text order.
        var order = new List<int>();
        for (int i = 0; i < _mentions.Count; i++)
        {
            if (_mentions[i].Existing >= 0 || entityOf.ContainsKey(Find(i)))
            {
                order.Add(i);
            }
        }

        // In order of their ends, inner mentions first ("Massoud" before "Massoud's father", "Ahmad Shah Massoud" before
        // "the son of ... Ahmad Shah Massoud"), so a reader taking the first best-overlapping mention gets the tightest one.
        order.Sort((a, b) => _mentions[a].End != _mentions[b].End ? _mentions[a].End.CompareTo(_mentions[b].End) : _mentions[b].Start.CompareTo(_mentions[a].Start));

        var entityMentions = new List<int>[entityOf.Count];
        for (int e = 0; e < entityMentions.Length; e++)
        {
            entityMentions[e] = [];
        }

        foreach (int i in order)
        {
            var m = _mentions[i];
            int entity = entityOf.TryGetValue(Find(i), out int e2) ? e2 : -1;
            var label = ClusterLabel(Find(i));
            Mention mention;
            if (m.Existing >= 0)
            {
                var old = existing[m.Existing];
                mention = old with { };
                mention.EntityIndex = entity;
            }
            else
            {
                var range = _document.CharRangeOf(m.Tokens);
                mention = new Mention(range, m.Tokens, m.Label ?? label, m.Kind == MentionKind.Name ? MentionKind.Nominal : m.Kind) { EntityIndex = entity };
            }

            if (entity >= 0)
            {
                entityMentions[entity].Add(mentions.Count);
            }

            mentions.Add(mention);
        }

        foreach (var (root, index) in entityOf.OrderBy(p => p.Value))
        {
            var label = ClusterLabel(root);
            string canonical = Canonical(root);
            bool media = _members[root].Exists(mi => _mentions[mi].Kind == MentionKind.Name && MediaOutletLexicon.IsMedia(Surface(mi)));
            var attributes = _attributes.Where(a => Find(a.Cluster) == root).Select(a => Surface(a.Mention)).Distinct(StringComparer.Ordinal).ToList();
            entities.Add(new Entity(index, canonical, label, entityMentions[index]) { Subtype = media ? "media" : null, Attributes = attributes });
        }

        return new CorefPrediction(mentions, entities, clusters, clusterLabels);
    }

    private IEnumerable<(int, int)> Wrapping()
    {
        for (int i = 0; i < _mentions.Count; i++)
        {
            if (_mentions[i].Wraps >= 0)
            {
                yield return (i, _mentions[i].Wraps);
            }
        }
    }

    private delegate bool Rule(int anaphor, int antecedent);

    private void Pass(Rule rule, bool nominalOrder, int window, bool salience = false)
    {
        _pass++;
        for (int i = 0; i < _mentions.Count; i++)
        {
            if (_members[Find(i)].Min() != i && !salience)
            {
                continue;
            }

            int best = -1;
            foreach (int c in Candidates(i, nominalOrder, window))
            {
                if (Find(c) == Find(i) || !rule(i, c) || !Compatible(Find(i), Find(c)))
                {
                    continue;
                }

                if (!salience)
                {
                    best = c;
                    break;
                }

                // Name variants: the most-mentioned compatible entity, then the nearest.
                if (best < 0 || _members[Find(c)].Count > _members[Find(best)].Count)
                {
                    best = c;
                }
            }

            if (best >= 0)
            {
                Merge(i, best);
                _linkPass[i] = _pass;
                _linkTarget[i] = best;
            }
            else if (Trace)
            {
                foreach (int c in Candidates(i, nominalOrder, window))
                {
                    if (Find(c) != Find(i) && rule(i, c))
                    {
                        Console.Error.WriteLine($"coref: {rule.Method.Name}: {_mentions[i]} ~ {_mentions[c]} blocked");
                    }
                }
            }
        }
    }

    private IEnumerable<int> Candidates(int i, bool nominalOrder, int window)
    {
        var m = _mentions[i];
        var same = _bySentence[Math.Min(m.Sentence, _bySentence.Length - 1)];
        if (nominalOrder || true)
        {
            // Same sentence: pronouns look left to right (subjects first), others nearest first.
            var before = new List<int>();
            foreach (int c in same)
            {
                var cm = _mentions[c];
                if (c == i || cm.Start >= m.Start || cm.End > m.Start)
                {
                    continue;
                }

                before.Add(c);
            }

            if (nominalOrder)
            {
                before.Reverse();
            }

            foreach (int c in before)
            {
                yield return c;
            }
        }

        int limit = window == int.MaxValue ? 0 : Math.Max(0, m.Sentence - window);
        for (int s = m.Sentence - 1; s >= limit; s--)
        {
            var list = _bySentence[s];
            if (nominalOrder)
            {
                for (int k = list.Count - 1; k >= 0; k--)
                {
                    yield return list[k];
                }
            }
            else
            {
                foreach (int c in list)
                {
                    yield return c;
                }
            }
        }
    }

    private bool Exact(int i, int c)
    {
        var m = _mentions[i];
        var a = _mentions[c];
        if (m.Kind == MentionKind.Pronoun || a.Kind == MentionKind.Pronoun || m.Indefinite || m.Words.Length == 0 || m.Relative)
        {
            return false;
        }

        if (m.Kind == MentionKind.Nominal && m.Words.Length == 1 && !m.Definite && !_options.BareNounExactMatch)
        {
            return false;
        }

        return m.Words.AsSpan().SequenceEqual(a.Words);
    }

    private bool Construct(int i, int c)
    {
        var m = _mentions[i];
        var a = _mentions[c];
        var tokens = _document.Tokens;
        if (m.Relative)
        {
            // "Amrullah Saleh, who": the phrase right before, across a comma.
            int before = m.Start - 1;
            if (before >= 0 && Word(before) == ",")
            {
                before--;
            }

            return a.End - 1 == before && a.Kind != MentionKind.Pronoun && !a.Possessive;
        }

        if (m.Kind == MentionKind.Pronoun || a.Kind == MentionKind.Pronoun || m.Sentence != a.Sentence || a.Possessive || m.Possessive)
        {
            return false;
        }

        if (a.End < m.Start && Word(a.End) == "," && a.End + 1 == m.Start && (m.Kind == MentionKind.Name || a.Kind == MentionKind.Name) && !(m.Kind == MentionKind.Name && a.Kind == MentionKind.Name))
        {
            int after = LastOf(i);
            string next = after < tokens.Length ? Word(after) : ".";
            string tag = after < tokens.Length ? tokens[after].Xpos ?? "" : ".";
            bool closes = next is "," or "." or ")" or "—" or "–" or ":" or ";" || tag.StartsWith("VB", StringComparison.Ordinal) || tag == "MD" || after >= _document.Sentences[m.Sentence].Tokens.End;
            if (closes && next != "and" && next != "or")
            {
                RecordAppositive(c, i);
                return true;
            }
        }

        if (_options.PredicateNominatives && a.End + 1 == m.Start && CorefLexicon.IsCopula(Word(a.End)) && (tokens[a.End].Xpos ?? "").StartsWith("VB", StringComparison.Ordinal) && !m.Indefinite && m.Kind != MentionKind.Pronoun)
        {
            RecordAppositive(c, i);
            return true;
        }

        return false;
    }

    /// <summary>End of the mention including nested "of"-phrases that belong to it.</summary>
    private int LastOf(int i)
    {
        int end = _mentions[i].End;
        return end;
    }

    private void RecordAppositive(int name, int description)
    {
        var d = _mentions[description];
        var n = _mentions[name];
        var (owner, desc) = d.Kind == MentionKind.Name ? (description, name) : (name, description);
        _attributes.Add((owner, desc));
        var dm = _mentions[desc];
        if (CorefLexicon.InverseKin(dm.HeadWord) is { } kin)
        {
            // "Ahmad Massoud, the son of ... Ahmad Shah Massoud": the "of" object is the owner's kin.
            for (int k = 0; k < _mentions.Count; k++)
            {
                var o = _mentions[k];
                if (o.Start > dm.Head && o.End == dm.End && o.Start > dm.Start && k != desc && o.Kind != MentionKind.Pronoun)
                {
                    _relations.Add((owner, kin, k));
                    break;
                }
            }
        }

        _ = n;
    }

    private bool NameVariant(int i, int c)
    {
        var m = _mentions[i];
        var a = _mentions[c];
        if (m.Kind != MentionKind.Name || a.Kind != MentionKind.Name || m.Relative)
        {
            return false;
        }

        var mw = NameWords(m);
        var aw = NameWords(a);
        if (mw.Length == 0 || aw.Length == 0)
        {
            return false;
        }

        if (mw.AsSpan().SequenceEqual(aw))
        {
            return true;
        }

        bool person = m.Label == EntityLabel.Person || a.Label == EntityLabel.Person;
        if (person)
        {
            return mw.Length == 1 && aw.Length > 1 && aw[^1] == mw[0] && a.Label != EntityLabel.Org && a.Label != EntityLabel.Loc;
        }

        return (mw.Length < aw.Length && ContainsRun(aw, mw)) || IsAcronym(mw, aw) || IsAcronym(aw, mw);
    }

    private bool HeadMatch(int i, int c)
    {
        var m = _mentions[i];
        var a = _mentions[c];
        if (m.Kind != MentionKind.Nominal || a.Kind == MentionKind.Pronoun || m.Indefinite || !m.Definite || m.Relative)
        {
            return false;
        }

        if (a.HeadWord != m.HeadWord || (m.Number != 0 && a.Number != 0 && m.Number != a.Number))
        {
            return false;
        }

        // Possessive determiners and "own" add nothing ("your own life" is "your life").

        var words = ClusterWords(Find(c));
        foreach (var w in m.Words)
        {
            if (!Stop.Contains(w) && !words.Contains(w))
            {
                return false;
            }
        }

        return true;
    }

    private bool TypeNoun(int i, int c)
    {
        var m = _mentions[i];
        var a = _mentions[c];
        if (m.Kind != MentionKind.Nominal || !m.Definite || m.Label is null || m.Relative || a.Kind != MentionKind.Name || a.Label != m.Label)
        {
            return false;
        }

        if (m.Start < _document.Tokens.Length && _document.Tokens[m.Start].Xpos == "PRP$")
        {
            return false;
        }

        if (m.Words.Length > 1 && m.Words[0] != m.HeadWord && m.Label != EntityLabel.Person)
        {
            // "the ousted Afghan government": modifiers make a place or organization noun a description of its own (people keep "the resistance leader").
            return false;
        }

        int nounKind = m.Label == EntityLabel.Loc ? PlaceKinds.OfNoun(m.HeadWord) : PlaceKinds.Unknown;
        int nameKind = m.Label == EntityLabel.Loc ? PlaceKinds.OfName(a.Words) : PlaceKinds.Unknown;
        if (!PlaceKinds.Fits(nounKind, nameKind))
        {
            // "the province" is not "Turkey"; "the country" is not "Panjshir Valley".
            return false;
        }

        if (a.Words.Length > 1 && a.Words[^1] != m.HeadWord && CorefLexicon.LabelOfNoun(a.Words[^1]) is not null && !(nounKind != PlaceKinds.Unknown && nounKind == nameKind))
        {
            // "Panjshir Valley" names a valley, not "the country" (but it is "the province": both are areas).
            return false;
        }

        if (a.End < _document.Tokens.Length && _document.Tokens[a.End].Xpos == "HYPH")
        {
            // "London-based": the name only modifies.
            return false;
        }

        return m.Number == 0 || a.Number == 0 || m.Number == a.Number;
    }

    private bool PronounMatch(int i, int c)
    {
        var m = _mentions[i];
        var a = _mentions[c];
        if (m.Kind != MentionKind.Pronoun || m.Relative || a.Relative)
        {
            return false;
        }

        if (m.Person < 3)
        {
            return a.Kind == MentionKind.Pronoun && a.Person == m.Person && (m.Number == 0 || a.Number == 0 || a.Number == m.Number) && !OtherSpeaker(m.Sentence, a.Sentence);
        }

        if (a.Person < 3)
        {
            return false;
        }

        if (a.Possessive && a.Kind != MentionKind.Pronoun && a.Wraps < 0 && !Contained(c))
        {
            // "Massoud's" as a possessor stays a candidate; the larger phrase it sits in is the other mention.
        }

        if (a.Kind != MentionKind.Pronoun && !a.Possessive && Contained(c))
        {
            // A noun inside a larger phrase ("National Resistance Front" in "the National Resistance Front leader") is a modifier, rarely an antecedent.
            return false;
        }

        if (a.Sentence == m.Sentence && a.Start > 0 && _document.Tokens[a.Start - 1].Xpos is "IN" or "TO" && m.Start + 1 < _document.Tokens.Length && (_document.Tokens[m.Start + 1].Xpos ?? "").StartsWith("VB", StringComparison.Ordinal))
        {
            // A subject pronoun does not go back to an object of a preposition in its own sentence ("Together with Qatar, it has").
            return false;
        }

        if (m.Start + 1 < _document.Tokens.Length && CorefLexicon.IsSpeechVerb(Word(m.Start + 1)))
        {
            // "it said": a speaker, so one that has spoken before ("Al-Arabiya reported ... it said").
            if (!SpeaksInCluster(Find(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two sentences are known to have different speakers.</summary>
    private bool OtherSpeaker(int a, int b) =>
        _speakers is not null && a < _speakers.Count && b < _speakers.Count && _speakers[a] is { } sa && _speakers[b] is { } sb && sa != sb;

    private bool SpeaksInCluster(int root)
    {
        foreach (int k in _members[root])
        {
            int after = _mentions[k].End;
            if (after < _document.Tokens.Length && CorefLexicon.IsSpeechVerb(Word(after)))
            {
                return true;
            }
        }

        return false;
    }

    private bool Kinship(int i, int c)
    {
        var m = _mentions[i];
        if (m.Kind != MentionKind.Nominal || CorefLexicon.Kin(m.HeadWord) is not { } kin)
        {
            return false;
        }

        // The possessor: a pronoun or possessive phrase at the start of the mention.
        int possessor = -1;
        for (int k = 0; k < _mentions.Count; k++)
        {
            var o = _mentions[k];
            if (k != i && o.Start == m.Start && o.End < m.End && (o.Possessive || o.Kind == MentionKind.Pronoun))
            {
                possessor = k;
                break;
            }
        }

        if (possessor < 0)
        {
            return false;
        }

        foreach (var (owner, relation, target) in _relations)
        {
            if (relation == kin && Find(owner) == Find(possessor) && Find(target) == Find(c))
            {
                return true;
            }
        }

        return false;
    }

    private bool Contained(int i)
    {
        var m = _mentions[i];
        foreach (var o in _mentions)
        {
            if (o != m && o.Start <= m.Start && o.End >= m.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two clusters may merge: types, number, gender, animacy and person names agree throughout.</summary>
    private bool Compatible(int x, int y)
    {
        foreach (int i in _members[x])
        {
            var m = _mentions[i];
            foreach (int j in _members[y])
            {
                var a = _mentions[j];
                if (m.Start < a.End && a.Start < m.End && !(m.Wraps == j || a.Wraps == i) && m.Kind != MentionKind.Pronoun && a.Kind != MentionKind.Pronoun && !m.Relative && !a.Relative)
                {
                    // Nested phrases are different things ("the son of [X]").
                    return false;
                }

                if (m.Label is { } l1 && a.Label is { } l2 && l1 != l2
                    && !(l1 is EntityLabel.Loc or EntityLabel.Org && l2 is EntityLabel.Loc or EntityLabel.Org && m.Words.Length > 1 && m.Words.AsSpan().SequenceEqual(a.Words)))
                {
                    // The recognizer may call one name a place here and an organization there ("Northern Alliance"); the same full name is one thing.
                    return false;
                }

                if (m.Kind == MentionKind.Pronoun || a.Kind == MentionKind.Pronoun)
                {
                    if (m.Number != 0 && a.Number != 0 && m.Number != a.Number)
                    {
                        return false;
                    }

                    if (m.Person != a.Person && (m.Kind == a.Kind))
                    {
                        return false;
                    }

                    if ((m.Animate && a.Inanimate) || (m.Inanimate && a.Animate))
                    {
                        return false;
                    }
                }

                if (m.Gender is 'm' or 'f' && a.Gender is 'm' or 'f' && m.Gender != a.Gender)
                {
                    return false;
                }

                if (m.Kind == MentionKind.Name && a.Kind == MentionKind.Name && (m.Label == EntityLabel.Person || a.Label == EntityLabel.Person))
                {
                    var mw = NameWords(m);
                    var aw = NameWords(a);
                    if (mw.Length > 1 && aw.Length > 1 && !mw.AsSpan().SequenceEqual(aw))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private EntityLabel ClusterLabel(int root)
    {
        var counts = new int[6];
        foreach (int mi in _members[root])
        {
            if (_mentions[mi].Label is { } l)
            {
                counts[(int)l] += _mentions[mi].Kind == MentionKind.Name ? 3 : 1;
            }
        }

        int best = (int)EntityLabel.Other;
        for (int l = 0; l < counts.Length; l++)
        {
            if (counts[l] > counts[best])
            {
                best = l;
            }
        }

        return (EntityLabel)best;
    }

    private string Canonical(int root)
    {
        string? best = null;
        int bestWords = -1;
        foreach (int mi in _members[root])
        {
            var m = _mentions[mi];
            if (m.Kind != MentionKind.Name || (m.Existing < 0 && m.Wraps >= 0))
            {
                continue;
            }

            var words = NameWords(m);
            string surface = NameSurface(mi, words.Length);
            if (words.Length > bestWords || (words.Length == bestWords && surface.Length > best!.Length))
            {
                best = surface;
                bestWords = words.Length;
            }
        }

        return best ?? Surface(_members[root].Min());
    }

    /// <summary>The last <paramref name="count"/> tokens of a name as written (original spacing), without a possessive.</summary>
    private string NameSurface(int mi, int count)
    {
        var m = _mentions[mi];
        int end = m.End;
        if (end - 1 > m.Start && Word(end - 1) is "'s" or "'")
        {
            end--;
        }

        int start = Math.Max(m.Start, end - count);
        var text = _document.Slice(_document.CharRangeOf(new TokenRange(start, end)));
        foreach (var suffix in (string[])["'s", "’s"])
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return text[..^suffix.Length];
            }
        }

        return text;
    }

    /// <summary>The last <paramref name="count"/> words of a name as written, without a possessive.</summary>
    private IEnumerable<string> SurfaceWords(int mi, int count)
    {
        var m = _mentions[mi];
        var list = new List<string>();
        for (int t = m.Start; t < m.End; t++)
        {
            var w = MentionDetector.Word(_document.Text, _document.Tokens[t]);
            if (w is "'s" or "’s" or "'" or "’")
            {
                continue;
            }

            if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal))
            {
                w = w[..^2];
            }

            list.Add(w);
        }

        return list.Skip(Math.Max(0, list.Count - count));
    }

    private string Surface(int mi) => _document.Slice(_document.CharRangeOf(_mentions[mi].Tokens));

    private string[] NameWords(CorefMention m)
    {
        var words = new List<string>(m.Words.Length);
        foreach (var w in m.Words)
        {
            var x = w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w;
            if (x.Length > 0 && x != "'s")
            {
                words.Add(x);
            }
        }

        // The name is the trailing run of capitalized words ("Afghan resistance leader Ahmad Massoud" is "Ahmad Massoud");
        // lower-case joiners stay inside it ("University of Paris").
        int first = words.Count - 1;
        while (first > 0)
        {
            var w = words[first - 1];
            bool joiner = w is "of" or "de" or "and" or "for" or "&" or "-" or "." && first - 2 >= 0 && IsCapitalizedInText(m, words[first - 2]);
            if (!joiner && !IsCapitalizedInText(m, w))
            {
                break;
            }

            first--;
        }

        words.RemoveRange(0, first);
        while (words.Count > 1 && (Titles.Contains(words[0]) || words[0] == "the"))
        {
            words.RemoveAt(0);
        }

        return [.. words];
    }

    private bool IsCapitalizedInText(CorefMention m, string word)
    {
        for (int t = m.Start; t < m.End; t++)
        {
            var w = MentionDetector.Word(_document.Text, _document.Tokens[t]);
            if (CorefFeatures.Normalize(w) == word)
            {
                return w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0]));
            }
        }

        return true;
    }

    private HashSet<string> ClusterWords(int root)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (int mi in _members[root])
        {
            foreach (var w in _mentions[mi].Words)
            {
                set.Add(w);
            }
        }

        return set;
    }

    private static bool ContainsRun(string[] longer, string[] shorter)
    {
        for (int i = 0; i + shorter.Length <= longer.Length; i++)
        {
            if (longer.AsSpan(i, shorter.Length).SequenceEqual(shorter))
            {
                return !Array.TrueForAll(shorter, Stop.Contains);
            }
        }

        return false;
    }

    private static bool IsAcronym(string[] acronym, string[] name)
    {
        if (acronym.Length != 1 || name.Length < 2)
        {
            return false;
        }

        var a = acronym[0].Replace(".", "", StringComparison.Ordinal);
        if (a.Length < 2)
        {
            return false;
        }

        var initials = new System.Text.StringBuilder();
        foreach (var w in name)
        {
            if (!Stop.Contains(w) && w.Length > 0)
            {
                initials.Append(w[0]);
            }
        }

        return initials.ToString() == a;
    }

    private string Word(int token) => CorefFeatures.Normalize(MentionDetector.Word(_document.Text, _document.Tokens[token]));

    /// <summary>The cluster (root mention) of every mention.</summary>
    public int[] Clusters()
    {
        var roots = new int[_mentions.Count];
        for (int i = 0; i < roots.Length; i++)
        {
            roots[i] = Find(i);
        }

        return roots;
    }

    /// <summary>The pass that linked each mention (0: none) and the mention it was linked to (-1: none).</summary>
    public (int[] Pass, int[] Target) Links() => (_linkPass, _linkTarget);

    /// <summary>Redraws the clusters from chosen antecedents (-1: new entity); names inside larger phrases stay with them.</summary>
    public void Relink(int[] antecedents)
    {
        for (int i = 0; i < _mentions.Count; i++)
        {
            _cluster[i] = i;
            _members[i].Clear();
            _members[i].Add(i);
        }

        foreach (var (i, m) in Wrapping())
        {
            Merge(i, m);
        }

        for (int i = 0; i < antecedents.Length; i++)
        {
            if (antecedents[i] >= 0)
            {
                Merge(i, antecedents[i]);
            }
        }
    }

    private int Find(int i)
    {
        while (_cluster[i] != i)
        {
            _cluster[i] = _cluster[_cluster[i]];
            i = _cluster[i];
        }

        return i;
    }

    private void Merge(int a, int b)
    {
        int ra = Find(a), rb = Find(b);
        if (ra == rb)
        {
            return;
        }


        if (_members[ra].Count < _members[rb].Count)
        {
            (ra, rb) = (rb, ra);
        }

        _cluster[rb] = ra;
        _members[ra].AddRange(_members[rb]);
        _members[rb].Clear();
    }
}
