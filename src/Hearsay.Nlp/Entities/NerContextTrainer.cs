using System.Globalization;
using Hearsay.Nlp.Contextual;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Trains the accurate mode's contextual scorer for NER (<see cref="EntityRecognizer.ContextModelPath"/>): a
/// <see cref="ContextTokenNetwork"/> over the BILOU tags whose scaled log-probabilities replace the window scorer's in
/// Viterbi. The weight is chosen on held-out TRAINING documents (the first tenth; a perceptron trained as the shipped
/// one and the network trained on the rest), never on dev; then the network is trained on everything. The shipped
/// perceptron is not retrained.
/// </summary>
public static class NerContextTrainer
{
    private static readonly float[] Scales = [0, 0.5f, 1, 1.5f, 2, 3, 4, 6, 8, 12, 16, 24, 32, 1000];

    /// <summary>The names of the BILOU tags in the model's numbering ("O", "B-Person", ...), as the scorer file stores them.</summary>
    internal static string[] TagNames(BilouTags tags)
    {
        var names = new string[tags.Count];
        names[0] = "O";
        for (int t = 1; t < tags.Count; t++)
        {
            names[t] = "BILU"[BilouTags.Kind(t) - 1] + "-" + tags.Labels[tags.LabelIndex(t)].ToString();
        }

        return names;
    }

    /// <param name="train">The NER card's training sentences (gazetteer-only sources excluded), in its order.</param>
    /// <param name="vectors">Each training sentence's contextual vectors (words x dim).</param>
    /// <param name="perceptron">How the shipped perceptron is trained (its window scorer is not needed: NetworkEpochs is ignored).</param>
    public static ContextTokenScorer Train(IReadOnlyList<LabeledSentence> train, IReadOnlyList<float[]> vectors, int dim, string source, IReadOnlyList<LabeledSentence> gazetteerOnly, WordClusters? clusters, NerTrainerOptions perceptron, ContextTokenSettings settings, string version, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(perceptron);
        var tags = new BilouTags(perceptron.Labels);
        var names = TagNames(tags);
        var examples = new (IReadOnlyList<string> Words, float[] Vectors, int[] Gold)[train.Count];
        for (int s = 0; s < train.Count; s++)
        {
            examples[s] = (train[s].Words, vectors[s], tags.Encode(train[s].Words.Length, train[s].Spans));
        }

        int held = (int)(train.Count * perceptron.NetworkHoldout);
        while (held < train.Count && held > 0 && train[held].Document == train[held - 1].Document)
        {
            held++; // whole documents, so that the document pass sees what it will see
        }

        var heldOut = train.Take(held).ToArray();
        var heldVectors = vectors.Take(held).ToArray();
        var options = perceptron with { NetworkEpochs = 0, Stacked = false };
        var model = new NerTrainer(options, log).Train(train.Skip(held).ToArray(), null, gazetteerOnly, clusters, null, null, null, cancellationToken);
        var trainer = new ContextTokenTrainer(settings, log);
        var networks = trainer.TrainEnsemble("ner context held-out", examples[held..], dim, names.Length, perceptron.Seed, cancellationToken);
        var scorer = new ContextTokenScorer("held-out", source, names, 1, networks);
        float best = 0;
        double bestF1 = -1;
        foreach (float scale in Scales)
        {
            var candidate = scale == 0 ? model : model.WithContext(scorer.WithScale(scale));
            var score = NerTrainer.Evaluate(candidate, heldOut, perceptron.Labels, perceptron.Consistency, heldVectors);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner context held-out: scale {scale} P={score.Micro.Precision:F4} R={score.Micro.Recall:F4} F1={score.Micro.F1:F4} ({held} sentences)"));
            if (score.Micro.F1 > bestF1)
            {
                bestF1 = score.Micro.F1;
                best = scale;
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner context held-out: scale {best} (F1 {bestF1:F4})"));
        var full = trainer.TrainEnsemble("ner context", examples, dim, names.Length, perceptron.Seed, cancellationToken);
        return new ContextTokenScorer(version, source, names, best, full);
    }
}
