using System.Diagnostics;
using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Tokenization;

namespace Hearsay.Cli.Eval;

/// <summary>
/// <c>hearsay eval tagger|parser --data FILE.conllu</c>: tags (and parses) the gold tokens, and separately the raw
/// text of the <c># text</c> lines; keys <c>upos</c>, <c>xpos</c>, <c>lemma</c>, <c>uas</c>, <c>las</c> from gold tokens
/// and the same under <c>raw</c> (F1 over words aligned by character span, as the CoNLL 2018 scorer does).
/// <c>loadSeconds</c> and <c>wordsPerSecond</c> / <c>wordsPerCpuSecond</c> time the model loading and the gold-token
/// pass (every stage, the accurate mode's encoder included, one pass with the JIT's warm-up: a sanity figure;
/// <c>hearsay bench nlp</c> is the benchmark).
/// </summary>
public sealed class SyntaxEvalTask : IEvalTask
{
    private readonly Func<IReadOnlyList<IDocumentStage>> _stages;
    private readonly bool _parse;

    public SyntaxEvalTask(string name, bool parse, Func<IReadOnlyList<IDocumentStage>> stages)
    {
        Name = name;
        _parse = parse;
        _stages = stages;
    }

    public string Name { get; }

    public string Description => _parse ? "UPOS, XPOS, UAS, LAS on CoNLL-U, from gold tokens and from raw text." : "UPOS, XPOS, lemmas on CoNLL-U, from gold tokens and from raw text.";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        var docs = NlpData.LoadDocuments(data);
        IReadOnlyList<IDocumentStage> stages;
        var loadClock = Stopwatch.StartNew();
        try
        {
            stages = _stages();
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message, e);
        }

        double loadSeconds = loadClock.Elapsed.TotalSeconds;
        var goldPipeline = DocumentPipeline.Build(stages, Layers.Text | Layers.Tokens | Layers.Sentences);
        var rawPipeline = DocumentPipeline.Build([new Tokenizer(), new SentenceSplitter(), .. stages]);
        var gold = new SyntaxScores();
        var raw = new SyntaxScores();
        int sentences = 0;
        var confusions = new Dictionary<string, int>();
        var words = new Dictionary<string, int>();
        using var process = Process.GetCurrentProcess();
        var goldClock = new Stopwatch();
        var goldCpu = TimeSpan.Zero;
        foreach (var doc in docs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sentences += doc.Count;
            var g = ConlluDocuments.FromGoldTokens(doc);
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            goldClock.Start();
            goldPipeline.Run(g, cancellationToken);
            goldClock.Stop();
            process.Refresh();
            goldCpu += process.TotalProcessorTime - cpu0;
            gold.AddGoldTokens(doc, g, _parse);
            if (Environment.GetEnvironmentVariable("HEARSAY_EVAL_VERBOSE") == "1")
            {
                int t = 0;
                foreach (var s in doc)
                {
                    foreach (var w in s.Words)
                    {
                        if (g.Tokens[t].Xpos != w.Xpos)
                        {
                            confusions[$"{w.Xpos}->{g.Tokens[t].Xpos}"] = confusions.GetValueOrDefault($"{w.Xpos}->{g.Tokens[t].Xpos}") + 1;
                            words[w.Form] = words.GetValueOrDefault(w.Form) + 1;
                        }

                        t++;
                    }
                }
            }

            var rawGold = NlpData.Raw(doc, data);
            var r = new Document(rawGold.Text);
            rawPipeline.Run(r, cancellationToken);
            raw.AddRaw(rawGold, r, _parse);
        }

        var report = new EvalReport(Name, data, sentences);
        report.Details.AddRange(confusions.OrderByDescending(kv => kv.Value).Take(40).Select(kv => $"{kv.Key}\t{kv.Value}"));
        report.Details.Add(string.Join(" ", words.OrderByDescending(kv => kv.Value).Take(80).Select(kv => $"{kv.Key}:{kv.Value}")));
        foreach (var (k, v) in gold.ToMetrics(_parse, raw: false))
        {
            report.Metrics[k] = v;
        }

        report.Metrics["raw"] = raw.ToMetrics(_parse, raw: true);
        report.Metrics["words"] = gold.GoldWords;
        report.Metrics["wordsPerSecond"] = Math.Round(gold.GoldWords / Math.Max(goldClock.Elapsed.TotalSeconds, 1e-9));
        report.Metrics["wordsPerCpuSecond"] = Math.Round(gold.GoldWords / Math.Max(goldCpu.TotalSeconds, 1e-9));
        report.Metrics["loadSeconds"] = Math.Round(loadSeconds, 3);
        report.Metrics["models"] = stages.Select(s => s.Name + " " + s.Version).ToArray();
        return report;
    }
}
