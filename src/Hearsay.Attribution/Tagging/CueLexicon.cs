using System.Runtime.CompilerServices;

namespace Hearsay.Attribution.Tagging;

/// <summary>
/// How often each (normalized) word was part of a cue in training: the tagger's strongest
/// long-range signal, because content and source are placed relative to the cue.
/// </summary>
public sealed class CueLexicon
{
    private readonly Dictionary<string, float> _ratio;

    public CueLexicon(Dictionary<string, float> ratio) => _ratio = ratio;

    public IReadOnlyDictionary<string, float> Ratios => _ratio;

    /// <summary>Counts cue use per word; keeps words seen at least <paramref name="minCount"/> times as a cue in at least 5% of uses.</summary>
    public static CueLexicon Build(IEnumerable<LabeledSentence> sentences, int minCount = 3)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var cue = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Tokens.Length; i++)
            {
                var w = WordNormalizer.Normalize(s.Tokens[i]);
                total[w] = total.GetValueOrDefault(w) + 1;
                if (BioLabels.RoleOf(s.Labels[i]) == AttributionRole.Cue)
                {
                    cue[w] = cue.GetValueOrDefault(w) + 1;
                }
            }
        }

        var ratio = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (w, c) in cue)
        {
            float r = (float)c / total[w];
            if (c >= minCount && r >= 0.05f)
            {
                ratio[w] = r;
            }
        }

        return new CueLexicon(ratio);
    }

    /// <summary>"H", "M", "L" for strong, medium and weak cue words; null otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Bucket(string normalized)
    {
        if (!_ratio.TryGetValue(normalized, out var r))
        {
            return null;
        }

        return r >= 0.5f ? "H" : r >= 0.25f ? "M" : "L";
    }
}
