using System.Globalization;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Conllu;
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
        var train = Load(options.Data);
        int epochs = options.Epochs ?? 12;
        log.WriteLine($"tagger: data {options.Data}; dev {options.Dev ?? "none"}; out {options.Out}");
        var version = "perceptron-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-s" + options.Seed.ToString(CultureInfo.InvariantCulture);
        var model = TaggerTrainer.Train(train, epochs, options.Seed, version, log, twoPass: false);
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
