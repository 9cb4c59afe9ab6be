using Hearsay.Core.Documents;

namespace Hearsay.Core.Articles;

/// <summary>A body paragraph: its range in the article text and its character range in the source input (HTML or text).</summary>
public sealed record ArticleParagraph(CharRange TextRange, CharRange SourceRange);
