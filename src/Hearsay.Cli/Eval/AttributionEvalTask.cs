using Hearsay.Attribution.Corpus;
using Hearsay.Attribution.Evaluation;
using Hearsay.Attribution.Tagging;
using Hearsay.Cli.Commands;
using Hearsay.Cli.Training;
using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Eval;

/// <summary>
/// <c>hearsay eval attribution --data PATH</c>: sentence JSON lines (per role exact and overlap
/// P/R/F1 over B-/I- spans, tokens only) or a brat folder (document level, per role and whole attributions).
/// Env <c>HEARSAY_ATTRIBUTION_MODEL</c> evaluates another model file.
/// </summary>
public sealed class AttributionEvalTask : IEvalTask
{
    public string Name => "attribution";

    public string Description => "Attribution source/cue/content spans on PolNeAR sentence JSON lines or brat documents.";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        // HEARSAY_ATTRIBUTION_MODEL: a model file to score instead of the shipped pair (read with POS tags when HEARSAY_ATTRIBUTION_SYNTAX is not 0).
        var custom = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_MODEL");
        bool syntax = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_SYNTAX") != "0";
        var tagger = custom is not null ? AttributionCommands.LoadTagger(custom) : syntax ? AttributionModel.Tagged ?? AttributionModel.Default : AttributionModel.Default;

        // HEARSAY_ATTRIBUTION_RANKER_GAIN: a custom model's content-boundary ranker is scored with this least gain (tuning on dev).
        if (custom is not null && tagger.Ranker is not null && float.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_RANKER_GAIN"), System.Globalization.CultureInfo.InvariantCulture, out var gain))
        {
            tagger.Ranker.MinGain = gain;
        }

        // HEARSAY_ATTRIBUTION_FILTER_EXACT / _OVERLAP: a custom model's content filter is scored with these thresholds (experiments; the trainer chooses the stored ones on training data).
        if (custom is not null && tagger.Filter is not null)
        {
            if (float.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_FILTER_EXACT"), System.Globalization.CultureInfo.InvariantCulture, out var exact))
            {
                tagger.Filter.ExactThreshold = exact;
            }

            if (float.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_FILTER_OVERLAP"), System.Globalization.CultureInfo.InvariantCulture, out var overlap))
            {
                tagger.Filter.OverlapThreshold = overlap;
            }
        }
        try
        {
            if (File.Exists(data))
            {
                return SentenceLevel(data, tagger, syntax, cancellationToken);
            }

            if (Directory.Exists(data) && BratCorpus.IsBratFolder(data))
            {
                return DocumentLevel(data, custom is not null ? tagger : AttributionModel.Default, custom is not null ? tagger : AttributionModel.Tagged, syntax, cancellationToken);
            }
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }

        throw new CliException($"{data}: neither a sentence JSON-lines file nor a brat folder with text/ and attributions/");
    }

    private static EvalReport SentenceLevel(string data, AttributionTagger tagger, bool syntax, CancellationToken ct)
    {
        var sentences = SentenceJsonLines.Read(data);
        var scores = new SpanScores();

        // The shipped POS tagger's tags, as the pipeline gives them (never the file's own); a model trained without tags ignores them.
        var tags = syntax ? new AttributionPosTags() : null;

        bool deps = syntax && AttributionPosTags.DependenciesWanted;

        // HEARSAY_ATTRIBUTION_DUMP: a file to write token/gold/predicted lines to, for error analysis.
        var dumpPath = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_DUMP");
        using var dump = dumpPath is null ? null : new StreamWriter(dumpPath);
        foreach (var s in sentences)
        {
            ct.ThrowIfCancellationRequested();
            var (pos, heads, rels, classes) = tags is null ? (null, null, null, null) : tags.Analyze(s.Tokens, deps);
            var predicted = tagger.Predict(s.Tokens, pos, heads, rels, classes: classes);
            scores.Add(s.Labels, predicted);
            if (dump is not null)
            {
                // One token a line (word, gold, predicted, head, relation), a blank line after each sentence.
                for (int i = 0; i < s.Tokens.Length; i++)
                {
                    dump.WriteLine($"{s.Tokens[i]}\t{BioLabels.Name(s.Labels[i])}\t{BioLabels.Name(predicted[i])}\t{(heads is null ? -1 : heads[i])}\t{rels?[i] ?? "_"}");
                }

                dump.WriteLine();
            }
        }

        var report = new EvalReport("attribution", data, sentences.Count);
        foreach (var (k, v) in scores.ToMetrics())
        {
            report.Metrics[k] = v;
        }

        report.Metrics["model"] = tagger.Version;
        report.Details.Add("sentence level, tokens only: " + scores.Summary());
        return report;
    }

    private static EvalReport DocumentLevel(string data, AttributionTagger tagger, AttributionTagger? tagged, bool syntax, CancellationToken ct)
    {
        var docs = BratCorpus.Read(data);
        // With the POS tagger and parser, as in `hearsay analyze`; HEARSAY_ATTRIBUTION_SYNTAX=0 scores tokens alone.
        Action<Document>? annotate = null;
        if (syntax)
        {
            var pos = PosTagger.Load();
            var parser = DependencyParser.Load();
            annotate = d =>
            {
                pos.Apply(d, pos.Predict(d, ct));
                parser.Apply(d, parser.Predict(d, ct));
            };
        }

        var scorer = new DocumentAttributionScorer(tagger, annotate, tagged);
        foreach (var doc in docs)
        {
            ct.ThrowIfCancellationRequested();
            scorer.Add(doc);
        }

        var report = new EvalReport("attribution", data, docs.Count);
        foreach (var (k, v) in scorer.ToMetrics())
        {
            report.Metrics[k] = v;
        }

        report.Metrics["model"] = tagger.Version + (syntax && tagged is not null && tagged != tagger ? "+pos-" + tagged.Version : "");
        report.Details.Add("document level" + (syntax ? ", with POS tags and dependencies: " : ", tokens only: ") + scorer.Summary());
        return report;
    }
}
