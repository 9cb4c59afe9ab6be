namespace Hearsay.Nlp.Parsing;

/// <summary>
/// One sentence as the parser and labeler see it: per-word hashes (with the root as the extra last position) and,
/// once parsed, the heads and the children summaries that label features need. Arrays are reused.
/// </summary>
public sealed class SentenceTree
{
    public ulong[] Words { get; private set; } = new ulong[64];

    public ulong[] Tags { get; private set; } = new ulong[64];

    public ulong[] Upos { get; private set; } = new ulong[64];

    public ulong[] Suffixes { get; private set; } = new ulong[64];

    /// <summary>Sentence-local heads; Length means the root.</summary>
    public int[] Heads { get; private set; } = new int[64];

    public int[] LeftmostChild { get; private set; } = new int[64];

    public int[] RightmostChild { get; private set; } = new int[64];

    public int[] ChildCount { get; private set; } = new int[64];

    /// <summary>The word hash of a function-word child (ADP, SCONJ, "to"), or 0.</summary>
    public ulong[] MarkerChild { get; private set; } = new ulong[64];

    public int Length { get; private set; }

    public void Reset(int length)
    {
        if (Words.Length < length + 1)
        {
            int size = length + 64;
            Words = new ulong[size];
            Tags = new ulong[size];
            Upos = new ulong[size];
            Suffixes = new ulong[size];
            Heads = new int[size];
            LeftmostChild = new int[size];
            RightmostChild = new int[size];
            ChildCount = new int[size];
            MarkerChild = new ulong[size];
        }

        Length = length;
    }

    /// <summary>Fills the children summaries from <see cref="Heads"/>; <paramref name="isMarker"/> tells function words.</summary>
    public void IndexChildren(ReadOnlySpan<bool> isMarker)
    {
        int n = Length;
        for (int i = 0; i <= n; i++)
        {
            LeftmostChild[i] = RightmostChild[i] = -1;
            ChildCount[i] = 0;
            MarkerChild[i] = 0;
        }

        for (int d = 0; d < n; d++)
        {
            int h = Heads[d];
            if (h < 0 || h > n)
            {
                continue;
            }

            ChildCount[h]++;
            if (LeftmostChild[h] < 0 || d < LeftmostChild[h])
            {
                LeftmostChild[h] = d;
            }

            if (d > RightmostChild[h])
            {
                RightmostChild[h] = d;
            }

            if (isMarker[d] && MarkerChild[h] == 0)
            {
                MarkerChild[h] = Words[d];
            }
        }
    }
}
