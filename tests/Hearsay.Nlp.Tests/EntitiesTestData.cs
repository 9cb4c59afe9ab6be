using System.Text.RegularExpressions;
using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Tests;

/// <summary>Finds ../shared and builds documents by hand for the entity tests (no tokenizer dependency).</summary>
internal static partial class EntitiesTestData
{
    public static string? SharedRoot() => SharedData.TryRoot;

    /// <summary>A document whose tokens are runs of letters/digits (with inner - and .), possessive 's or single other characters; one sentence per line.</summary>
    public static Document Tokenize(string text)
    {
        var doc = new Document(text);
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(text))
        {
            tokens.Add(new Token(new CharRange(m.Index, m.Index + m.Length), 0));
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            int next = i + 1 < tokens.Count ? tokens[i + 1].Start : text.Length;
            var t = tokens[i];
            t.WhitespaceLength = next - t.End;
            tokens[i] = t;
        }

        var arr = tokens.ToArray();
        doc.SetTokens(arr);
        var sentences = new List<Sentence>();
        int start = 0;
        for (int i = 0; i < arr.Length; i++)
        {
            bool lineEnd = text.AsSpan(arr[i].End, arr[i].WhitespaceLength).Contains('\n');
            bool stop = text[arr[i].Start] is '.' or '?' or '!' && arr[i].Range.Length == 1;
            if (lineEnd || stop || i == arr.Length - 1)
            {
                sentences.Add(new Sentence(new TokenRange(start, i + 1), new CharRange(arr[start].Start, arr[i].End)));
                start = i + 1;
            }
        }

        doc.SetSentences([.. sentences]);
        return doc;
    }

    [GeneratedRegex(@"[’']s\b|[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*|\S")]
    private static partial Regex TokenPattern();
}
