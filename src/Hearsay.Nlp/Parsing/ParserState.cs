namespace Hearsay.Nlp.Parsing;

/// <summary>
/// Configuration of the arc-hybrid transition system for one sentence of <see cref="Length"/> words; the root is
/// the extra position <see cref="Length"/>, at the end of the buffer. Arrays are reused across sentences.
/// </summary>
public sealed class ParserState
{
    public const int Shift = 0;
    public const int Left = 1;
    public const int Right = 2;
    public const int ActionCount = 3;

    private int[] _stack = new int[64];
    private int[] _heads = new int[64];
    private Attachments[] _kids = new Attachments[64];
    private int[] _labels = new int[64];

    public int Length { get; private set; }

    public int StackSize { get; private set; }

    /// <summary>First buffer position; equals <see cref="Length"/> (the root) when only the root is left.</summary>
    public int Buffer { get; private set; }

    public bool IsTerminal => Buffer == Length && StackSize == 0;

    /// <summary>Head of each word (Length = root), -1 when not yet attached.</summary>
    public ReadOnlySpan<int> Heads => _heads.AsSpan(0, Length);

    public void Reset(int length)
    {
        if (_stack.Length < length + 2)
        {
            int size = length + 64;
            _stack = new int[size];
            _heads = new int[size];
            _kids = new Attachments[size];
            _labels = new int[size];
        }

        Length = length;
        StackSize = 0;
        Buffer = 0;
        for (int i = 0; i <= length; i++)
        {
            _heads[i] = -1;
            _kids[i] = Attachments.None;
            _labels[i] = -1;
        }
    }

    /// <summary>The i-th item from the stack top (0 = top), or -1.</summary>
    public int Stack(int i) => i < StackSize ? _stack[StackSize - 1 - i] : -1;

    /// <summary>The i-th buffer position (the root counts as the last), or -1 past it.</summary>
    public int BufferAt(int i) => Buffer + i <= Length ? Buffer + i : -1;

    public int LeftChild(int w) => w < 0 ? -1 : _kids[w].Left1;

    public int LeftChild2(int w) => w < 0 ? -1 : _kids[w].Left2;

    public int RightChild(int w) => w < 0 ? -1 : _kids[w].Right1;

    public int RightChild2(int w) => w < 0 ? -1 : _kids[w].Right2;

    /// <summary>What word <paramref name="w"/> has collected as a head (<see cref="Attachments.None"/> for -1).</summary>
    public Attachments KidsOf(int w) => w < 0 ? Attachments.None : _kids[w];

    /// <summary>The view the transition features read.</summary>
    public ParserContext Context()
    {
        int s0 = Stack(0), s1 = Stack(1), b0 = BufferAt(0);
        return ParserContext.Create(s0, s1, Stack(2), b0, Length, KidsOf(s0), KidsOf(s1), KidsOf(b0));
    }

    /// <summary>Relation class given to <paramref name="w"/> when it was attached, or -1.</summary>
    public int Label(int w) => w < 0 ? -1 : _labels[w];

    /// <summary>Leftmost function-word child (see <see cref="Apply(int, int, bool)"/>), or -1.</summary>
    public int MarkerChild(int w) => w < 0 ? -1 : _kids[w].Marker;

    /// <summary>The (head, dependent) pair an arc action would create, or (-1, -1) for a shift.</summary>
    public (int Head, int Dependent) ArcOf(int action) => action switch
    {
        Left => (Buffer, Stack(0)),
        Right => (Stack(1), Stack(0)),
        _ => (-1, -1),
    };

    public int LeftValency(int w) => w < 0 ? 0 : _kids[w].LeftCount;

    public int RightValency(int w) => w < 0 ? 0 : _kids[w].RightCount;

    public bool IsValid(int action) => action switch
    {
        Shift => Buffer < Length,
        Left => StackSize > 0 && (Buffer < Length || StackSize == 1),
        Right => StackSize > 1,
        _ => false,
    };

    /// <summary>Applies an action; an arc gets relation class <paramref name="label"/>; <paramref name="marker"/> tells
    /// whether the dependent is a function word (ADP, SCONJ, "to") that label features look for.</summary>
    public void Apply(int action, int label = -1, bool marker = false)
    {
        switch (action)
        {
            case Shift:
                _stack[StackSize++] = Buffer++;
                break;
            case Left:
                Attach(Buffer, _stack[--StackSize], label, marker);
                break;
            default:
                int d = _stack[--StackSize];
                Attach(_stack[StackSize - 1], d, label, marker);
                break;
        }
    }

    private void Attach(int h, int d, int label, bool marker)
    {
        _heads[d] = h;
        _labels[d] = label;
        _kids[h].Add(h, d, label, marker);
    }

    /// <summary>
    /// Dynamic-oracle cost of <paramref name="action"/>: gold arcs it makes unreachable (Goldberg and Nivre 2013,
    /// arc-hybrid). <paramref name="gold"/> holds gold heads with <see cref="Length"/> for the root; trees must be projective.
    /// </summary>
    public int Cost(int action, ReadOnlySpan<int> gold)
    {
        int n = Length;
        int cost = 0;
        if (action == Shift)
        {
            int b = Buffer;
            int s0 = Stack(0);
            for (int k = 0; k < StackSize; k++)
            {
                int d = _stack[k];
                if (gold[d] == b)
                {
                    cost++;
                }

                if (gold[b] == d && d != s0)
                {
                    cost++;
                }
            }

            return cost;
        }

        int top = Stack(0);

        // Dependents of s0 still in the buffer are lost either way.
        for (int d = Buffer; d < n; d++)
        {
            if (gold[d] == top)
            {
                cost++;
            }
        }

        int h = gold[top];
        if (action == Left)
        {
            if (h != Buffer && (h == Stack(1) || h > Buffer))
            {
                cost++;
            }
        }
        else if (h >= Buffer)
        {
            cost++;
        }

        return cost;
    }
}
