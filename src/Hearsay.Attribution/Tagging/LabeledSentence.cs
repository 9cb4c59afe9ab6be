using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tagging;

/// <summary>One sentence as the tagger sees it: token strings, optional Penn tags, BIO labels (gold or predicted), optional dependencies and word classes.</summary>
public sealed record LabeledSentence(string Id, string[] Tokens, string?[]? Pos, int[] Labels, int[]? Heads = null, string?[]? Rels = null, WordClass[]? Classes = null);
