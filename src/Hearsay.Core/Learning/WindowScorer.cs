using System.Buffers;
using Hearsay.Core.Documents;

namespace Hearsay.Core.Learning;

/// <summary>
/// Run-time side of the window scorer: per token, log-probabilities of the BILOU tags from a small network over
/// MiniLM's static word vectors, which the <see cref="NerModel"/> adds (times <see cref="Scale"/>) to the
/// perceptron's emission scores before Viterbi. Every vocabulary row's projected vector was computed once after
/// training, so a token costs a table lookup (the mean of its pieces' rows for a word outside the vocabulary) and
/// one hidden layer. Thread-safe.
/// </summary>
public sealed class WindowScorer
{
    /// <summary>Per vocabulary row, filled on first use (<see cref="RowHidden"/>): at most 30,522 x 640 floats.</summary>
    private readonly float[]?[] _rowHidden;

    public WindowScorer(WordPieces pieces, float[] table, WindowNetwork network, float scale)
    {
        Pieces = pieces;
        Table = table;
        Network = network;
        Scale = scale;
        _rowHidden = new float[]?[table.Length / network.Dim];
    }

    public WordPieces Pieces { get; }

    /// <summary>[row * Dim + d]: the projected vector of every vocabulary row.</summary>
    public float[] Table { get; }

    public WindowNetwork Network { get; }

    /// <summary>Weight of the log-probabilities against the perceptron's scores (chosen on held-out training data).</summary>
    public float Scale { get; }

    /// <summary>This scorer with another weight.</summary>
    public WindowScorer WithScale(float scale) => new(Pieces, Table, Network, scale);

    /// <summary>Writes Scale times the log-probability of each tag of each token to <paramref name="scores"/> (n x Tags).</summary>
    public void Score(string text, ReadOnlySpan<Token> tokens, Span<float> scores)
    {
        int n = tokens.Length, unit = Network.Unit, dim = Network.Dim, tags = Network.Tags, size = Network.Hidden;
        float[] inputs = ArrayPool<float>.Shared.Rent((n * unit) + size);
        int[] rows = ArrayPool<int>.Shared.Rent(n * WordPieces.MaxPieces);
        int[] counts = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Network.Describe(text, tokens, Pieces, inputs, rows, counts);
            var hidden = inputs.AsSpan(n * unit, size);
            for (int i = 0; i < n; i++)
            {
                Network.B1.CopyTo(hidden);
                for (int p = 0; p < WindowNetwork.Width; p++)
                {
                    int j = i + p - WindowNetwork.Radius;
                    if (j < 0 || j >= n)
                    {
                        WindowNetwork.AddScaled(Network.W1.AsSpan(((p * unit) + unit - 1) * size, size), 1, hidden);
                        continue;
                    }

                    float share = 1f / counts[j];
                    for (int k = 0; k < counts[j]; k++)
                    {
                        WindowNetwork.AddScaled(RowHidden(rows[(j * WordPieces.MaxPieces) + k]).AsSpan(p * size, size), share, hidden);
                    }

                    for (int u = dim; u < unit; u++)
                    {
                        if (inputs[(j * unit) + u] != 0)
                        {
                            WindowNetwork.AddScaled(Network.W1.AsSpan(((p * unit) + u) * size, size), inputs[(j * unit) + u], hidden);
                        }
                    }
                }

                WindowNetwork.Activate(hidden);
                var s = scores.Slice(i * tags, tags);
                Network.Output(hidden, s);
                WindowNetwork.LogSoftmax(s);
                for (int t = 0; t < tags; t++)
                {
                    s[t] *= Scale;
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(inputs);
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>
    /// What a vocabulary row adds to the hidden layer at each window position (Width x Hidden), computed on first use:
    /// the projection and the first layer are both linear, so a word's share is a lookup and a word in pieces the mean
    /// of its pieces' shares. Two threads may both compute a row; they store equal arrays.
    /// </summary>
    private float[] RowHidden(int row)
    {
        if (Volatile.Read(ref _rowHidden[row]) is { } done)
        {
            return done;
        }

        int dim = Network.Dim, unit = Network.Unit, size = Network.Hidden;
        var result = new float[WindowNetwork.Width * size];
        var vector = Table.AsSpan(row * dim, dim);
        for (int p = 0; p < WindowNetwork.Width; p++)
        {
            var target = result.AsSpan(p * size, size);
            for (int d = 0; d < dim; d++)
            {
                WindowNetwork.AddScaled(Network.W1.AsSpan(((p * unit) + d) * size, size), vector[d], target);
            }
        }

        Volatile.Write(ref _rowHidden[row], result);
        return result;
    }

    /// <summary>Vocabulary, projected table (float16: the file stays small, scores move by far less than their noise), network, scale.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Scale);
        w.Write(Pieces.Vocabulary.Count);
        foreach (var entry in Pieces.Vocabulary)
        {
            w.Write(entry);
        }

        Network.Write(w);
        foreach (float x in Table)
        {
            w.Write((Half)x);
        }
    }

    public static WindowScorer Read(BinaryReader r)
    {
        float scale = r.ReadSingle();
        var vocabulary = new string[r.ReadInt32()];
        for (int i = 0; i < vocabulary.Length; i++)
        {
            vocabulary[i] = r.ReadString();
        }

        var network = WindowNetwork.Read(r);
        var table = new float[vocabulary.Length * network.Dim];
        var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(r.ReadBytes(table.Length * 2));
        if (halves.Length != table.Length)
        {
            throw new EndOfStreamException("window scorer table truncated");
        }

        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)halves[i];
        }

        return new WindowScorer(new WordPieces(vocabulary), table, network, scale);
    }
}
