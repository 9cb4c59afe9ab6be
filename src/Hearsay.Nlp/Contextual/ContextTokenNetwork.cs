using Hearsay.Core.Learning;

namespace Hearsay.Nlp.Contextual;

/// <summary>
/// Per-token classifier over contextual vectors: each token's input is its encoder vector, standardised per dimension
/// with the training mean and deviation (MiniLM's dimensions differ in scale by two orders of magnitude), and
/// <see cref="ShapeCount"/> casing/shape indicators (the encoder is uncased, so capitals reach the network only
/// here); the inputs of the token and its neighbours at +-<see cref="Radius"/> feed one ReLU hidden layer, then one
/// score per class. Shared by <see cref="ContextTokenTrainer"/> and <see cref="ContextTokenScorer"/>.
/// </summary>
public sealed class ContextTokenNetwork
{
    /// <summary>Initial capital, all capitals, has a digit, no letter or digit, sentence-initial, lower-case sentence, inner hyphen, padding.</summary>
    public const int ShapeCount = 8;

    private const int Padding = 7;

    public ContextTokenNetwork(int dim, int radius, int hidden, int classes, bool centred = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        Dim = dim;
        Radius = radius;
        Hidden = hidden;
        Classes = classes;
        Centred = centred;
        Mean = new float[dim];
        Scale = new float[dim];
        Array.Fill(Scale, 1f);
        W1 = new float[Width * Unit * hidden];
        B1 = new float[hidden];
        W2 = new float[classes * hidden];
        B2 = new float[classes];
    }

    /// <summary>Size of the contextual vectors.</summary>
    public int Dim { get; }

    /// <summary>Neighbours on each side whose inputs the token's hidden layer also reads.</summary>
    public int Radius { get; }

    public int Width => (2 * Radius) + 1;

    /// <summary>Inputs per token: standardised vector, then shape indicators.</summary>
    public int Unit => Dim + ShapeCount;

    public int Hidden { get; }

    public int Classes { get; }

    /// <summary>
    /// Whether each vector has its sentence's mean vector subtracted before standardisation: a sentence encoder's
    /// token states share a large sentence component that says little about the token itself.
    /// </summary>
    public bool Centred { get; }

    /// <summary>Training mean of each vector dimension.</summary>
    public float[] Mean { get; }

    /// <summary>1 / training standard deviation of each vector dimension.</summary>
    public float[] Scale { get; }

    /// <summary>[(position * Unit + input) * Hidden + h]: one row per input, so an input adds one vector to the hidden layer.</summary>
    public float[] W1 { get; }

    public float[] B1 { get; }

    /// <summary>[class * Hidden + h].</summary>
    public float[] W2 { get; }

    public float[] B2 { get; }

    /// <summary>
    /// The inputs of a sentence's tokens (n x <see cref="Unit"/>): standardised <paramref name="vectors"/>
    /// (n x <see cref="Dim"/>) and the shape indicators of <paramref name="words"/>.
    /// </summary>
    public void Describe(IReadOnlyList<string> words, ReadOnlySpan<float> vectors, Span<float> inputs)
    {
        int n = words.Count, unit = Unit;
        bool anyUpper = false;
        for (int i = 0; i < n && !anyUpper; i++)
        {
            anyUpper = WindowNetwork.HasUpper(words[i]);
        }

        Span<float> centre = stackalloc float[Dim];
        centre.Clear();
        if (Centred)
        {
            SentenceMean(vectors, n, Dim, centre);
        }

        for (int i = 0; i < n; i++)
        {
            var x = inputs.Slice(i * unit, unit);
            var v = vectors.Slice(i * Dim, Dim);
            for (int d = 0; d < Dim; d++)
            {
                x[d] = (v[d] - centre[d] - Mean[d]) * Scale[d];
            }

            var w = words[i].AsSpan();
            var shape = x[Dim..];
            WindowNetwork.WriteShape(w, i == 0, anyUpper, shape);
            shape[6] = w.Length > 2 && w[1..^1].Contains('-') ? 1 : 0;
        }
    }

    /// <summary>The mean of a sentence's <paramref name="n"/> vectors into <paramref name="mean"/>.</summary>
    public static void SentenceMean(ReadOnlySpan<float> vectors, int n, int dim, Span<float> mean)
    {
        mean.Clear();
        for (int i = 0; i < n; i++)
        {
            WindowNetwork.AddScaled(vectors.Slice(i * dim, dim), 1f / n, mean);
        }
    }

    /// <summary>Pre-activation of token <paramref name="i"/>'s hidden layer from the inputs of its window.</summary>
    public void HiddenInput(ReadOnlySpan<float> inputs, int n, int i, Span<float> hidden) =>
        WindowNetwork.WindowHidden(W1, B1, Unit, Radius, Dim + Padding, inputs, n, i, hidden);

    /// <summary>Class scores from the activated hidden layer.</summary>
    public void Output(ReadOnlySpan<float> hidden, Span<float> scores) => WindowNetwork.Scores(W2, B2, hidden, scores);

    /// <summary>Log-probabilities of every class for each token of a sentence (n x <see cref="Classes"/>).</summary>
    public void LogProbabilities(IReadOnlyList<string> words, ReadOnlySpan<float> vectors, Span<float> output)
    {
        int n = words.Count;
        var inputs = new float[n * Unit];
        Describe(words, vectors, inputs);
        var hidden = new float[Hidden];
        for (int i = 0; i < n; i++)
        {
            HiddenInput(inputs, n, i, hidden);
            WindowNetwork.Activate(hidden);
            var scores = output.Slice(i * Classes, Classes);
            Output(hidden, scores);
            WindowNetwork.LogSoftmax(scores);
        }
    }

    public void Write(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(Dim);
        w.Write(Radius);
        w.Write(Hidden);
        w.Write(Classes);
        w.Write(Centred);
        foreach (var array in new[] { Mean, Scale, W1, B1, W2, B2 })
        {
            foreach (float x in array)
            {
                w.Write(x);
            }
        }
    }

    public static ContextTokenNetwork Read(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var network = new ContextTokenNetwork(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean());
        foreach (var array in new[] { network.Mean, network.Scale, network.W1, network.B1, network.W2, network.B2 })
        {
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = r.ReadSingle();
            }
        }

        return network;
    }
}
