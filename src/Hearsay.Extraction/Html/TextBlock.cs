namespace Hearsay.Extraction.Html;

/// <summary>One paragraph of extracted text and the element it came from.</summary>
internal sealed record TextBlock(string Text, int Element, int Letters, int LinkLetters, bool IsHeading);
