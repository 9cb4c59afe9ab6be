namespace Hearsay.Attribution.Tagging;

/// <summary>One sentence as the tagger sees it: token strings, optional Penn tags, and BIO labels (gold or predicted).</summary>
public sealed record LabeledSentence(string Id, string[] Tokens, string?[]? Pos, int[] Labels, int[]? Heads = null, string?[]? Rels = null);
