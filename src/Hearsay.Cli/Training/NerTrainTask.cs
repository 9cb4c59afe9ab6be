using Hearsay.Nlp.Tagging;
using Hearsay.Cli.Commands;
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
        int networkEpochs = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_NETWORK"), out int ne) ? ne : 0;
        int networkCorpora = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_NETWORK_CORPORA"), out int nc) ? nc : int.MaxValue;
        var data = NerDataSpec.Read(options.Data, log);
        var (train, repeats, gazetteerOnly) = (data.Train, data.Repeats, data.GazetteerOnly);
        var clusters = data.Clusters(options.Seed, log);
        var embeddings = networkEpochs > 0 ? data.Embeddings() : null;

        // The window scorer trains on the training sources up to the networkCorpora-th one.
        int? networkSentences = networkCorpora >= 1 && networkCorpora <= data.SourceEnds.Count ? data.SourceEnds[networkCorpora - 1] : null;

        List<LabeledSentence>? dev = options.Dev is null ? null : NerDataSpec.Load(options.Dev, log, "--dev");
        var trainer = new NerTrainerOptions
        {
            Epochs = options.Epochs ?? 12,
            Seed = options.Seed,
            BucketBits = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_BUCKET_BITS"), out int bits) ? bits : 20,
            LowercaseCopies = double.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_LOWERCASE_COPIES"), System.Globalization.CultureInfo.InvariantCulture, out double lc) ? lc : 0.25,
            Consistency = Environment.GetEnvironmentVariable("HEARSAY_NER_CONSISTENCY") != "0",
            Gazetteer = Environment.GetEnvironmentVariable("HEARSAY_NER_GAZETTEER") != "0",
            Stacked = Environment.GetEnvironmentVariable("HEARSAY_NER_STACKED") == "1",
            NetworkEpochs = networkEpochs,
            NetworkSentences = networkSentences,
            NetworkDim = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_NETWORK_DIM"), out int nd) ? nd : 48,
            NetworkHidden = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_NETWORK_HIDDEN"), out int nh) ? nh : 128,
            NetworkDropout = float.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_NETWORK_DROPOUT"), System.Globalization.CultureInfo.InvariantCulture, out float dr) ? dr : 0.2f,
            NetworkScale = float.TryParse(Environment.GetEnvironmentVariable("HEARSAY_NER_NETWORK_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out float sc) ? sc : null,
            Version = Path.GetFileNameWithoutExtension(options.Out) + "-" + TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        };
        log.WriteLine($"ner: data={options.Data} dev={options.Dev ?? "-"} out={options.Out} {trainer}");
        Func<IReadOnlyList<string>, string[]>? posTagger = null;
        if (Environment.GetEnvironmentVariable("HEARSAY_NER_POS") == "1")
        {
            PosTagger tagger;
            try
            {
                tagger = PosTagger.Load();
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                throw new CliException($"ner training reads POS tags (HEARSAY_NER_POS=1): {e.Message}", e);
            }

            log.WriteLine($"ner: POS features from tagger {tagger.Version}");
            posTagger = words => NerCommands.XposOf(tagger, words);
            if (Environment.GetEnvironmentVariable("HEARSAY_NER_POS_JACKKNIFE") is { Length: > 0 } taggerData)
            {
                JackknifePos(train, taggerData, options.Seed, log, cancellationToken);
            }
        }

        if (networkEpochs > 0 && embeddings is null)
        {
            throw new CliException("HEARSAY_NER_NETWORK needs a 'minilm:PATH' source (the word vectors).");
        }

        var model = new NerTrainer(trainer, log).Train(train, dev, gazetteerOnly, clusters, repeats, posTagger, embeddings, cancellationToken);
        model.Save(options.Out);
        log.WriteLine($"ner: wrote {options.Out} ({new FileInfo(options.Out).Length / 1024.0 / 1024.0:F2} MB)");
    }

    /// <summary>
    /// The shipped tagger was trained on EWT train, the text of UNER train, so its tags there are cleaner than on
    /// unseen text. Each NER training sentence that is also a tagger training sentence is instead tagged by a tagger
    /// trained without its block (5 contiguous blocks of the NER data, as for the gazetteer).
    /// </summary>
    private static void JackknifePos(List<LabeledSentence> train, string taggerData, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        const int folds = 5;
        var (sentences, classes) = TaggerTrainTask.LoadTraining(taggerData, seed, log);
        var taggerKeys = new HashSet<string>(sentences.Select(s => string.Join(' ', s.Words.Select(w => w.Form))), StringComparer.Ordinal);
        var shared = new List<int>();
        for (int i = 0; i < train.Count; i++)
        {
            if (taggerKeys.Contains(string.Join(' ', train[i].Words)))
            {
                shared.Add(i);
            }
        }

        // Folds are contiguous blocks of the shared sentences (whole documents, mostly).
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < shared.Count; j++)
        {
            foldOf.TryAdd(string.Join(' ', train[shared[j]].Words), (int)((long)j * folds / shared.Count));
        }

        var taggerFold = new int[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            taggerFold[i] = foldOf.TryGetValue(string.Join(' ', sentences[i].Words.Select(w => w.Form)), out int f) ? f : -1;
        }

        log.WriteLine($"ner: POS jackknife: {shared.Count} of {train.Count} NER training sentences are tagger training sentences");
        int tagged = 0;
        for (int k = 0; k < folds; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rest = sentences.Where((_, i) => taggerFold[i] != k).ToList();
            var model = TaggerTrainer.Train(rest, 10, seed, "jackknife", TextWriter.Null, twoPass: false, classes);
            var tagger = new PosTagger(model);
            foreach (int i in shared)
            {
                if (foldOf[string.Join(' ', train[i].Words)] == k)
                {
                    train[i].Pos = NerCommands.XposOf(tagger, train[i].Words);
                    tagged++;
                }
            }

            log.WriteLine($"ner: POS jackknife tagger {k + 1}/{folds} trained on {rest.Count} sentences");
        }

        log.WriteLine($"ner: POS jackknife: {tagged} NER training sentences tagged out of sample");
    }
}
