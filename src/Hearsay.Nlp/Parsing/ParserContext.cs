namespace Hearsay.Nlp.Parsing;

/// <summary>
/// The positions and relation classes the transition features read from a configuration (-1 where absent), so that
/// the greedy state and the beam items, which store their configurations differently, share one feature extractor.
/// </summary>
public struct ParserContext
{
    public int S0;
    public int S1;
    public int S2;
    public int B0;
    public int B1;
    public int B2;
    public Attachments S0Kids;
    public Attachments S1Kids;
    public Attachments B0Kids;

    /// <param name="length">Sentence length; the buffer ends with the root at <paramref name="length"/>.</param>
    public static ParserContext Create(int s0, int s1, int s2, int b0, int length, in Attachments s0Kids, in Attachments s1Kids, in Attachments b0Kids) => new()
    {
        S0 = s0,
        S1 = s1,
        S2 = s2,
        B0 = b0,
        B1 = b0 >= 0 && b0 + 1 <= length ? b0 + 1 : -1,
        B2 = b0 >= 0 && b0 + 2 <= length ? b0 + 2 : -1,
        S0Kids = s0Kids,
        S1Kids = s1Kids,
        B0Kids = b0Kids,
    };
}
