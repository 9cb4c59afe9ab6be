using System.Globalization;
using Hearsay.Core.Learning;
using Hearsay.Nlp.Entities;

namespace Hearsay.Cli.Training;

/// <summary>
/// The NER trainers' <c>--data</c> list (models/ner/README.md), read once for <c>train ner</c> and
/// <c>train ner-context</c>: IOB/CoNLL files or a GUM <c>dep</c> folder are training sources ("xN:PATH" shows one N
/// times per epoch), "gaz:PATH" only feeds the gazetteer, "minilm:PATH" names the MiniLM model for word classes and
/// vectors.
/// </summary>
internal sealed class NerDataSpec
{
    public List<LabeledSentence> Train { get; } = [];

    /// <summary>How many times per epoch each training sentence is shown.</summary>
    public List<int> Repeats { get; } = [];

    /// <summary>The number of training sentences after each training source, in order.</summary>
    public List<int> SourceEnds { get; } = [];

    public List<LabeledSentence> GazetteerOnly { get; } = [];

    /// <summary>The "minilm:" path, or null.</summary>
    public string? MiniLm { get; private set; }

    /// <exception cref="CliException">A source is missing or malformed, or no training sentence was found.</exception>
    public static NerDataSpec Read(string data, TextWriter log)
    {
        var spec = new NerDataSpec();
        foreach (var source in data.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (source.StartsWith("minilm:", StringComparison.Ordinal))
            {
                spec.MiniLm = source[7..];
            }
            else if (source.StartsWith("gaz:", StringComparison.Ordinal))
            {
                spec.GazetteerOnly.AddRange(Load(source[4..], log));
            }
            else
            {
                int times = 1;
                var path = source;
                if (source.Length > 3 && source[0] == 'x' && source.IndexOf(':', StringComparison.Ordinal) is int colon and > 1
                    && int.TryParse(source.AsSpan(1, colon - 1), CultureInfo.InvariantCulture, out int n) && n >= 1)
                {
                    times = n;
                    path = source[(colon + 1)..];
                }

                var loaded = Load(path, log);
                spec.Train.AddRange(loaded);
                spec.Repeats.AddRange(Enumerable.Repeat(times, loaded.Count));
                spec.SourceEnds.Add(spec.Train.Count);
            }
        }

        if (spec.Train.Count == 0)
        {
            throw new CliException($"--data '{data}': no training sentences found.");
        }

        return spec;
    }

    /// <summary>Word classes from the "minilm:" source, or null when there is none.</summary>
    public WordClusters? Clusters(int seed, TextWriter log) => MiniLm is null ? null : FromMiniLm(() => WordClusters.FromMiniLm(MiniLm, seed, log));

    /// <summary>The MiniLM static word vectors, or null when there is no "minilm:" source.</summary>
    public WordEmbeddings? Embeddings() => MiniLm is null ? null : FromMiniLm(() => WordEmbeddings.FromMiniLm(MiniLm));

    /// <summary>One IOB/CoNLL file or GUM folder; <paramref name="option"/> names the option it came from in errors.</summary>
    public static List<LabeledSentence> Load(string source, TextWriter log, string option = "--data")
    {
        try
        {
            return NerCorpus.Load(source, log);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException or DirectoryNotFoundException)
        {
            throw new CliException($"{option} '{source}': {e.Message}", e);
        }
    }

    private T FromMiniLm<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or DirectoryNotFoundException)
        {
            throw new CliException($"--data 'minilm:{MiniLm}': {e.Message}", e);
        }
    }
}
