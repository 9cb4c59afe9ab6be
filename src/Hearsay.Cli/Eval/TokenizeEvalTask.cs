using System.Globalization;
using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Tokenization;

namespace Hearsay.Cli.Eval;

/// <summary>
/// <c>hearsay eval tokenize --data FILE.conllu</c>: tokenizes the raw text rebuilt from the <c># text</c> lines
/// and scores words and sentence boundaries by exact character span (keys <c>tokens</c>, <c>sentences</c>).
/// <c>--data</c> may be a file, a folder, a comma-separated list, or <c>FOLDER#dev</c> (files of a SPLIT.tsv split).
/// </summary>
public sealed class TokenizeEvalTask : IEvalTask
{
    /// <summary>HEARSAY_EVAL_VERBOSE=1 lists every predicted sentence that matches no gold one (text output).</summary>
    private static bool Verbose => Environment.GetEnvironmentVariable("HEARSAY_EVAL_VERBOSE") == "1";

    public string Name => "tokenize";

    public string Description => "Tokens and sentence boundaries from raw text against CoNLL-U (# text lines).";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        var docs = NlpData.LoadDocuments(data);
        var tokenPr = new PrecisionRecall();
        var sentencePr = new PrecisionRecall();
        var details = new List<string>();
        int words = 0;
        foreach (var sentences in docs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gold = NlpData.Raw(sentences, data);
            var tokens = Tokenizer.Tokenize(gold.Text);
            var predicted = SentenceSplitter.Split(gold.Text, tokens);
            var t = SegmentationScorer.Words(gold, tokens);
            var s = SegmentationScorer.Sentences(gold, predicted);
            tokenPr.Add(t);
            sentencePr.Add(s);
            words += tokens.Length;
            if (Verbose)
            {
                var goldSet = new HashSet<CharRange>(gold.SentenceRanges);
                foreach (var ps in predicted)
                {
                    if (!goldSet.Contains(ps.Range))
                    {
                        details.Add("  predicted: " + gold.Text[ps.Range.Start..ps.Range.End].Replace('\n', ' '));
                    }
                }
            }

            details.Add(string.Create(CultureInfo.InvariantCulture, $"{sentences[0].SentenceId}\ttokens {t.F1:0.0000}\tsentences {s.F1:0.0000} ({s.TruePositives}/{s.TruePositives + s.FalseNegatives} gold, {s.TruePositives + s.FalsePositives} predicted)"));
        }

        var report = new EvalReport(Name, data, docs.Count);
        report.Details.AddRange(details);
        report.Metrics["tokens"] = tokenPr.ToMetrics();
        report.Metrics["sentences"] = sentencePr.ToMetrics();
        return report;
    }
}
