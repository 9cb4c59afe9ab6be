using Hearsay.Attribution.Corpus;
using Hearsay.Attribution.Rules;
using Hearsay.Attribution.Tagging;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using AttributionRecord = Hearsay.Core.Documents.Attribution;

namespace Hearsay.Attribution;

/// <summary>
/// The attribution stage: the tagger labels source, cue and content tokens per sentence; spans
/// are grouped around their cue (content of a cue-less sentence continues the previous quote or
/// belongs to the next cue); rules then set form, polarity, source type, upstream chain, time and
/// the resolved entity. Uses POS, dependencies, mentions, entities and time expressions when the
/// document has them, but requires only tokens and sentences.
/// </summary>
public sealed class AttributionExtractor : ModelStage<IReadOnlyList<AttributionRecord>>
{
    private readonly AttributionTagger _tagger;

    private readonly AttributionTagger? _tagged;

    public AttributionExtractor(AttributionTagger tagger)
        : this(tagger, null)
    {
    }

    /// <param name="tagger">The words-only model, for documents without POS tags.</param>
    /// <param name="tagged">A model trained with the shipped POS tagger's Penn tags, used when the document has them.</param>
    public AttributionExtractor(AttributionTagger tagger, AttributionTagger? tagged)
    {
        _tagger = tagger;
        _tagged = tagged;
    }

    /// <summary>The stage with the shipped models.</summary>
    public AttributionExtractor()
        : this(AttributionModel.Default, AttributionModel.Tagged)
    {
    }

    public override string Name => "attribution";

    public override string Version => "attribution/" + _tagger.Version + (_tagged is null ? "" : "+pos-" + _tagged.Version);

    public override Layers Requires => Layers.Tokens | Layers.Sentences;

    public override Layers Provides => Layers.Attributions;

    public override IReadOnlyList<AttributionRecord> Predict(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var spans = TagSpans(document, cancellationToken);
        var groups = AttributionAssembler.Group(document, spans);
        ClauseRepair.Repair(document, groups, _tagger.Lexicon);
        groups.RemoveAll(g => !IsStatement(document, g));
        var result = new List<AttributionRecord>(groups.Count);
        var sources = new List<(int Sentence, Entity? Entity)>();
        foreach (var g in groups)
        {
            result.Add(Build(document, g, sources));
        }

        return result;
    }

    public override void Apply(Document document, IReadOnlyList<AttributionRecord> prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetAttributions(prediction);
    }

    /// <summary>Tagged spans, as document token ranges with their role and the sentence they start in.</summary>
    /// <remarks>The tagger reads paragraphs (sentences up to a line break), the unit it was trained on.</remarks>
    public List<TaggedSpan> TagSpans(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = new List<TaggedSpan>();
        foreach (var unit in BratSentenceLabeler.Paragraphs(document))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var s = unit.Tokens;
            var labels = LabelUnit(document, s);
            foreach (var role in Enum.GetValues<AttributionRole>())
            {
                foreach (var (a, b) in BioLabels.Spans(labels, role))
                {
                    // A span never crosses a sentence boundary into the grouping logic; cut it there.
                    int start = s.Start + a;
                    int end = s.Start + b;
                    while (start < end)
                    {
                        int si = document.SentenceOf(start);
                        int stop = si < 0 ? end : Math.Min(end, document.Sentences[si].Tokens.End);
                        result.Add(new TaggedSpan(role, Math.Max(si, 0), new TokenRange(start, stop)));
                        start = stop;
                    }
                }
            }
        }

        result.Sort((x, y) => x.Tokens.Start.CompareTo(y.Tokens.Start));
        return result;
    }

    /// <summary>
    /// BIO labels for the document tokens of one unit. The tagger reads the unit re-tokenized the
    /// way it was trained (PTB-like: "Al-Arabiya" whole, "didn't" split), whatever tokenizer
    /// built the document; its labels are carried back to the document's tokens by character position.
    /// </summary>
    /// <summary>
    /// The parser's heads and relations carried to the model tokens: a model token takes its document token's
    /// relation and points at the first model token of the head (-1 for a root or a head outside the unit);
    /// further model tokens of one document token hang on its first one.
    /// </summary>
    private static (int[] Heads, string?[] Rels) CarryDependencies(Token[] tokens, TokenRange unit, int[] docOf)
    {
        int n = docOf.Length;
        var firstModel = new int[unit.Length];
        Array.Fill(firstModel, -1);
        for (int k = 0; k < n; k++)
        {
            int local = docOf[k] - unit.Start;
            if (firstModel[local] < 0)
            {
                firstModel[local] = k;
            }
        }

        var heads = new int[n];
        var rels = new string?[n];
        for (int k = 0; k < n; k++)
        {
            int local = docOf[k] - unit.Start;
            if (firstModel[local] != k)
            {
                heads[k] = firstModel[local];
                rels[k] = "flat";
                continue;
            }

            int h = tokens[docOf[k]].Head;
            heads[k] = h >= unit.Start && h < unit.End ? firstModel[h - unit.Start] : -1;
            rels[k] = tokens[docOf[k]].DepRel;
        }

        return (heads, rels);
    }

    private int[] LabelUnit(Document document, TokenRange unit)
    {
        var tokens = document.Tokens;
        int offset = tokens[unit.Start].Start;
        var text = document.Text.Substring(offset, tokens[unit.End - 1].End - offset);
        var modelTokens = NewsTokenizer.Tokenize(text);
        var words = new string[modelTokens.Length];
        for (int k = 0; k < words.Length; k++)
        {
            words[k] = text.Substring(modelTokens[k].Start, modelTokens[k].Range.Length);
        }

        // Penn tags and word classes of the document tokens, carried to the model tokens that start with them.
        string?[]? pos = null;
        int[]? heads = null;
        string?[]? rels = null;
        WordClass[]? classes = null;
        if (_tagged is not null && tokens[unit.Start].Xpos is not null)
        {
            pos = new string?[words.Length];
            classes = document.Has(Layers.WordClasses) ? new WordClass[words.Length] : null;
            var docOf = new int[words.Length];
            int d = unit.Start;
            for (int k = 0; k < words.Length; k++)
            {
                int at = offset + modelTokens[k].Start;
                while (d + 1 < unit.End && tokens[d + 1].Start <= at)
                {
                    d++;
                }

                pos[k] = tokens[d].Xpos;
                classes?[k] = tokens[d].WordClass;
                docOf[k] = d;
            }

            if (tokens[unit.Start].DepRel is not null)
            {
                (heads, rels) = CarryDependencies(tokens, unit, docOf);
            }
        }

        // Doubtful content spans stay: the rules drop an attribution without content. With the filter on, PolNeAR dev
        // documents gained 0.4 content exact F1 but lost 0.4 whole-attribution F1, and the showcase lost a required one.
        var modelLabels = pos is null ? _tagger.Predict(words, dropDoubtfulContent: false) : _tagged!.Predict(words, pos, heads, rels, dropDoubtfulContent: false, classes: classes);
        var labels = new int[unit.Length];
        int m = 0;
        int lastModel = -1;
        for (int k = 0; k < labels.Length; k++)
        {
            int start = tokens[unit.Start + k].Start - offset;
            while (m + 1 < modelTokens.Length && modelTokens[m].End <= start)
            {
                m++;
            }

            if (modelTokens.Length == 0)
            {
                break;
            }

            int label = modelLabels[m];
            if (m == lastModel && BioLabels.IsBegin(label))
            {
                // A second document token inside the same model token continues its span.
                label++;
            }

            labels[k] = label;
            lastModel = m;
        }

        return labels;
    }

    /// <summary>
    /// Whether a group says something someone said: it needs content, and a source unless the content
    /// is a quotation (an unattributed quote is a legitimate form; an indirect claim by no one is a
    /// tagger fragment, such as "opposed" read as a cue inside another attribution).
    /// </summary>
    private static bool IsStatement(Document doc, AttributionGroup g)
    {
        if (g.Content.Count == 0)
        {
            return false;
        }

        if (g.Source is not null)
        {
            return true;
        }

        var content = new List<CharRange>(g.Content.Count);
        foreach (var c in g.Content)
        {
            content.Add(doc.CharRangeOf(c.Tokens));
        }

        return ContentClassifier.Form(doc, content) == AttributionForm.Direct;
    }

    private static AttributionRecord Build(Document doc, AttributionGroup g, List<(int Sentence, Entity? Entity)> sources)
    {
        var cue = doc.CharRangeOf(g.Cue.Tokens);
        var content = new List<CharRange>(g.Content.Count);
        foreach (var c in g.Content)
        {
            content.Add(doc.CharRangeOf(c.Tokens));
        }

        var sourceRange = g.Source is { } src ? doc.CharRangeOf(src.Tokens) : new CharRange(cue.Start, cue.Start);
        var earlier = new List<Entity?>();
        foreach (var (earlierSentence, earlierEntity) in sources)
        {
            if (earlierSentence >= g.Cue.Sentence - 2 && earlierSentence <= g.Cue.Sentence)
            {
                earlier.Add(earlierEntity);
            }
        }

        var entity = SourceResolver.Resolve(doc, sourceRange, content, earlier);
        sources.Add((g.Cue.Sentence, entity));
        var type = SourceTyper.Type(doc, sourceRange, entity);
        var source = new AttributionSource(sourceRange, type, entity is null ? null : new EntityRef(entity.Index, entity.CanonicalName) { GlobalId = entity.GlobalId });

        // Chains are searched after the cue to the end of its sentence.
        var sentence = doc.Sentences[g.Cue.Sentence].Tokens;
        var chain = new List<ChainLink>();
        foreach (var (range, linkCue) in ChainFinder.Find(doc, g.Cue.Tokens.End, sentence.End, content))
        {
            var linkEntity = SourceResolver.Resolve(doc, range, content, []);
            chain.Add(new ChainLink(range, SourceTyper.Type(doc, range, linkEntity), linkEntity is null ? null : new EntityRef(linkEntity.Index, linkEntity.CanonicalName), linkCue));
        }

        return new AttributionRecord(source, cue, content, ContentClassifier.Form(doc, content), ContentClassifier.Polarity(doc, content, cue), chain)
        {
            Time = StatementTimeOf(doc, g.Cue.Sentence, content),
            Evidence = g.Evidence,
        };
    }

    /// <summary>A time expression of the cue's sentence outside the content ("reported on Sunday").</summary>
    private static StatementTime? StatementTimeOf(Document doc, int sentence, List<CharRange> content)
    {
        if (!doc.Has(Layers.TimeExpressions))
        {
            return null;
        }

        var range = doc.Sentences[sentence].Range;
        foreach (var t in doc.TimeExpressions)
        {
            if (!range.Contains(t.Range))
            {
                continue;
            }

            bool inside = false;
            foreach (var c in content)
            {
                inside |= c.Overlaps(t.Range);
            }

            if (!inside)
            {
                return new StatementTime(t.Range, t.Value);
            }
        }

        return null;
    }
}
