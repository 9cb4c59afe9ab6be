namespace Hearsay.Core.Documents;

/// <summary>
/// One dense vector per token, row-major in one array so a stage reads a token's vector as a span without copying or
/// allocating. The values belong to the encoder that wrote them; <see cref="Source"/> names it so that a model trained
/// over one encoder's vectors can refuse another's.
/// </summary>
public sealed class TokenVectors
{
    private readonly float[] _values;

    public TokenVectors(float[] values, int dimension, string source)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (values.Length % dimension != 0)
        {
            throw new ArgumentException($"{values.Length} values are not a whole number of {dimension}-d vectors.", nameof(values));
        }

        _values = values;
        Dimension = dimension;
        Source = source;
    }

    public int Dimension { get; }

    /// <summary>The encoder and its pooling, e.g. "all-MiniLM-L6-v2/mean".</summary>
    public string Source { get; }

    public int Count => _values.Length / Dimension;

    /// <summary>The vector of token <paramref name="token"/> (a document-level token index).</summary>
    public ReadOnlySpan<float> Of(int token) => _values.AsSpan(token * Dimension, Dimension);

    /// <summary>The vectors of <paramref name="count"/> tokens from <paramref name="start"/>, row-major.</summary>
    public ReadOnlySpan<float> Rows(int start, int count) => _values.AsSpan(start * Dimension, count * Dimension);
}
