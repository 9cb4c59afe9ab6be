namespace Hearsay.Nlp.Parsing;

/// <summary>
/// One sentence as the parser sees it: per-word hashes (with the root as the extra last position) and, once
/// parsed, the sentence-local heads. Arrays are reused across sentences.
/// </summary>
public sealed class SentenceTree
{
    public ulong[] Words { get; private set; } = new ulong[64];

    public ulong[] Tags { get; private set; } = new ulong[64];

    public ulong[] Upos { get; private set; } = new ulong[64];

    public ulong[] Suffixes { get; private set; } = new ulong[64];

    /// <summary>Sentence-local heads; Length means the root.</summary>
    public int[] Heads { get; private set; } = new int[64];

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
        }

        Length = length;
    }
}
