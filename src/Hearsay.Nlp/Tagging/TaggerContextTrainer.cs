using System.Globalization;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Tagging;

/// <summary>
/// Trains the accurate mode's contextual scorer for the tagger (<see cref="PosTagger.ContextModelPath"/>): a
/// <see cref="ContextTokenNetwork"/> over the tagger's UPOS|XPOS classes. The weight of its log-probabilities when
/// added to the perceptron's scores is chosen on held-out TRAINING sentences (the first tenth; perceptron and network
/// trained on the rest), never on dev; the file then holds a network trained on everything with that weight. The
/// shipped perceptron is not retrained.
/// </summary>
public static class TaggerContextTrainer
{
    /// <summary>Weights tried on the held-out block; 1000 is the network alone in effect.</summary>

    /// <param name="train">The tagger's training sentences, in the tagger card's order.</param>
    /// <param name="vectors">Each sentence's contextual vectors (words x dim), as <see cref="ContextVectorCache"/> gives them.</param>
    /// <param name="perceptronEpochs">Epochs of the held-out perceptron (the shipped tagger's).</param>
    public static ContextTokenScorer Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<float[]> vectors, int dim, string source, int perceptronEpochs, int seed, WordClasses? wordClasses, ContextTokenSettings settings, string version, TextWriter log, CancellationToken cancellationToken, double holdout = 0.1)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(log);
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new (IReadOnlyList<string> Words, float[] Vectors, int[] Gold)[train.Count];
        for (int s = 0; s < train.Count; s++)
        {
            var words = train[s].Words;
            var gold = new int[words.Count];
            for (int i = 0; i < words.Count; i++)
            {
                var name = words[i].Upos + "\t" + words[i].Xpos;
                if (!index.TryGetValue(name, out int c))
                {
                    c = index[name] = names.Count;
                    names.Add(name);
                }

                gold[i] = c;
            }

            examples[s] = (words.Select(w => w.Form).ToArray(), vectors[s], gold);
        }

        var trainer = new ContextTokenTrainer(settings, log);
        int held = (int)(train.Count * holdout);
        var perceptron = TaggerTrainer.Train(train.Skip(held).ToArray(), null, perceptronEpochs, seed, "held-out", log, wordClasses);
        var networks = trainer.TrainEnsemble("tagger context held-out", examples[held..], dim, names.Count, seed, cancellationToken);
        var tagger = new PosTagger(perceptron, new ContextTokenScorer("held-out", source, [.. names], 1, networks));
        float best = ChooseScale(tagger, examples[..held], train, log);
        var full = trainer.TrainEnsemble("tagger context", examples, dim, names.Count, seed, cancellationToken);
        return new ContextTokenScorer(version, source, [.. names], best, full);
    }

    /// <summary>The weight with the best held-out UPOS accuracy (the first of equals).</summary>
    private static float ChooseScale(PosTagger tagger, IReadOnlyList<(IReadOnlyList<string> Words, float[] Vectors, int[] Gold)> heldOut, IReadOnlyList<ConlluSentence> train, TextWriter log)
    {
        var model = tagger.Model;
        int count = model.ClassCount;
        var map = tagger.Context!.MapClasses([.. Enumerable.Range(0, count).Select(tagger.ClassName)]);
        var logProbs = heldOut.Select(e =>
        {
            var scores = new float[e.Words.Count * count];
            tagger.Context.Score(e.Words, e.Vectors, map, scores);
            return scores;
        }).ToArray();
        return TaggerTrainer.ChooseScale("tagger context held-out", tagger, train.Take(heldOut.Count).ToArray(), logProbs, log);
    }
}
