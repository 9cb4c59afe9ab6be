using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Corpus;

/// <summary>One annotated attribution of a brat document: each role as its (possibly discontinuous) character fragments.</summary>
public sealed record BratAttribution(string Id, IReadOnlyList<CharRange> Source, IReadOnlyList<CharRange> Cue, IReadOnlyList<CharRange> Content);
