using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Tagging;

/// <summary>Tags and lemmas of every token of a document (index = document token index), and the words' classes when the model has a class table.</summary>
public sealed record TagPrediction(string[] Upos, string[] Xpos, string[] Lemmas, WordClass[]? Classes = null);
