namespace Hearsay.Core.Documents;

/// <summary>
/// A word's distributional class at two granularities, from clustering word embeddings (the POS tagger's table):
/// words of one class occur in similar contexts, so a model that has seen some of them can generalize to the
/// others (an unseen speech verb, an evaluation adjective). Classes count from 1; the default value means no class
/// (a word outside the table, or a document not tagged with a table).
/// </summary>
/// <param name="Coarse">The coarse class (1 to the table's coarse count), or 0.</param>
/// <param name="Fine">The fine class (1 to the table's fine count), or 0.</param>
public readonly record struct WordClass(ushort Coarse, ushort Fine)
{
    /// <summary>Whether the word has a class (it is in the table).</summary>
    public bool IsKnown => Coarse != 0;
}
