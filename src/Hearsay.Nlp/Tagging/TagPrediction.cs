namespace Hearsay.Nlp.Tagging;

/// <summary>Tags and lemmas of every token of a document (index = document token index).</summary>
public sealed record TagPrediction(string[] Upos, string[] Xpos, string[] Lemmas);
