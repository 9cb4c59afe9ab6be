using System.Text.Json;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Conllu;

namespace Hearsay.Cli.Tests;

/// <summary>
/// `hearsay parse` is what the CoNLL 2018 scorer is run on, so its file has to score as `hearsay eval parser` does on
/// the same sentences, from gold tokens and (with --raw) from the '# text' lines.
/// </summary>
[Collection("cli")]
public class ParseCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Parse_OutputScoresAsTheEvaluationDoes(bool raw)
    {
        var source = Path.Combine(TestPaths.Shared, "corpora", "ud-ewt", "en_ewt-ud-dev.conllu");
        var dir = Directory.CreateTempSubdirectory("hearsay-parse-");
        try
        {
            // EWT text stays out of the repository: the first 300 sentences of the shared dev file, copied at test time.
            var input = Path.Combine(dir.FullName, "in.conllu");
            File.WriteAllLines(input, FirstSentences(source, 300));

            var output = Path.Combine(dir.FullName, "out.conllu");
            var args = raw ? new[] { "parse", "--input", input, "--output", output, "--raw" } : ["parse", "--input", input, "--output", output];
            var (exit, _, err) = await CliRun.Invoke(args);
            exit.ShouldBe(0, err);
            var (evalExit, evalOut, evalErr) = await CliRun.Invoke("eval", "parser", "--data", input, "--json");
            evalExit.ShouldBe(0, evalErr);

            var gold = ConlluDocuments.GroupByDocument(ConlluReader.ReadFile(input));
            var predicted = ConlluDocuments.GroupByDocument(ConlluReader.ReadFile(output));
            predicted.Count.ShouldBe(gold.Count);
            var scores = new SyntaxScores();
            for (int d = 0; d < gold.Count; d++)
            {
                if (raw)
                {
                    var goldText = ConlluDocuments.FromRawText(gold[d]);
                    scores.AddRaw(goldText, Analysed(predicted[d], goldText.Text), parsed: true);
                }
                else
                {
                    scores.AddGoldTokens(gold[d], Analysed(predicted[d], null), parsed: true);
                }
            }

            using var report = JsonDocument.Parse(evalOut);
            report.RootElement.GetProperty("loadSeconds").GetDouble().ShouldBeGreaterThan(0);
            report.RootElement.GetProperty("wordsPerCpuSecond").GetDouble().ShouldBeGreaterThan(0);
            report.RootElement.GetProperty("wordsPerSecond").GetDouble().ShouldBeGreaterThan(0);
            var expected = raw ? report.RootElement.GetProperty("raw") : report.RootElement;
            foreach (var (key, value) in scores.ToMetrics(parsed: true, raw))
            {
                ((double)value).ShouldBe(expected.GetProperty(key).GetDouble(), 1e-9, key);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The lines of the first <paramref name="count"/> sentences, each ended by its blank line.</summary>
    internal static IEnumerable<string> FirstSentences(string path, int count)
    {
        foreach (var line in File.ReadLines(path))
        {
            yield return line;
            if (line.Length == 0 && --count == 0)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The verb's analysis as a document: its words at their character offsets in <paramref name="rawText"/> (found in
    /// order, skipping whitespace, as the CoNLL scorer aligns), or on the gold words when no text is given.
    /// </summary>
    private static Document Analysed(IReadOnlyList<ConlluSentence> sentences, string? rawText)
    {
        var doc = rawText is null ? ConlluDocuments.FromGoldTokens(sentences) : new Document(rawText);
        var tokens = new List<Token>();
        int p = 0, t = 0;
        foreach (var s in sentences)
        {
            int first = t;
            foreach (var w in s.Words)
            {
                var tok = doc.Tokens.Length > t ? doc.Tokens[t] : default;
                if (rawText is not null)
                {
                    while (char.IsWhiteSpace(rawText[p]))
                    {
                        p++;
                    }

                    rawText.AsSpan(p).StartsWith(w.Form, StringComparison.Ordinal).ShouldBeTrue($"'{w.Form}' at {p}");
                    tok = new Token(new CharRange(p, p + w.Form.Length), 0);
                    p += w.Form.Length;
                }

                tok.Upos = w.Upos;
                tok.Xpos = w.Xpos;
                tok.Lemma = w.Lemma;
                tok.DepRel = w.DepRel;
                tok.Head = w.Head == 0 ? -1 : first + w.Head - 1;
                tokens.Add(tok);
                t++;
            }
        }

        doc.SetTokens([.. tokens]);
        return doc;
    }
}
