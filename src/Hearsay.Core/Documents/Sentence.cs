namespace Hearsay.Core.Documents;

/// <summary>A sentence: its tokens and the characters they cover (trailing whitespace excluded).</summary>
public readonly record struct Sentence(TokenRange Tokens, CharRange Range);
