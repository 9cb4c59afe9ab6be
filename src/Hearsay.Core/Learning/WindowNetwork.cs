using System.Numerics;
using System.Runtime.InteropServices;
using Hearsay.Core.Documents;

namespace Hearsay.Core.Learning;

/// <summary>
/// The layers of the window scorer above the word vectors (Collobert et al. 2011, window approach): each token's
/// input is its word vector and <see cref="ShapeCount"/> casing/shape indicators; the vectors of the token and its
/// neighbours at +-<see cref="Radius"/> feed one ReLU hidden layer, then one score per BILOU tag. Shared by the
/// trainer (<see cref="WindowScorerTrainer"/>) and the run-time scorer (<see cref="WindowScorer"/>).
/// </summary>
public sealed class WindowNetwork
{
    public const int Radius = 2;
    public const int Width = (2 * Radius) + 1;

    /// <summary>Initial capital, all capitals, has a digit, no letter or digit, sentence-initial, lower-case sentence, split into pieces, padding.</summary>
    public const int ShapeCount = 8;

    private const int Padding = 7;

    public WindowNetwork(int dim, int hidden, int tags)
    {
        if (hidden % Vector<float>.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), $"hidden size must be a multiple of {Vector<float>.Count}.");
        }

        Dim = dim;
        Hidden = hidden;
        Tags = tags;
        W1 = new float[Width * Unit * hidden];
        B1 = new float[hidden];
        W2 = new float[tags * hidden];
        B2 = new float[tags];
    }

    /// <summary>Size of the word vectors.</summary>
    public int Dim { get; }

    /// <summary>Inputs per token: word vector, then shape indicators.</summary>
    public int Unit => Dim + ShapeCount;

    public int Hidden { get; }

    public int Tags { get; }

    /// <summary>[(position * Unit + input) * Hidden + h]: one row per input, so an input adds one vector to the hidden layer.</summary>
    public float[] W1 { get; }

    public float[] B1 { get; }

    /// <summary>[tag * Hidden + h].</summary>
    public float[] W2 { get; }

    public float[] B2 { get; }

    /// <summary>
    /// Shape indicators of each token into <paramref name="inputs"/> (n x <see cref="Unit"/>, after the word vector),
    /// and the vocabulary rows of each token (<paramref name="rows"/>: n x <see cref="WordPieces.MaxPieces"/>, counts in <paramref name="counts"/>).
    /// </summary>
    public void Describe(string text, ReadOnlySpan<Token> tokens, WordPieces pieces, Span<float> inputs, Span<int> rows, Span<int> counts)
    {
        int n = tokens.Length, unit = Unit;
        bool anyUpper = false;
        for (int i = 0; i < n && !anyUpper; i++)
        {
            anyUpper = HasUpper(text.AsSpan(tokens[i].Start, tokens[i].Range.Length));
        }

        for (int i = 0; i < n; i++)
        {
            var w = text.AsSpan(tokens[i].Start, tokens[i].Range.Length);
            counts[i] = pieces.Split(w, rows.Slice(i * WordPieces.MaxPieces, WordPieces.MaxPieces), out bool whole);
            var shape = inputs.Slice((i * unit) + Dim, ShapeCount);
            WriteShape(w, i == 0, anyUpper, shape);
            shape[6] = whole ? 0 : 1;
        }
    }

    /// <summary>Whether <paramref name="word"/> has a capital letter (a sentence without any is lower-cased text).</summary>
    public static bool HasUpper(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first six shape indicators of a word (initial capital, all capitals, digit, no letter or digit,
    /// sentence-initial, lower-case sentence) into <paramref name="shape"/>, the rest cleared: the casing the
    /// uncased MiniLM vectors cannot carry. Shared with the contextual token network.
    /// </summary>
    public static void WriteShape(ReadOnlySpan<char> w, bool first, bool anyUpper, Span<float> shape)
    {
        shape.Clear();
        bool letters = false, digits = false, upper = true;
        foreach (char c in w)
        {
            letters |= char.IsLetter(c);
            digits |= char.IsDigit(c);
            upper &= !char.IsLower(c);
        }

        shape[0] = w.Length > 0 && char.IsUpper(w[0]) ? 1 : 0;
        shape[1] = letters && upper && w.Length > 1 ? 1 : 0;
        shape[2] = digits ? 1 : 0;
        shape[3] = !letters && !digits ? 1 : 0;
        shape[4] = first ? 1 : 0;
        shape[5] = anyUpper ? 0 : 1;
    }

    /// <summary>Pre-activation of token <paramref name="i"/>'s hidden layer from the inputs of its window.</summary>
    public void HiddenInput(ReadOnlySpan<float> inputs, int n, int i, Span<float> hidden) =>
        WindowHidden(W1, B1, Unit, Radius, Dim + Padding, inputs, n, i, hidden);

    /// <summary>
    /// Pre-activation of token <paramref name="i"/>'s hidden layer (size <c>b1.Length</c>) from the inputs of the
    /// tokens at +-<paramref name="radius"/>, <paramref name="unit"/> inputs each: W1 holds one row per (position,
    /// input), and a position outside the sentence adds its <paramref name="padding"/> row. Zero inputs are skipped
    /// (most shape indicators are zero). Shared with the contextual token network.
    /// </summary>
    public static void WindowHidden(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, int unit, int radius, int padding, ReadOnlySpan<float> inputs, int n, int i, Span<float> hidden)
    {
        int size = b1.Length;
        b1.CopyTo(hidden);
        for (int p = 0; p <= 2 * radius; p++)
        {
            int j = i + p - radius;
            int rowBase = p * unit;
            if (j < 0 || j >= n)
            {
                AddScaled(w1.Slice((rowBase + padding) * size, size), 1, hidden);
                continue;
            }

            var x = inputs.Slice(j * unit, unit);
            for (int u = 0; u < unit; u++)
            {
                if (x[u] != 0)
                {
                    AddScaled(w1.Slice((rowBase + u) * size, size), x[u], hidden);
                }
            }
        }
    }

    /// <summary>Tag scores from the activated hidden layer.</summary>
    public void Output(ReadOnlySpan<float> hidden, Span<float> scores) => Scores(W2, B2, hidden, scores);

    /// <summary>One score per output row: b2 plus the row of <paramref name="w2"/> (class x hidden) dotted with the activated hidden layer.</summary>
    public static void Scores(ReadOnlySpan<float> w2, ReadOnlySpan<float> b2, ReadOnlySpan<float> hidden, Span<float> scores)
    {
        for (int t = 0; t < b2.Length; t++)
        {
            scores[t] = b2[t] + Dot(hidden, w2.Slice(t * hidden.Length, hidden.Length));
        }
    }

    /// <summary>
    /// Backpropagates softmax cross-entropy through the output layer for one token: from the log-probabilities
    /// <paramref name="logProbs"/> and the gold class, adds to the gradients of W2 and b2 and writes the gradient of
    /// the activated hidden layer <paramref name="hidden"/> into <paramref name="gHidden"/>. Shared by the trainers.
    /// </summary>
    public static void OutputGradient(ReadOnlySpan<float> logProbs, int gold, ReadOnlySpan<float> hidden, ReadOnlySpan<float> w2, Span<float> gW2, Span<float> gB2, Span<float> gHidden)
    {
        int size = hidden.Length;
        gHidden.Clear();
        for (int y = 0; y < logProbs.Length; y++)
        {
            float g = MathF.Exp(logProbs[y]) - (y == gold ? 1 : 0);
            gB2[y] += g;
            AddScaled(hidden, g, gW2.Slice(y * size, size));
            AddScaled(w2.Slice(y * size, size), g, gHidden);
        }
    }

    /// <summary>
    /// Backpropagates the hidden layer's gradient of token <paramref name="i"/> to W1 (the rows of its window's non-zero
    /// inputs, or a position's padding row, the last of its <paramref name="unit"/>), as <see cref="WindowHidden"/> read
    /// them; the gradient of each token's first <paramref name="inputDim"/> inputs is added to <paramref name="gInputs"/>
    /// (n x inputDim; empty and 0 when the inputs are not learned).
    /// </summary>
    public static void WindowGradient(ReadOnlySpan<float> gHidden, ReadOnlySpan<float> inputs, int unit, int radius, int n, int i, ReadOnlySpan<float> w1, Span<float> gW1, Span<float> gInputs, int inputDim)
    {
        int size = gHidden.Length;
        for (int p = 0; p <= 2 * radius; p++)
        {
            int j = i + p - radius;
            int rowBase = p * unit;
            if (j < 0 || j >= n)
            {
                AddScaled(gHidden, 1, gW1.Slice((rowBase + unit - 1) * size, size));
                continue;
            }

            for (int u = 0; u < unit; u++)
            {
                float x = inputs[(j * unit) + u];
                if (x == 0)
                {
                    continue;
                }

                int row = (rowBase + u) * size;
                AddScaled(gHidden, x, gW1.Slice(row, size));
                if (u < inputDim)
                {
                    gInputs[(j * inputDim) + u] += Dot(w1.Slice(row, size), gHidden);
                }
            }
        }
    }

    /// <summary>The index of the highest score (the first of equal ones).</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int y = 1; y < scores.Length; y++)
        {
            best = scores[y] > scores[best] ? y : best;
        }

        return best;
    }

    /// <summary>ReLU in place.</summary>
    public static void Activate(Span<float> hidden)
    {
        for (int h = 0; h < hidden.Length; h++)
        {
            hidden[h] = hidden[h] > 0 ? hidden[h] : 0;
        }
    }

    /// <summary>Scores to log-probabilities in place.</summary>
    public static void LogSoftmax(Span<float> scores)
    {
        float max = float.NegativeInfinity;
        foreach (float s in scores)
        {
            max = Math.Max(max, s);
        }

        float sum = 0;
        foreach (float s in scores)
        {
            sum += MathF.Exp(s - max);
        }

        float log = max + MathF.Log(sum);
        for (int t = 0; t < scores.Length; t++)
        {
            scores[t] -= log;
        }
    }

    /// <summary>Dot product (also the word classes' k-means).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float s = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>y += a * x.</summary>
    public static void AddScaled(ReadOnlySpan<float> x, float a, Span<float> y)
    {
        // Whole vectors through reinterpreted spans: slicing per vector cost as much as the arithmetic (hot at run time).
        var va = new Vector<float>(a);
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vy = MemoryMarshal.Cast<float, Vector<float>>(y)[..vx.Length];
        for (int k = 0; k < vx.Length; k++)
        {
            vy[k] += va * vx[k];
        }

        for (int i = vx.Length * Vector<float>.Count; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Dim);
        w.Write(Hidden);
        w.Write(Tags);
        foreach (var array in new[] { W1, B1, W2, B2 })
        {
            foreach (float x in array)
            {
                w.Write(x);
            }
        }
    }

    public static WindowNetwork Read(BinaryReader r)
    {
        var network = new WindowNetwork(r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        foreach (var array in new[] { network.W1, network.B1, network.W2, network.B2 })
        {
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = r.ReadSingle();
            }
        }

        return network;
    }
}
