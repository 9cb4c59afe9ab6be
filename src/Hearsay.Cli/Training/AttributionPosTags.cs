using Hearsay.Core.Documents;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Training;

/// <summary>
/// Penn tags from the shipped POS tagger for a pre-tokenized attribution unit, so that the
/// attribution tagger trains and is scored on the same tags the pipeline gives it (not the
/// corpus's own CoreNLP tags), with the tagger's distributional word classes.
/// </summary>
public sealed class AttributionPosTags
{
    private readonly PosTagger _tagger = PosTagger.Load();

    private DependencyParser? _parser;

    /// <summary>
    /// Whether prediction feeds the model dependencies (the shipped model was trained with them); HEARSAY_ATTRIBUTION_DEPS=0
    /// leaves them out for a model trained without. The eval and `hearsay attribute` read it alike, so they label alike.
    /// </summary>
    public static bool DependenciesWanted => Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_DEPS") != "0";

    /// <summary>
    /// Penn tags, word classes (the default where the tagger has no table) and, when <paramref name="parse"/>, dependency heads (index within the words, -1 for a root)
    /// and relations from the shipped parser, over sentences cut after a final stop as the pipeline's splitter would.
    /// </summary>
    public (string?[] Pos, int[]? Heads, string?[]? Rels, WordClass[] Classes) Analyze(string[] words, bool parse)
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
        doc.SetSentences(Sentences(words, tokens));
        if (tokens.Length > 0)
        {
            _tagger.Apply(doc, _tagger.Predict(doc, CancellationToken.None));
        }

        var result = new string?[words.Length];
        var classes = new WordClass[words.Length];
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = doc.Tokens[k].Xpos;
            classes[k] = doc.Tokens[k].WordClass;
        }

        if (!parse || tokens.Length == 0)
        {
            return (result, null, null, classes);
        }

        _parser ??= DependencyParser.Load();
        _parser.Apply(doc, _parser.Predict(doc, CancellationToken.None));
        var heads = new int[words.Length];
        var rels = new string?[words.Length];
        for (int k = 0; k < heads.Length; k++)
        {
            heads[k] = doc.Tokens[k].Head;
            rels[k] = doc.Tokens[k].DepRel;
        }

        return (result, heads, rels, classes);
    }

    private static Sentence[] Sentences(string[] words, Token[] tokens)
    {
        var list = new List<Sentence>();
        int start = 0;
        for (int k = 0; k < words.Length; k++)
        {
            bool stop = words[k] is "." or "?" or "!";
            if (stop && k + 1 < words.Length && words[k + 1] is "''" or "\"" or "”")
            {
                k++;
            }

            if ((stop && k + 1 < words.Length) || k == words.Length - 1)
            {
                list.Add(new Sentence(new TokenRange(start, k + 1), new CharRange(tokens[start].Start, tokens[k].End)));
                start = k + 1;
            }
        }

        return [.. list];
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
