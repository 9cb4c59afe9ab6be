namespace Hearsay.Nlp.Parsing;

/// <summary>Head (document-level token index, -1 for the root) and UD relation of every token.</summary>
public sealed record ParsePrediction(int[] Heads, string[] Relations);
