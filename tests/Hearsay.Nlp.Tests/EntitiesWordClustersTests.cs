using System.Text;
using Hearsay.Nlp.Entities;

namespace Hearsay.Nlp.Tests;

public class EntitiesWordClustersTests
{
    /// <summary>A file laid out like the MiniLM ONNX model: a TensorProto header, its raw floats, and a BERT vocabulary.</summary>
    private static string FakeModel(int rows, int cols, Func<int, int, float> value, IReadOnlyList<string> vocab)
    {
        var ms = new MemoryStream();
        ms.Write("some graph bytes \n!embeddings.word_embeddings.weight"u8); // a node input naming the table, as in the real graph
        ms.WriteByte(0x08);
        WriteVarint(ms, rows);
        ms.WriteByte(0x08);
        WriteVarint(ms, cols);
        ms.Write([0x10, 0x01, 0x42, 0x21]);
        ms.Write("embeddings.word_embeddings.weight"u8);
        ms.WriteByte(0x4A);
        WriteVarint(ms, rows * cols * 4);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                ms.Write(BitConverter.GetBytes(value(r, c)));
            }
        }

        ms.Write("\x00\x01"u8);
        ms.Write(Encoding.UTF8.GetBytes(string.Join("\r\n", vocab) + "\r\n"));
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-minilm-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, ms.ToArray());
        return path;
    }

    private static void WriteVarint(Stream s, long v)
    {
        while (v >= 0x80)
        {
            s.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        s.WriteByte((byte)v);
    }

    [Fact]
    public void Reads_the_table_and_vocabulary_and_gives_equal_vectors_one_class()
    {
        const int rows = 1100, cols = 24;
        var vocab = new List<string> { "[PAD]", "[unused0]", "##ing", "paris", "london" };
        while (vocab.Count < rows)
        {
            int k = vocab.Count;
            vocab.Add("w" + (char)('a' + (k % 26)) + (char)('a' + (k / 26 % 26)) + (char)('a' + (k / 676))); // letters only: digits fold together
        }

        // paris and london share a vector; the rest are pseudo-random.
        var rng = new Random(7);
        var table = new float[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                table[r, c] = r == 4 ? table[3, c] : (float)rng.NextDouble() - 0.5f;
            }
        }

        var path = FakeModel(rows, cols, (r, c) => table[r, c], vocab);
        try
        {
            var clusters = WordClusters.FromMiniLm(path, 1, TextWriter.Null);
            clusters.Count.ShouldBe(rows - 3); // [PAD], [unused0] and the ##piece are not words
            clusters.ClassOf("Paris").ShouldBeGreaterThan(0);
            clusters.ClassOf("London").ShouldBe(clusters.ClassOf("paris"));
            clusters.ClassOf("ing").ShouldBe(0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_without_the_table_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-minilm-{Guid.NewGuid():N}.bin");
        File.WriteAllText(path, "not a model");
        try
        {
            Should.Throw<InvalidDataException>(() => WordClusters.FromMiniLm(path, 1, TextWriter.Null)).Message.ShouldContain(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
