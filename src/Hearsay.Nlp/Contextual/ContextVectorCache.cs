using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hearsay.Nlp.Contextual;

/// <summary>
/// Encodes a training corpus's sentences once and keeps the vectors on disk (float16), keyed by the encoder and the
/// exact word lists: encoding EWT's 204k training words takes minutes, and every experiment over the same corpus
/// would otherwise pay it again. A cache file whose shape does not match is ignored and rewritten.
/// </summary>
public static class ContextVectorCache
{
    private const int Magic = 0x31564348; // "HCV1"

    /// <summary>
    /// The vectors of every sentence (words x <see cref="ContextEncoder.Dimension"/>, row-major), from the cache when
    /// present; the directory (when not given) is HEARSAY_CONTEXT_CACHE when set, else hearsay-context under the temporary folder.
    /// </summary>
    public static float[][] Encode(ContextEncoder encoder, IReadOnlyList<IReadOnlyList<string>> sentences, TextWriter log, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(log);
        directory ??= Environment.GetEnvironmentVariable("HEARSAY_CONTEXT_CACHE") is { Length: > 0 } d
            ? d
            : Path.Combine(Path.GetTempPath(), "hearsay-context");
        var path = Path.Combine(directory, KeyOf(sentences) + ".hcv");
        if (TryRead(path, sentences) is { } cached)
        {
            log.WriteLine($"context vectors: {sentences.Count} sentences from {path}");
            return cached;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var vectors = new float[sentences.Count][];
        long words = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            vectors[s] = encoder.Encode(sentences[s]);

            // As the cache will give them back: a trainer then learns the same model whether the cache was cold or warm.
            for (int i = 0; i < vectors[s].Length; i++)
            {
                vectors[s][i] = (float)(Half)vectors[s][i];
            }

            words += sentences[s].Count;
            if ((s + 1) % 2000 == 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"context vectors: {s + 1}/{sentences.Count} sentences, {words / clock.Elapsed.TotalSeconds:F0} words/s"));
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"context vectors: {sentences.Count} sentences, {words} words encoded in {clock.Elapsed.TotalSeconds:F0}s"));

        Write(path, vectors);
        return vectors;
    }

    private static string KeyOf(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ContextEncoder.SourceName));
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(word));
                hash.AppendData("\u0001"u8);
            }

            hash.AppendData("\u0002"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..32].ToLowerInvariant();
    }

    private static float[][]? TryRead(string path, IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != sentences.Count || reader.ReadInt32() != ContextEncoder.Dimension)
            {
                return null;
            }

            var vectors = new float[sentences.Count][];
            var buffer = new byte[2 * ContextEncoder.Dimension * 64];
            for (int s = 0; s < sentences.Count; s++)
            {
                int count = reader.ReadInt32();
                if (count != sentences[s].Count * ContextEncoder.Dimension)
                {
                    return null;
                }

                var row = new float[count];
                if (buffer.Length < 2 * count)
                {
                    buffer = new byte[2 * count];
                }

                reader.BaseStream.ReadExactly(buffer, 0, 2 * count);
                var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(buffer.AsSpan(0, 2 * count));
                for (int i = 0; i < count; i++)
                {
                    row[i] = (float)halves[i];
                }

                vectors[s] = row;
            }

            return vectors;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static void Write(string path, float[][] vectors)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(vectors.Length);
            writer.Write(ContextEncoder.Dimension);
            foreach (var row in vectors)
            {
                writer.Write(row.Length);
                foreach (float v in row)
                {
                    writer.Write((Half)v);
                }
            }
        }

        // Concurrent trainers may write the same key; the move is atomic, and both files are identical.
        File.Move(temporary, path, overwrite: true);
    }
}
