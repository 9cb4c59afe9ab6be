using System.Diagnostics;
using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;
using Hearsay.Core.Pipeline;
using Hearsay.Cli.Analysis;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Coreference;
using Hearsay.Nlp.Entities;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Eval;

/// <summary>
/// <c>hearsay eval coref --data DIR</c>: coreference on CorefUD/GUM CoNLL-U (a folder, a file, or "FOLDER#dev" with
/// GUM's SPLIT.tsv). Gold words and sentences; POS from the shipped tagger, names from the shipped recognizer, then
/// <see cref="CoreferenceResolver"/>; gold annotation is never read for prediction. Reports the CoNLL score
/// (<c>f1</c>, mean of MUC, B3, CEAF-e, singletons excluded), <c>withSingletons</c>, news documents under <c>news</c>,
/// per genre, and the resolver's speed in words per second (mention detection and clustering, one thread).
/// </summary>
public sealed class CorefEvalTask : IEvalTask
{
    public string Name => "coref";

    public string Description => "Coreference on CorefUD/GUM CoNLL-U: CoNLL f1 (mean of muc, b3, ceafe; no singletons), withSingletons, news; in the accurate mode with models/coref/coref-context.bin.";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        // The accurate mode (HEARSAY_ACCURATE=1, or the coref-accurate task) adds the encoder and the contextual ranker.
        bool accurate = NlpMode.Accurate;
        var docs = Load(data);
        var stages = LoadStages(accurate);
        var resolver = new CoreferenceResolver(CorpusOptionsFor(accurate));
        var all = new CorefScorer(singletons: false);
        var allSingletons = new CorefScorer(singletons: true);
        var news = new CorefScorer(singletons: false);
        var newsSingletons = new CorefScorer(singletons: true);
        var genres = new SortedDictionary<string, CorefScorer>(StringComparer.Ordinal);
        int words = 0, goldMentions = 0, foundMentions = 0;
        double seconds = 0;
        foreach (var d in docs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (prediction, elapsed) = Resolve(d, stages, resolver, cancellationToken);
            seconds += elapsed;
            words += d.Document.Tokens.Length;
            var key = d.GoldClusters().Select(c => (IReadOnlyList<TokenRange>)c).ToList();
            var predicted = prediction.Clusters.SelectMany(c => c).ToHashSet();
            foreach (var c in key.Where(c => c.Count > 1))
            {
                goldMentions += c.Count;
                foundMentions += c.Count(predicted.Contains);
            }

            all.Add(key, prediction.Clusters);
            allSingletons.Add(key, prediction.Clusters);
            if (!genres.TryGetValue(d.Genre, out var g))
            {
                g = new CorefScorer(singletons: false);
                genres[d.Genre] = g;
            }

            g.Add(key, prediction.Clusters);
            if (d.Genre == "news")
            {
                news.Add(key, prediction.Clusters);
                newsSingletons.Add(key, prediction.Clusters);
            }
        }

        var report = new EvalReport(Name, data, docs.Count);
        foreach (var (k, v) in all.ToMetrics())
        {
            report.Metrics[k] = v;
        }

        report.Metrics["withSingletons"] = allSingletons.ToMetrics();
        var newsMetrics = news.ToMetrics();
        newsMetrics["withSingletons"] = newsSingletons.ToMetrics();
        newsMetrics["n"] = news.Documents;
        report.Metrics["news"] = newsMetrics;
        report.Metrics["perGenre"] = genres.ToDictionary(p => p.Key, p => Math.Round(p.Value.ConllF1, 4), StringComparer.Ordinal);
        report.Metrics["mentionRecall"] = Math.Round(foundMentions / Math.Max(1.0, goldMentions), 4);
        report.Metrics["words"] = words;
        report.Metrics["wordsPerSecond"] = Math.Round(words / Math.Max(seconds, 1e-9));
        report.Metrics["model"] = resolver.Version;
        report.Details.Add(FormattableString.Invariant($"coref on {data}: {docs.Count} documents, {words} words, resolver {resolver.Version}"));
        report.Details.Add(Line("all (no singletons)", all));
        report.Details.Add(Line("all (singletons)", allSingletons));
        report.Details.Add(Line("news (no singletons)", news));
        foreach (var (genre, g) in genres)
        {
            report.Details.Add(FormattableString.Invariant($"  {genre,-12} CoNLL F1={g.ConllF1:F4} ({g.Documents} docs)"));
        }

        report.Details.Add(FormattableString.Invariant($"  resolver speed: {words / Math.Max(seconds, 1e-9):F0} words/s on one thread"));
        return report;
    }

    /// <summary>GUM's conventions: predicatives and bare generic nouns are coreferent, relative pronouns are not mentions.</summary>
    internal static CoreferenceOptions CorpusOptions => Corpus.Value;

    /// <summary>As <see cref="CorpusOptions"/>, or with the accurate mode's contextual ranker (models/coref/coref-context.bin).</summary>
    internal static CoreferenceOptions CorpusOptionsFor(bool accurate) => accurate ? AccurateCorpus.Value : Corpus.Value;

    /// <summary>GUM's conventions with the sieve's clusters only (what the ranker is trained on top of).</summary>
    internal static CoreferenceOptions SieveOptions { get; } = new() { RelativePronouns = false, BareNounExactMatch = true, FullPhrases = true };

    /// <summary>The shipped mention ranker (models/coref) redraws the clusters when installed; HEARSAY_COREF_SIEVE_ONLY=1 measures the sieve alone.</summary>
    private static readonly Lazy<CoreferenceOptions> Corpus = new(() => LoadCorpusOptions(accurate: false));

    private static readonly Lazy<CoreferenceOptions> AccurateCorpus = new(() => LoadCorpusOptions(accurate: true));

    private static CoreferenceOptions LoadCorpusOptions(bool accurate)
    {
        if (Environment.GetEnvironmentVariable("HEARSAY_COREF_SIEVE_ONLY") is not null)
        {
            return SieveOptions;
        }

        try
        {
            if (MentionRanker.LoadDefault(accurate) is { } ranker)
            {
                return WithRanker(ranker);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            Console.Error.WriteLine("coref: no usable ranking model (" + e.Message + "); sieve clusters only.");
            return SieveOptions;
        }

        if (accurate)
        {
            // Say so: the accurate mode's number would otherwise silently be the sieve's.
            Console.Error.WriteLine($"coref: no {MentionRanker.ContextModelPath} installed; sieve clusters only.");
        }

        return SieveOptions;
    }

    internal static CoreferenceOptions WithRanker(MentionRanker ranker) => new() { RelativePronouns = false, BareNounExactMatch = true, FullPhrases = true, Ranker = ranker, Extent = ranker.Extent };

    internal static List<CorefDocument> Load(string data)
    {
        try
        {
            var docs = CorefConlluReader.Read(data);
            if (docs.Count == 0)
            {
                throw new CliException($"{data}: no CoNLL-U document found.");
            }

            return docs;
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (FormatException e)
        {
            throw new CliException($"{data}: {e.Message}", e);
        }
    }

    /// <summary>The tagger, parser and recognizer; in the accurate mode the context encoder first (the words and sentences are the corpus's).</summary>
    internal static IDocumentStage[] LoadStages(bool accurate = false)
    {
        IDocumentStage[] context = accurate ? [new ContextEncoderStage(NlpMode.SharedEncoder)] : [];
        return [.. context, .. LoadTaggingStages()];
    }

    private static IDocumentStage[] LoadTaggingStages()
    {
        try
        {
            IDocumentStage tagger;
            try
            {
                tagger = PosTagger.Load();
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine("coref: no usable tagger model (" + e.Message + "); using the corpus's own XPOS tags.");
                tagger = new GoldTags();
            }

            IDocumentStage? parser = null;
            try
            {
                parser = DependencyParser.Load();
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                // Mentions then end at the base noun phrase; say so, the scores differ.
                Console.Error.WriteLine("coref: no usable parser model (" + e.Message + "); mentions are base noun phrases.");
            }

            IDocumentStage[] tagging = parser is null ? [tagger] : [tagger, parser];
            try
            {
                return [.. tagging, EntityRecognizer.LoadDefault()];
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                // Names then come from proper-noun phrases alone; say so, the scores differ.
                Console.Error.WriteLine("coref: no usable NER model (" + e.Message + "); names from proper nouns only.");
                return [.. tagging, new EmptyMentions()];
            }
        }
        catch (FileNotFoundException e)
        {
            throw new CliException("a model file is missing: " + e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new CliException("a model file is unreadable: " + e.Message, e);
        }
    }

    /// <summary>Tags and recognizes names on the gold words, then resolves; returns the prediction and the resolver's seconds.</summary>
    internal static (CorefPrediction Prediction, double Seconds) Resolve(CorefDocument d, IDocumentStage[] stages, CoreferenceResolver resolver, CancellationToken cancellationToken)
    {
        var doc = d.Document;
        GoldTags.Current = d;
        foreach (var stage in stages)
        {
            stage.Process(doc, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var prediction = resolver.Predict(doc, d.Speakers(), cancellationToken);
        return (prediction, clock.Elapsed.TotalSeconds);
    }

    private static string Line(string name, CorefScorer s) => FormattableString.Invariant(
        $"  {name,-22} CoNLL F1={s.ConllF1:F4}  MUC {s.Muc.Precision:F3}/{s.Muc.Recall:F3}/{s.Muc.F1:F3}  B3 {s.B3.Precision:F3}/{s.B3.Recall:F3}/{s.B3.F1:F3}  CEAF-e {s.CeafE.Precision:F3}/{s.CeafE.Recall:F3}/{s.CeafE.F1:F3} (P/R/F1)");
}
