using Hearsay.Attribution.Corpus;
using Hearsay.Attribution.Tagging;
using Hearsay.Core.Documents;
using AttributionRecord = Hearsay.Core.Documents.Attribution;

namespace Hearsay.Attribution.Evaluation;

/// <summary>
/// Document-level scores on brat articles: the full extractor (tagger, grouping, repairs) runs on
/// the raw text; per role, predicted and gold spans are compared as token ranges (exact and
/// overlap, discontinuous parts counted separately); a whole attribution counts when its cue
/// overlaps a gold cue and its source and content overlap that attribution's (or both lack a source).
/// </summary>
public sealed class DocumentAttributionScorer
{
    private readonly AttributionExtractor _extractor;
    private readonly SpanScores _spans = new();
    private double _goldAttributions;
    private double _predictedAttributions;
    private double _matchedGold;
    private double _matchedPredicted;
    private TimeSpan _stageTime;
    private long _words;
    private TimeSpan _tokenizeTime;

    /// <summary>Tokens per processor-second of the attribution stage alone (tagging, grouping, rules), single thread.</summary>
    public double WordsPerSecond => _stageTime.TotalSeconds == 0 ? 0 : _words / _stageTime.TotalSeconds;

    private readonly Action<Document>? _annotate;

    public DocumentAttributionScorer(AttributionTagger tagger)
        : this(tagger, null)
    {
    }

    /// <param name="annotate">
    /// Adds what earlier pipeline stages would (POS tags, dependencies) to each tokenized document
    /// before the stage runs, outside the stage's timing; null scores the stage on tokens alone.
    /// </param>
    public DocumentAttributionScorer(AttributionTagger tagger, Action<Document>? annotate, AttributionTagger? tagged = null)
    {
        _extractor = new AttributionExtractor(tagger, tagged);
        _annotate = annotate;
    }

    public void Add(BratDocument gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        // Processor time rather than wall time, so that a loaded machine does not distort the speed.
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var t0 = process.TotalProcessorTime;
        var doc = NewsTokenizer.Analyze(gold.Text);
        process.Refresh();
        _tokenizeTime += process.TotalProcessorTime - t0;
        _annotate?.Invoke(doc);
        process.Refresh();
        var t1 = process.TotalProcessorTime;
        var predicted = _extractor.Predict(doc, CancellationToken.None);
        process.Refresh();
        _stageTime += process.TotalProcessorTime - t1;
        _words += doc.Tokens.Length;
        foreach (var role in Enum.GetValues<AttributionRole>())
        {
            var g = new List<(int, int)>();
            var p = new List<(int, int)>();
            foreach (var a in gold.Attributions)
            {
                foreach (var r in Parts(a, role))
                {
                    Add(g, doc, r);
                }
            }

            foreach (var a in predicted)
            {
                foreach (var r in Parts(a, role))
                {
                    Add(p, doc, r);
                }
            }

            _spans.AddSpans(role, g, p);
        }

        _goldAttributions += gold.Attributions.Count;
        _predictedAttributions += predicted.Count;
        foreach (var g in gold.Attributions)
        {
            _matchedGold += predicted.Any(p => Matches(p, g)) ? 1 : 0;
        }

        foreach (var p in predicted)
        {
            _matchedPredicted += gold.Attributions.Any(g => Matches(p, g)) ? 1 : 0;
        }
    }

    public Dictionary<string, object?> ToMetrics()
    {
        var m = _spans.ToMetrics();
        double p = _predictedAttributions == 0 ? 0 : _matchedPredicted / _predictedAttributions;
        double r = _goldAttributions == 0 ? 0 : _matchedGold / _goldAttributions;
        m["attribution"] = new Dictionary<string, object>
        {
            ["overlap"] = SpanScores.Shape((p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))),
            ["gold"] = _goldAttributions,
            ["predicted"] = _predictedAttributions,
        };
        m["wordsPerSecond"] = Math.Round(WordsPerSecond);
        return m;
    }

    public string Summary()
    {
        double p = _predictedAttributions == 0 ? 0 : _matchedPredicted / _predictedAttributions;
        double r = _goldAttributions == 0 ? 0 : _matchedGold / _goldAttributions;
        return _spans.Summary() + FormattableString.Invariant($"; whole attributions (overlap) P/R/F1 {p * 100:F1}/{r * 100:F1}/{(p + r == 0 ? 0 : 200 * p * r / (p + r)):F1}; stage speed {WordsPerSecond:F0} words/s (tokenizing and sentence splitting alone: {(_tokenizeTime.TotalSeconds == 0 ? 0 : _words / _tokenizeTime.TotalSeconds):F0} words/s)");
    }

    private static bool Matches(AttributionRecord p, BratAttribution g)
    {
        bool cue = g.Cue.Any(c => c.Overlaps(p.Cue));
        bool source = g.Source.Count == 0 ? p.Source.Range.IsEmpty : g.Source.Any(s => s.Overlaps(p.Source.Range));
        bool content = g.Content.Any(c => p.Content.Any(x => x.Overlaps(c)));
        return cue && source && content;
    }

    private static IEnumerable<CharRange> Parts(BratAttribution a, AttributionRole role) => role switch
    {
        AttributionRole.Source => a.Source,
        AttributionRole.Cue => a.Cue,
        _ => a.Content,
    };

    private static IEnumerable<CharRange> Parts(AttributionRecord a, AttributionRole role) => role switch
    {
        AttributionRole.Source => a.Source.Range.IsEmpty ? [] : [a.Source.Range],
        AttributionRole.Cue => [a.Cue],
        _ => a.Content,
    };

    private static void Add(List<(int, int)> list, Document doc, CharRange r)
    {
        var t = doc.TokenRangeOf(r);
        if (!t.IsEmpty)
        {
            list.Add((t.Start, t.End));
        }
    }
}
