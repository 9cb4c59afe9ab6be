namespace Hearsay.Nlp.Entities;

/// <summary>
/// Word classes for the tagger: the whole-word entries of MiniLM's (all-MiniLM-L6-v2, Apache-2.0) static
/// input embedding table, grouped by spherical k-means at two granularities. They carry what the small
/// NER corpora cannot: that "philadelphia" is like "miami" and "mozilla" like "google". Only the table is
/// used, no transformer runs. Keys are <see cref="NerFeatureExtractor.LowerHash"/> of the word.
/// </summary>
public sealed class WordClusters
{
    public const int Coarse = 64;
    public const int Fine = 512;

    internal WordClusters(Dictionary<ulong, ushort> classes)
    {
        Classes = classes;
    }

    /// <summary>Word hash to (coarse class * Fine + fine class) + 1.</summary>
    internal Dictionary<ulong, ushort> Classes { get; }

    public int Count => Classes.Count;

    /// <summary>The word's class (coarse * Fine + fine + 1), or 0 for a word outside the table.</summary>
    public int ClassOf(string word) => Classes.TryGetValue(NerFeatureExtractor.LowerHash(word), out ushort c) ? c : 0;

    /// <summary>Reads the MiniLM embedding table and clusters its words (the shared <see cref="Learning.WordClasses"/> computation, keyed by the NER hash).</summary>
    public static WordClusters FromMiniLm(string path, int seed, TextWriter log) =>
        new(Learning.WordClasses.Compute(path, seed, log, w => NerFeatureExtractor.LowerHash(w)));
}
