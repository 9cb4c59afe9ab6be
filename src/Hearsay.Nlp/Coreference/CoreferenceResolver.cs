using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Within-document coreference by deterministic sieves (after Lee et al. 2013), most precise first:
/// exact string, appositions and predicate nominatives, name variants ("Massoud" to the most-mentioned
/// "... Massoud"; two different full names never merge), head match with word inclusion, type nouns to the
/// nearest name of that type ("the militants" to "the Taliban"), pronouns by agreement and salience, and kinship
/// phrases through recorded relations ("his father" after "X, the son of Y"). Needs only Penn tags; mentions
/// come from the tags plus the recognizer's names. Provides entities; adds nominal and pronoun mentions
/// that joined an entity.
/// </summary>
public sealed class CoreferenceResolver : ModelStage<CorefPrediction>
{
    public CoreferenceResolver(CoreferenceOptions? options = null)
    {
        Options = options ?? new CoreferenceOptions();
    }

    public CoreferenceOptions Options { get; }

    public override string Name => "coref";

    public override string Version => Options.Ranker is { } r ? "coref-sieve-1+" + r.Version : "coref-sieve-1";

    public override Layers Requires => Layers.Tokens | Layers.Sentences | Layers.PartOfSpeech | Layers.Mentions
        | (Options.Ranker is { NeedsContextVectors: true } ? Layers.ContextVectors : Layers.None);

    public override Layers Provides => Layers.Entities;

    public override CorefPrediction Predict(Document document, CancellationToken cancellationToken) => Predict(document, null, cancellationToken);

    /// <summary>Resolves a transcript whose sentences have known speakers (null entries: unknown), which the ranker reads for "I" and "you".</summary>
    public CorefPrediction Predict(Document document, IReadOnlyList<string?>? speakers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (mentions, sieve) = Sieve(document, speakers, cancellationToken);
        if (Options.Ranker is { } ranker)
        {
            sieve.Relink(ranker.Antecedents(document, mentions, sieve, speakers));
        }

        return sieve.Result();
    }

    /// <summary>The mentions and the sieve's clustering of them, before any learned relinking.</summary>
    internal (List<CorefMention> Mentions, CorefSieve Sieve) Sieve(Document document, IReadOnlyList<string?>? speakers, CancellationToken cancellationToken)
    {
        var mentions = Collect(document);
        var sieve = new CorefSieve(document, mentions, Options, speakers);
        sieve.Run(cancellationToken);
        return (mentions, sieve);
    }

    public override void Apply(Document document, CorefPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prediction);
        document.SetMentions(prediction.Mentions);
        document.SetEntities(prediction.Entities);
    }

    /// <summary>Whether the tokens before a name inside a phrase only modify it ("the legendary fighter"), with no preposition or possessive.</summary>
    private static bool PremodifiersOnly(Document document, int start, int end)
    {
        for (int t = start; t < end; t++)
        {
            if (document.Tokens[t].Xpos is "IN" or "POS" or "TO" or "," or "CC")
            {
                return false;
            }
        }

        return true;
    }

    private List<CorefMention> Collect(Document document)
    {
        var detected = MentionDetector.Detect(document, Options.Premodifiers || (Options.Ranker?.Variants.HasFlag(RankerVariants.Premodifiers) ?? false));
        var byRange = new Dictionary<(int, int), CorefMention>();
        foreach (var m in detected)
        {
            byRange[(m.Start, m.End)] = m;
        }

        var existing = document.Mentions;
        var extra = new List<CorefMention>();
        for (int i = 0; i < existing.Count; i++)
        {
            var e = existing[i];
            if (e.Tokens.IsEmpty)
            {
                continue;
            }

            int start = e.Tokens.Start, end = e.Tokens.End;
            int sentence = Math.Max(0, document.SentenceOf(start));
            if (!byRange.TryGetValue((start, end), out var same))
            {
                same = CorefFeatures.Build(document, start, end, end - 1, sentence);
                byRange[(start, end)] = same;
                extra.Add(same);
                if (Options.RelativePronouns && e.Kind == MentionKind.Pronoun)
                {
                    same.Kind = MentionKind.Pronoun;
                }
            }

            same.Existing = i;
            if (e.Kind == MentionKind.Name)
            {
                same.Kind = MentionKind.Name;
                same.Label = e.Label;
                same.Definite = true;
                same.Animate = e.Label == EntityLabel.Person;
                same.Inanimate = e.Label is EntityLabel.Loc or EntityLabel.Org;
                if (e.Label == EntityLabel.Org && same.Words.Length > 0)
                {
                    same.Number = CorefLexicon.IsSingularOrgHead(same.Words[^1]) ? -1 : 0;
                }
            }
        }

        detected.AddRange(extra);
        if (Options.RelativePronouns)
        {
            var tokens = document.Tokens;
            for (int t = 1; t < tokens.Length; t++)
            {
                if (tokens[t].Xpos == "WP" && MentionDetector.Word(document.Text, tokens[t]).ToLowerInvariant() is "who" or "whom")
                {
                    var r = CorefFeatures.Build(document, t, t + 1, t, Math.Max(0, document.SentenceOf(t)));
                    r.Kind = MentionKind.Pronoun;
                    r.Relative = true;
                    r.Animate = true;
                    detected.Add(r);
                }
            }
        }

        // A noun phrase ending in a name ("the Taliban", "London-based Al-Arabiya") is that name's entity.
        foreach (var m in detected)
        {
            if (m.Existing >= 0 || m.Kind == MentionKind.Pronoun)
            {
                continue;
            }

            foreach (var n in detected)
            {
                int nameEnd = n.End;
                if (n.Existing >= 0 && n != m && n.Start >= m.Start && (n.Start > m.Start || n.End < m.End) && PremodifiersOnly(document, m.Start, n.Start) && (nameEnd == m.End || (m.Possessive && nameEnd == m.End - 1)) && existing[n.Existing].Kind == MentionKind.Name)
                {
                    m.Wraps = detected.IndexOf(n);
                    n.Wrapped = true;
                    m.Label = n.Label;
                    m.Kind = MentionKind.Name;
                    m.Animate = n.Animate;
                    m.Inanimate = n.Inanimate;
                    m.Number = n.Number;
                    break;
                }
            }
        }

        detected.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));

        // Crossing spans cannot both be mentions (brackets must nest); the recognizer's names and earlier phrases win.
        var kept = new List<CorefMention>(detected.Count);
        foreach (var m in detected)
        {
            bool crosses = false;
            foreach (var k in kept)
            {
                if (k.Start < m.Start && m.Start < k.End && k.End < m.End)
                {
                    crosses = true;
                    break;
                }
            }

            if (!crosses || m.Existing >= 0)
            {
                kept.Add(m);
            }
        }

        if (kept.Count != detected.Count)
        {
            kept.RemoveAll(m => m.Existing < 0 && kept.Exists(k => k.Existing >= 0 && ((k.Start < m.Start && m.Start < k.End && k.End < m.End) || (m.Start < k.Start && k.Start < m.End && m.End < k.End))));
            detected = kept;
        }
        foreach (var m in detected)
        {
            if (m.Wraps >= 0)
            {
                m.Wraps = -1;
            }
        }

        // Re-link wrapping after the sort, by range.
        for (int i = 0; i < detected.Count; i++)
        {
            var m = detected[i];
            if (m.Kind != MentionKind.Name || m.Existing >= 0)
            {
                continue;
            }

            for (int j = i + 1; j < detected.Count && detected[j].Start < m.End; j++)
            {
                var n = detected[j];
                if (n.Wrapped && n.Existing >= 0 && (n.End == m.End || (m.Possessive && n.End == m.End - 1)))
                {
                    m.Wraps = j;
                    break;
                }
            }
        }

        if (Options.FullPhrases && document.Has(Layers.Dependencies))
        {
            // A phrase may not grow onto a span another mention already has ("the type" + "of L2 training" when "the type
            // of L2 training" was detected itself): two mentions with one span would land in two entities.
            var spans = new HashSet<(int, int)>(detected.Count);
            foreach (var m in detected)
            {
                spans.Add((m.Start, m.End));
            }

            foreach (var m in detected)
            {
                if (m.Kind != MentionKind.Pronoun && !m.Relative)
                {
                    int end = Options.Extent is { } extent
                        ? extent.End(document, m.Start, m.End, m.Head, m.Kind == MentionKind.Name)
                        : PhraseExtent.End(document, m.Start, m.End, m.Head);
                    if (end > m.End && spans.Add((m.Start, end)))
                    {
                        m.PhraseEnd = end;
                    }
                }
            }
        }

        return detected;
    }
}
