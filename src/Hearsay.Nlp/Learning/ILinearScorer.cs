namespace Hearsay.Nlp.Learning;

/// <summary>Scores every class from hashed features: the frozen model at prediction time, the perceptron in training.</summary>
public interface ILinearScorer
{
    /// <summary>Writes the score of each class into <paramref name="scores"/> (cleared first).</summary>
    void Score(ReadOnlySpan<ulong> features, Span<float> scores);
}
