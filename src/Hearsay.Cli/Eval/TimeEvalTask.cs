using System.Diagnostics;
using Hearsay.Core.Evaluation;
using Hearsay.Nlp.Time;

namespace Hearsay.Cli.Eval;

/// <summary>
/// <c>hearsay eval time --data DIR</c>: TempEval-3 task A (TIMEX3 extraction and normalization) on TimeML
/// files, scored as the official scorer in tempeval3/Tools does. Each document is resolved against its DCT.
/// </summary>
public sealed class TimeEvalTask : IEvalTask
{
    public string Name => "time";

    public string Description => "TIMEX3 recognition and normalization on TimeML (TempEval-3 task A): strict/relaxed P/R/F1, type accuracy, value accuracy and F1.";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        var documents = ReadCorpus(data, cancellationToken);
        var recognizer = new TimexRecognizer();
        var scorer = new TimexScorer();
        long chars = 0;
        int words = 0;
        // Warm-up (regex compilation, JIT) on the first document, so the rate below is the steady state.
        recognizer.Recognize(documents[0].Text, documents[0].CreationTime, cancellationToken);
        var clock = Stopwatch.StartNew();
        var predictions = new List<IReadOnlyList<Hearsay.Core.Documents.TimeExpression>>(documents.Count);
        foreach (var doc in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            predictions.Add(recognizer.Recognize(doc.Text, doc.CreationTime, cancellationToken));
        }

        clock.Stop();
        for (int i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            scorer.Add(doc.Name, doc.Text, doc.Gold, predictions[i]);
            chars += doc.Text.Length;
            words += CountWords(doc.Text);
        }

        var report = new EvalReport(Name, data, documents.Count);
        scorer.WriteTo(report);
        double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
        report.Details.AddRange(scorer.Errors);
        report.Details.Add($"{documents.Count} documents, {words} words, {scorer.System} expressions predicted in {clock.Elapsed.TotalMilliseconds:0} ms: {words / seconds:0} words/s, {scorer.System / seconds:0} expressions/s");
        Console.Error.WriteLine(report.Details[^1]);
        return report;
    }

    private static int CountWords(string text)
    {
        int n = 0;
        bool inWord = false;
        foreach (var ch in text)
        {
            bool w = !char.IsWhiteSpace(ch);
            if (w && !inWord)
            {
                n++;
            }

            inWord = w;
        }

        return n;
    }

    /// <summary>Every .tml file under <paramref name="path"/> (or the file itself), parsed; unreadable files are reported on stderr and skipped.</summary>
    internal static List<TimeMlDocument> ReadCorpus(string path, CancellationToken cancellationToken)
    {
        string[] files;
        string root;
        if (Directory.Exists(path))
        {
            root = path;
            files = Directory.GetFiles(path, "*.tml", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
        }
        else if (File.Exists(path))
        {
            root = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            files = [path];
        }
        else
        {
            throw new CliException($"{path}: no such file or folder (expected TimeML .tml files, e.g. ../shared/corpora/tempeval3/TBAQ-cleaned/AQUAINT).");
        }

        var documents = new List<TimeMlDocument>(files.Length);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                documents.Add(TimeMlDocument.Parse(File.ReadAllText(file), Path.GetRelativePath(root, file)));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"skipping {e.Message}");
            }
        }

        if (documents.Count == 0)
        {
            throw new CliException($"{path}: no readable TimeML (.tml) files.");
        }

        return documents;
    }
}
