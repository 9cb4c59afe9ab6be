using Hearsay.Core.Documents;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Training;

/// <summary>
/// Penn tags from the shipped POS tagger for a pre-tokenized attribution unit, so that the
/// attribution tagger trains and is scored on the same tags the pipeline gives it (not the
/// corpus's own CoreNLP tags).
/// </summary>
public sealed class AttributionPosTags
{
    private readonly PosTagger _tagger = PosTagger.Load();

    public string?[] Tag(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = new System.Text.StringBuilder();
        var tokens = new Token[words.Length];
        for (int k = 0; k < words.Length; k++)
        {
            int start = text.Length;
            text.Append(Unescape(words[k]));
            tokens[k] = new Token(new CharRange(start, text.Length), k + 1 < words.Length ? 1 : 0);
            if (k + 1 < words.Length)
            {
                text.Append(' ');
            }
        }

        var doc = new Document(text.ToString());
        doc.SetTokens(tokens);
        doc.SetSentences([new Sentence(new TokenRange(0, tokens.Length), new CharRange(0, text.Length))]);
        if (tokens.Length > 0)
        {
            _tagger.Apply(doc, _tagger.Predict(doc, CancellationToken.None));
        }

        var result = new string?[words.Length];
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = doc.Tokens[k].Xpos;
        }

        return result;
    }

    private static string Unescape(string w) => w switch
    {
        "``" or "''" => "\"",
        "-LRB-" => "(",
        "-RRB-" => ")",
        "" => "_",
        _ => w,
    };
}
