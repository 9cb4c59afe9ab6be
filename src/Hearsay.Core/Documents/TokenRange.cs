namespace Hearsay.Core.Documents;

/// <summary>A 0-based, end-exclusive range of token indices in a document.</summary>
public readonly record struct TokenRange
{
    public TokenRange(int start, int end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid token range [{start}, {end}).");
        }

        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => End == Start;

    public bool Contains(int index) => index >= Start && index < End;

    public override string ToString() => $"[{Start},{End})";
}
