using System.Text;
using CsCheck;
using Hearsay.Attribution.Corpus;

namespace Hearsay.Attribution.Tests;

public class NewsTokenizerTests
{
    private static string[] Words(string text) => NewsTokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Range.Length)).ToArray();

    [Fact]
    public void SplitsClitics_Punctuation_AndKeepsAbbreviations()
    {
        Words("Mr. Smith didn't say the U.S. plan “works,” officials said.")
            .ShouldBe(["Mr.", "Smith", "did", "n't", "say", "the", "U.S.", "plan", "“", "works", ",", "”", "officials", "said", "."]);
    }

    [Fact]
    public void SplitsPossessiveAndDashes()
    {
        Words("Iran’s agency—the main one--said").ShouldBe(["Iran", "’s", "agency", "—", "the", "main", "one", "--", "said"]);
    }

    [Fact]
    public void TokensRejoinToTheText()
    {
        Gen.String[Gen.Char["ab .,'’“”—\n-"], 0, 60].Sample(text =>
        {
            var tokens = NewsTokenizer.Tokenize(text);
            var sb = new StringBuilder();
            int lead = tokens.Length == 0 ? text.Length : tokens[0].Start;
            sb.Append(text, 0, lead);
            foreach (var t in tokens)
            {
                sb.Append(text, t.Start, t.Range.Length + t.WhitespaceLength);
            }

            return sb.ToString() == text && tokens.All(t => t.Range.Length > 0);
        });
    }

    [Fact]
    public void SentencesEndAtStopsAndLineBreaks()
    {
        var doc = NewsTokenizer.Analyze("Allies say he left. Officials deny it.\nA new line starts here");
        doc.Sentences.Count.ShouldBe(3);
        doc.Slice(doc.Sentences[1].Range).ShouldBe("Officials deny it.");
    }
}
