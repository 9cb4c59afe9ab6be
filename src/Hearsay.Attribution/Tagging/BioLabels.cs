namespace Hearsay.Attribution.Tagging;

/// <summary>
/// The seven BIO labels over <see cref="AttributionRole"/>, as small integers for the tagger:
/// 0 = O, then B/I for source, cue and content. Names follow PolNeAR's sentence files.
/// </summary>
public static class BioLabels
{
    public const int Count = 7;

    public const int Outside = 0;

    private static readonly string[] Names = ["O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content"];

    public static string Name(int label) => Names[label];

    public static int Begin(AttributionRole role) => 1 + (2 * (int)role);

    public static int Inside(AttributionRole role) => 2 + (2 * (int)role);

    public static bool IsBegin(int label) => label > 0 && label % 2 == 1;

    public static AttributionRole? RoleOf(int label) => label == 0 ? null : (AttributionRole)((label - 1) / 2);

    /// <summary>Parses a label name; unknown names are null so callers can report the input.</summary>
    public static int? Parse(string name)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (I-x only continues x).</summary>
    public static bool Allowed(int previous, int next)
    {
        if (next == 0 || IsBegin(next))
        {
            return true;
        }

        return previous != 0 && RoleOf(previous) == RoleOf(next);
    }

    /// <summary>Spans of one role as token ranges [start, end), read from a BIO sequence (a stray I- starts a span).</summary>
    public static List<(int Start, int End)> Spans(ReadOnlySpan<int> labels, AttributionRole role)
    {
        var spans = new List<(int, int)>();
        int b = Begin(role), ins = Inside(role);
        int start = -1;
        for (int i = 0; i <= labels.Length; i++)
        {
            int l = i < labels.Length ? labels[i] : 0;
            if (start >= 0 && l != ins)
            {
                spans.Add((start, i));
                start = -1;
            }

            if (l == b || (l == ins && start < 0))
            {
                start = i;
            }
        }

        return spans;
    }
}
