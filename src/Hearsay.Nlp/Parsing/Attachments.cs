namespace Hearsay.Nlp.Parsing;

/// <summary>
/// What a word has collected as a head so far: its two outermost children on each side with their relation classes,
/// the number of children and the set of relations per side, and its leftmost function-word child. The greedy state keeps one per word; the
/// beam keeps one per stack node, copied on change, so that beam items share what they did not change.
/// </summary>
public struct Attachments
{
    public int Left1;
    public int Left2;
    public int Right1;
    public int Right2;
    public int Left1Label;
    public int Left2Label;
    public int Right1Label;
    public int Right2Label;
    public int LeftCount;
    public int RightCount;
    public int Marker;

    /// <summary>Sets of the relation classes of the left and right children (bit <c>label % 64</c>).</summary>
    public ulong LeftLabels;
    public ulong RightLabels;

    public static Attachments None => new()
    {
        Left1 = -1, Left2 = -1, Right1 = -1, Right2 = -1,
        Left1Label = -1, Left2Label = -1, Right1Label = -1, Right2Label = -1,
        Marker = -1,
    };

    /// <summary>Records dependent <paramref name="d"/> of head <paramref name="h"/> with relation class <paramref name="label"/>;
    /// <paramref name="marker"/>: the dependent is a function word (ADP, SCONJ, "to") that label features look for.</summary>
    public void Add(int h, int d, int label, bool marker)
    {
        if (marker && (Marker < 0 || d < Marker))
        {
            Marker = d;
        }

        ulong bit = label < 0 ? 0 : 1UL << (label & 63);
        if (d < h)
        {
            LeftLabels |= bit;
            LeftCount++;
            if (Left1 < 0 || d < Left1)
            {
                (Left2, Left2Label) = (Left1, Left1Label);
                (Left1, Left1Label) = (d, label);
            }
            else if (Left2 < 0 || d < Left2)
            {
                (Left2, Left2Label) = (d, label);
            }
        }
        else
        {
            RightLabels |= bit;
            RightCount++;
            if (Right1 < 0 || d > Right1)
            {
                (Right2, Right2Label) = (Right1, Right1Label);
                (Right1, Right1Label) = (d, label);
            }
            else if (Right2 < 0 || d > Right2)
            {
                (Right2, Right2Label) = (d, label);
            }
        }
    }
}
