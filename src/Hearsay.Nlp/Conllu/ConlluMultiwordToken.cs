namespace Hearsay.Nlp.Conllu;

/// <summary>A surface token spanning words <see cref="First"/>..<see cref="Last"/> ("don't" = "do" + "n't").</summary>
public sealed record ConlluMultiwordToken(int First, int Last, string Form, string Misc)
{
    public bool NoSpaceAfter => Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}
