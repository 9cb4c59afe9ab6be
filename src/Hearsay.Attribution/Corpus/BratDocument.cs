namespace Hearsay.Attribution.Corpus;

/// <summary>A PolNeAR article as one annotator saw it: its text, which annotator, and the attributions.</summary>
public sealed record BratDocument(string Name, string Annotator, string Text, IReadOnlyList<BratAttribution> Attributions);
