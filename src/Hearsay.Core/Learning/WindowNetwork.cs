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
            foreach (char c in text.AsSpan(tokens[i].Start, tokens[i].Range.Length))
            {
                if (char.IsUpper(c))
                {
                    anyUpper = true;
                    break;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            var w = text.AsSpan(tokens[i].Start, tokens[i].Range.Length);
            counts[i] = pieces.Split(w, rows.Slice(i * WordPieces.MaxPieces, WordPieces.MaxPieces), out bool whole);
            var shape = inputs.Slice((i * unit) + Dim, ShapeCount);
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
            shape[4] = i == 0 ? 1 : 0;
            shape[5] = anyUpper ? 0 : 1;
            shape[6] = whole ? 0 : 1;
        }
    }

    /// <summary>Pre-activation of token <paramref name="i"/>'s hidden layer from the inputs of its window.</summary>
    public void HiddenInput(ReadOnlySpan<float> inputs, int n, int i, Span<float> hidden)
    {
        B1.CopyTo(hidden);
        int unit = Unit;
        for (int p = 0; p < Width; p++)
        {
            int j = i + p - Radius;
            int rowBase = p * unit;
            if (j < 0 || j >= n)
            {
                AddRow(rowBase + Dim + Padding, 1, hidden);
                continue;
            }

            var x = inputs.Slice(j * unit, unit);
            for (int u = 0; u < unit; u++)
            {
                if (x[u] != 0)
                {
                    AddRow(rowBase + u, x[u], hidden);
                }
            }
        }
    }

    /// <summary>Tag scores from the activated hidden layer.</summary>
    public void Output(ReadOnlySpan<float> hidden, Span<float> scores)
    {
        for (int t = 0; t < Tags; t++)
        {
            scores[t] = B2[t] + Dot(hidden, W2.AsSpan(t * Hidden, Hidden));
        }
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

    private void AddRow(int row, float value, Span<float> hidden) => AddScaled(W1.AsSpan(row * Hidden, Hidden), value, hidden);

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
