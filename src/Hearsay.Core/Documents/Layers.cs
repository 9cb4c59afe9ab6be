namespace Hearsay.Core.Documents;

/// <summary>Annotation layers a document can carry; stages declare which they require and provide.</summary>
[Flags]
public enum Layers
{
    None = 0,
    Text = 1 << 0,
    Language = 1 << 1,
    Tokens = 1 << 2,
    Sentences = 1 << 3,
    PartOfSpeech = 1 << 4,
    Lemmas = 1 << 5,
    Dependencies = 1 << 6,
    Mentions = 1 << 7,
    Entities = 1 << 8,
    TimeExpressions = 1 << 9,
    DocumentDate = 1 << 10,
    Attributions = 1 << 11,

    /// <summary>Distributional word classes on the tokens (<see cref="Token.WordClass"/>).</summary>
    WordClasses = 1 << 12,

    /// <summary>Contextual vectors of the tokens from a pretrained encoder (<see cref="Document.ContextVectors"/>); the accurate mode's input.</summary>
    ContextVectors = 1 << 13,
}
