namespace Hearsay.Core.Documents;

/// <summary>Text and tokens for words that arrive already tokenized (corpus files): one space between words.</summary>
public static class PretokenizedText
{
    /// <summary>Builds the text and its tokens; <paramref name="pos"/>, when given, fills each token's XPOS.</summary>
    public static (string Text, Token[] Tokens) Join(IReadOnlyList<string> words, IReadOnlyList<string?>? pos = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var toks = new Token[words.Count];
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < words.Count; i++)
        {
            int start = sb.Length;
            sb.Append(words[i]);
            int ws = i + 1 < words.Count ? 1 : 0;
            toks[i] = new Token(new CharRange(start, sb.Length), ws) { Xpos = pos?[i] };
            if (ws == 1)
            {
                sb.Append(' ');
            }
        }

        return (sb.ToString(), toks);
    }
}
