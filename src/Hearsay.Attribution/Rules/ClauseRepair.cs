using Hearsay.Attribution.Tagging;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Rules;

/// <summary>
/// Repairs grouped spans with the syntax of reporting clauses, where the tagger leaves holes:
/// a cue without a source takes its grammatical subject (from dependencies when parsed, else the
/// name before an appositive: "Zahir Aghbar, the ousted ambassador, also claimed"); a cue whose
/// clause closes the sentence ("..., London-based Al-Arabiya reported on Sunday.") takes the
/// clause before the comma as content; "citing X" right after another cue joins that
/// attribution's chain instead of standing alone.
/// </summary>
public static class ClauseRepair
{
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "later", "then", "again", "previously", "earlier", "repeatedly", "has", "have", "had", "was", "were", "is",
        "would", "will", "had", "once", "recently", "publicly", "reportedly", "further", "even", "still", "already", "never",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "we", "i", "who", "you",
    };

    private static readonly string[] ChainCues = ["citing", "quoting", "according"];

    public static void Repair(Document doc, List<AttributionGroup> groups) => Repair(doc, groups, null);

    /// <param name="lexicon">The tagger's cue lexicon, for participial cues ("..., urging them to ..."); none without it.</param>
    public static void Repair(Document doc, List<AttributionGroup> groups, CueLexicon? lexicon)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(groups);
        AddDashBylines(doc, groups);
        AddParticipialCues(doc, groups, lexicon);
        for (int gi = groups.Count - 1; gi >= 0; gi--)
        {
            var g = groups[gi];
            if (gi > 0 && g.Source is null && IsChainCue(doc, g.Cue.Tokens.Start) && groups[gi - 1].Cue.Sentence == g.Cue.Sentence)
            {
                // The chain finder reads "citing X" for the previous attribution; content the tagger hung on "citing" is the previous cue's.
                var previous = groups[gi - 1];
                foreach (var c in g.Content)
                {
                    if (c.Tokens.End <= g.Cue.Tokens.Start)
                    {
                        previous.Content.Add(c);
                    }
                }

                previous.Content.Sort((a, b) => a.Tokens.Start.CompareTo(b.Tokens.Start));
                groups.RemoveAt(gi);
            }
        }

        foreach (var g in groups)
        {
            if (g.Source is null && SubjectOf(doc, g.Cue.Tokens) is { } subject)
            {
                g.Source = new TaggedSpan(AttributionRole.Source, g.Cue.Sentence, subject);
                g.Evidence += "+subject";
            }

            if (g.Content.Count == 0 && g.Source is { } src && ClosesSentence(doc, g) && src.Tokens.Start > 0
                && Word(doc, src.Tokens.Start - 1) is "," or "--" or "—")
            {
                var sentence = doc.Sentences[g.Cue.Sentence].Tokens;
                int end = src.Tokens.Start - 1;
                int start = sentence.Start;
                while (start < end && Word(doc, start) is "\"" or "“")
                {
                    start++;
                }

                if (end - start >= 3)
                {
                    g.Content.Add(new TaggedSpan(AttributionRole.Content, g.Cue.Sentence, new TokenRange(start, end)));
                    g.Evidence += "+fronted-content";
                }
            }
        }

        // Groups whose spans now sit inside another's content were tagger noise ("did not" read as a cue).
        groups.RemoveAll(g => groups.Any(o => o != g && o.Content.Any(c => c.Tokens.Start <= g.Cue.Tokens.Start && g.Cue.Tokens.End <= c.Tokens.End)
            && (o.Evidence.Contains("+fronted-content", StringComparison.Ordinal) || o.Evidence.StartsWith("participial", StringComparison.Ordinal))));

        foreach (var g in groups)
        {
            if (g.Source is { } s && WholeName(doc, s.Tokens) is { } whole)
            {
                g.Source = s with { Tokens = whole };
            }

            if (g.Source is { } r && Antecedent(doc, r.Tokens) is { } antecedent)
            {
                g.Source = r with { Tokens = antecedent };
            }
        }
    }

    /// <summary>
    /// "video that showed ...": a non-personal relative pronoun as source stands for the noun its
    /// clause modifies (from dependencies: the head of the acl:relcl verb). "who" stays, as the
    /// resolver links it to the person it follows.
    /// </summary>
    private static TokenRange? Antecedent(Document doc, TokenRange source)
    {
        var tokens = doc.Tokens;
        if (source.Length != 1 || !doc.Has(Layers.Dependencies) || Word(doc, source.Start).ToLowerInvariant() is not ("that" or "which"))
        {
            return null;
        }

        int verb = tokens[source.Start].Head;
        if (verb < 0 || tokens[verb].DepRel != "acl:relcl" || tokens[verb].Head is not (>= 0 and var noun) || noun >= source.Start)
        {
            return null;
        }

        var sentence = doc.Sentences[doc.SentenceOf(noun)].Tokens;
        int start = noun;
        for (int k = sentence.Start; k < noun; k++)
        {
            if (tokens[k].Head == noun && tokens[k].DepRel is "compound" or "det" or "amod" or "nmod:poss" && k < start)
            {
                start = k;
            }
        }

        return new TokenRange(start, noun + 1);
    }

    /// <summary>
    /// A source span that cuts a name ("Zahir" of "Zahir Aghbar") grows to the whole name: the
    /// name mention it overlaps when the document has mentions, else the run of proper nouns around it.
    /// </summary>
    public static TokenRange? WholeName(Document doc, TokenRange source)
    {
        ArgumentNullException.ThrowIfNull(doc);
        int start = source.Start, end = source.End;
        if (doc.Has(Layers.Mentions))
        {
            foreach (var m in doc.Mentions)
            {
                if (m.Kind == MentionKind.Name && m.Tokens.Start < end && source.Start < m.Tokens.End && m.Tokens.Length <= 6)
                {
                    start = Math.Min(start, m.Tokens.Start);
                    end = Math.Max(end, m.Tokens.End);
                }
            }
        }
        else if (doc.Tokens[source.Start].Upos is not null)
        {
            var sentence = doc.Sentences[doc.SentenceOf(source.Start)].Tokens;
            if (doc.Tokens[source.End - 1].Upos == "PROPN")
            {
                while (end < sentence.End && doc.Tokens[end].Upos == "PROPN" && end - source.End < 4)
                {
                    end++;
                }
            }

            if (doc.Tokens[source.Start].Upos == "PROPN")
            {
                while (start > sentence.Start && doc.Tokens[start - 1].Upos == "PROPN" && source.Start - start < 4)
                {
                    start--;
                }
            }
        }

        return start == source.Start && end == source.End ? null : new TokenRange(start, end);
    }

    /// <summary>
    /// "X shared a message, imploring them to begin ...": a participial clause after a communication
    /// act is itself a cue when its verb is a known cue word, or when it takes an object and a "to"
    /// clause (a directive: urging, imploring, asking someone to do something). It inherits the
    /// act's source; its content runs from the verb to the end of the sentence.
    /// </summary>
    private static void AddParticipialCues(Document doc, List<AttributionGroup> groups, CueLexicon? lexicon)
    {
        var tokens = doc.Tokens;
        int count = groups.Count;
        for (int gi = 0; gi < count; gi++)
        {
            var act = groups[gi];
            var sentence = doc.Sentences[act.Cue.Sentence].Tokens;
            int nextCue = gi + 1 < count && groups[gi + 1].Cue.Sentence == act.Cue.Sentence ? groups[gi + 1].Cue.Tokens.Start : sentence.End;
            for (int t = act.Cue.Tokens.End + 1; t < sentence.End - 1; t++)
            {
                if (Word(doc, t - 1) != "," || !IsParticiple(doc, t))
                {
                    continue;
                }

                if (t >= nextCue)
                {
                    break;
                }

                var w = Word(doc, t);
                bool known = lexicon?.Bucket(WordNormalizer.Normalize(w)) is "H" or "M";
                if (!known && !IsDirective(doc, t, sentence.End))
                {
                    continue;
                }

                int end = sentence.End;
                while (end > t + 1 && Word(doc, end - 1) is "." or "!" or "?")
                {
                    end--;
                }

                for (int k = t + 1; k < end; k++)
                {
                    if (Word(doc, k) == ";")
                    {
                        end = k;
                        break;
                    }
                }

                if (end - (t + 1) < 2 || groups.Any(o => o.Cue.Tokens.Start == t))
                {
                    continue;
                }

                var cue = new TaggedSpan(AttributionRole.Cue, act.Cue.Sentence, new TokenRange(t, t + 1));
                var source = act.Source ?? (SubjectOf(doc, act.Cue.Tokens) is { } subject ? new TaggedSpan(AttributionRole.Source, act.Cue.Sentence, subject) : null);
                var g = new AttributionGroup(cue) { Source = source, Evidence = "participial" };
                g.Content.Add(new TaggedSpan(AttributionRole.Content, act.Cue.Sentence, new TokenRange(t + 1, end)));

                // The act's own content stops before the participle.
                for (int c = act.Content.Count - 1; c >= 0; c--)
                {
                    var span = act.Content[c];
                    if (span.Tokens.Start >= t)
                    {
                        act.Content.RemoveAt(c);
                    }
                    else if (span.Tokens.End > t - 1)
                    {
                        act.Content[c] = span with { Tokens = new TokenRange(span.Tokens.Start, t - 1) };
                    }
                }

                groups.Add(g);
                break;
            }
        }

        groups.Sort((a, b) => a.Cue.Tokens.Start.CompareTo(b.Cue.Tokens.Start));
    }

    private static bool IsParticiple(Document doc, int t)
    {
        var tok = doc.Tokens[t];
        if (tok.Xpos is { } xpos)
        {
            return xpos == "VBG";
        }

        return tok.Upos is null or "VERB" && tok.Range.Length > 4 && Word(doc, t).EndsWith("ing", StringComparison.Ordinal);
    }

    /// <summary>Whether the participle takes an object and a "to" clause: from dependencies when parsed, else from the words.</summary>
    private static bool IsDirective(Document doc, int t, int sentenceEnd)
    {
        var tokens = doc.Tokens;
        if (doc.Has(Layers.Dependencies))
        {
            bool obj = false, clause = false;
            for (int k = t + 1; k < sentenceEnd && k - t < 30; k++)
            {
                if (tokens[k].Head == t)
                {
                    obj |= tokens[k].DepRel is "obj" or "iobj";
                    clause |= tokens[k].DepRel is "xcomp" or "ccomp";
                }
            }

            // The "to" clause is often attached lower ("them and all Afghans opposed to X to begin"), so the words decide too.
            if (!obj || clause)
            {
                return obj;
            }
        }

        // Without a parse: a noun phrase, then "to" and a verb, within a short window.
        for (int k = t + 2; k + 1 < sentenceEnd && k - t < 15; k++)
        {
            if (Word(doc, k) == "to" && tokens[k + 1].Upos is null or "VERB" && char.IsLower(doc.Text[tokens[k + 1].Start]))
            {
                return true;
            }

            if (Word(doc, k) is "," or ";" or "that")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"“Quote.” — Name, title": the dash is the cue, the name the source, the quote the content.</summary>
    private static void AddDashBylines(Document doc, List<AttributionGroup> groups)
    {
        var tokens = doc.Tokens;
        for (int t = 1; t + 1 < tokens.Length; t++)
        {
            if (Word(doc, t) is not ("—" or "–" or "--" or "-") || Word(doc, t - 1) is not ("”" or "\"") || !IsCapitalized(doc, t + 1))
            {
                continue;
            }

            int open = t - 2;
            while (open >= 0 && Word(doc, open) is not ("“" or "\"") && t - open < 200)
            {
                open--;
            }

            if (open < 0 || Word(doc, open) is not ("“" or "\"") || groups.Any(g => g.Cue.Tokens.Start > open && g.Cue.Tokens.Start < t))
            {
                continue;
            }

            int end = t + 1;
            while (end < tokens.Length && IsCapitalized(doc, end) && end - t <= 5)
            {
                end++;
            }

            int sentence = doc.SentenceOf(t);
            var g = new AttributionGroup(new TaggedSpan(AttributionRole.Cue, sentence, new TokenRange(t, t + 1)))
            {
                Source = new TaggedSpan(AttributionRole.Source, sentence, new TokenRange(t + 1, end)),
                Evidence = "dash-byline",
            };
            g.Content.Add(new TaggedSpan(AttributionRole.Content, doc.SentenceOf(open), new TokenRange(open, t)));
            groups.RemoveAll(o => o.Cue.Tokens.Start >= t && o.Cue.Tokens.Start < end);
            groups.Add(g);
        }

        groups.Sort((a, b) => a.Cue.Tokens.Start.CompareTo(b.Cue.Tokens.Start));
    }

    private static bool IsChainCue(Document doc, int token)
    {
        var w = Word(doc, token);
        foreach (var c in ChainCues)
        {
            if (w.Equals(c, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether nothing but an adverbial ("on Sunday", "last week") and the stop follows the cue in its sentence.</summary>
    private static bool ClosesSentence(Document doc, AttributionGroup g)
    {
        var sentence = doc.Sentences[g.Cue.Sentence].Tokens;
        int n = 0;
        for (int t = g.Cue.Tokens.End; t < sentence.End; t++)
        {
            var w = Word(doc, t);
            if (w is "," or ";" or "\"" or "”" or "“")
            {
                return w == "," && n == 0 ? IsChainCue(doc, t + 1 < sentence.End ? t + 1 : t) || true : n <= 4;
            }

            if (w is "that" or ":")
            {
                return false;
            }

            if (w is not ("." or "!" or "?"))
            {
                n++;
            }
        }

        return n <= 4;
    }

    /// <summary>The cue's subject: nsubj from dependencies when present, else a name or pronoun just before the cue.</summary>
    public static TokenRange? SubjectOf(Document doc, TokenRange cue)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var tokens = doc.Tokens;
        if (doc.Has(Layers.Dependencies))
        {
            for (int c = cue.Start; c < cue.End; c++)
            {
                int head = c;

                // A coordinated verb ("shared video ... and later proclaimed") shares its first verb's subject.
                for (int hop = 0; hop < 3 && head >= 0; hop++)
                {
                    if (SubjectChild(doc, head) is { } s)
                    {
                        return s;
                    }

                    head = tokens[head].DepRel is "conj" or "xcomp" or "aux" ? tokens[head].Head : -1;
                }
            }
        }

        int sentenceStart = doc.Sentences[doc.SentenceOf(cue.Start)].Tokens.Start;
        int t = cue.Start - 1;
        while (t >= sentenceStart && Skippable.Contains(Word(doc, t)))
        {
            t--;
        }

        if (t < sentenceStart)
        {
            return null;
        }

        if (Pronouns.Contains(Word(doc, t)))
        {
            return new TokenRange(t, t + 1);
        }

        // "Saleh, who is an opponent ... and has proclaimed": a coordinated verb in a relative clause has its relative pronoun as subject.
        if (Word(doc, t) == "and")
        {
            for (int k = t - 1; k > sentenceStart && t - k < 30; k--)
            {
                if (Word(doc, k) is "who" && Word(doc, k - 1) == ",")
                {
                    return new TokenRange(k, k + 1);
                }
            }

            return ClauseSubject(doc, sentenceStart, t);
        }

        // "Name, apposition, cue": step back over the apposition to the name.
        if (Word(doc, t) == ",")
        {
            int open = t - 1;
            while (open >= sentenceStart && Word(doc, open) != "," && open > t - 15)
            {
                open--;
            }

            if (open < sentenceStart || Word(doc, open) != ",")
            {
                return null;
            }

            t = open - 1;
        }

        int end = t + 1;
        while (t >= sentenceStart && IsCapitalized(doc, t))
        {
            t--;
        }

        return end - (t + 1) is > 0 and <= 5 ? new TokenRange(t + 1, end) : null;
    }

    /// <summary>
    /// With POS tags: the noun phrase that opens the sentence (after a short fronted adverbial such as
    /// "Last week,") and is followed by a verb, the subject a coordinated verb shares. Null without tags.
    /// </summary>
    private static TokenRange? ClauseSubject(Document doc, int sentenceStart, int before)
    {
        var tokens = doc.Tokens;
        if (tokens[sentenceStart].Upos is null)
        {
            return null;
        }

        int start = sentenceStart;
        for (int k = sentenceStart; k < before && k - sentenceStart <= 4; k++)
        {
            if (Word(doc, k) == ",")
            {
                start = k + 1;
                break;
            }
        }

        int end = start;
        while (end < before && tokens[end].Upos is "DET" or "ADJ" or "NOUN" or "PROPN" or "NUM" or "PRON")
        {
            end++;
        }

        return end > start && end < before && tokens[end].Upos is "VERB" or "AUX" ? new TokenRange(start, end) : null;
    }

    private static TokenRange? SubjectChild(Document doc, int head)
    {
        var tokens = doc.Tokens;
        var sentence = doc.Sentences[doc.SentenceOf(head)].Tokens;
        for (int t = sentence.Start; t < sentence.End; t++)
        {
            if (tokens[t].Head == head && tokens[t].DepRel is "nsubj" or "nsubj:pass")
            {
                // The subject's subtree, without a trailing relative clause or apposition.
                int start = t, end = t + 1;
                for (int k = sentence.Start; k < sentence.End; k++)
                {
                    if (tokens[k].Head == t && tokens[k].DepRel is "compound" or "det" or "amod" or "flat" or "nmod:poss" or "case" && k < start)
                    {
                        start = k;
                    }
                }

                return new TokenRange(start, end);
            }
        }

        return null;
    }

    private static bool IsCapitalized(Document doc, int t)
    {
        var tok = doc.Tokens[t];
        return tok.Range.Length > 0 && char.IsUpper(doc.Text[tok.Start]) && (tok.Upos is null or "PROPN");
    }

    private static string Word(Document doc, int t) => doc.Text.Substring(doc.Tokens[t].Start, doc.Tokens[t].Range.Length);
}
