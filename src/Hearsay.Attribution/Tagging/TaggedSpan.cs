using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tagging;

/// <summary>A span the tagger labelled: its role, sentence index and document token range.</summary>
public readonly record struct TaggedSpan(AttributionRole Role, int Sentence, TokenRange Tokens);
