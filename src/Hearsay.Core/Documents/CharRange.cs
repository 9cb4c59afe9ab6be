namespace Hearsay.Core.Documents;

/// <summary>A 0-based, end-exclusive range of UTF-16 positions in a document's <c>Text</c>.</summary>
public readonly record struct CharRange
{
    public CharRange(int start, int end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid char range [{start}, {end}).");
        }

        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => End == Start;

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(CharRange other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the ranges share at least one character (an empty range overlaps nothing).</summary>
    public bool Overlaps(CharRange other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    /// <summary>Characters shared by both ranges (0 when disjoint).</summary>
    public int OverlapLength(CharRange other) => Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));

    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, Length);

    public string Substring(string text) => text.Substring(Start, Length);

    public static CharRange Cover(CharRange a, CharRange b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    public override string ToString() => $"[{Start},{End})";
}
