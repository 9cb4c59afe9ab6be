namespace Hearsay.Nlp.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence (ID is 1-based; Head 0 is the root, -1 unknown).</summary>
public sealed class ConlluWord
{
    public int Id { get; set; }

    public string Form { get; set; } = "_";

    public string Lemma { get; set; } = "_";

    public string Upos { get; set; } = "_";

    public string Xpos { get; set; } = "_";

    public string Feats { get; set; } = "_";

    public int Head { get; set; } = -1;

    public string DepRel { get; set; } = "_";

    public string Deps { get; set; } = "_";

    public string Misc { get; set; } = "_";

    /// <summary>Whether MISC says SpaceAfter=No.</summary>
    public bool NoSpaceAfter => Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}
