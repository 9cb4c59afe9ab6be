using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;
using Hearsay.Nlp.Tokenization;

namespace Hearsay.Nlp.Tests.Parsing;

/// <summary>Runs the committed models (models/tagger, models/parser) on hand-written news sentences.</summary>
public class SyntaxPipelineTests
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() =>
        DocumentPipeline.Build([new Tokenizer(), new SentenceSplitter(), PosTagger.Load(), DependencyParser.Load()]));

    private static Document Analyse(string text)
    {
        var doc = new Document(text);
        Pipeline.Value.Run(doc);
        return doc;
    }

    private static int IndexOf(Document doc, string word) => Array.FindIndex(doc.Tokens, t => doc.Slice(t.Range) == word);

    [Fact]
    public void Tags_and_parses_a_reporting_sentence()
    {
        var doc = Analyse("The spokesman said the leader had not fled the country.");
        int said = IndexOf(doc, "said"), spokesman = IndexOf(doc, "spokesman"), fled = IndexOf(doc, "fled");
        doc.Tokens[said].Upos.ShouldBe("VERB");
        doc.Tokens[said].Xpos.ShouldBe("VBD");
        doc.Tokens[said].Lemma.ShouldBe("say");
        doc.Tokens[said].Head.ShouldBe(-1);
        doc.Tokens[said].DepRel.ShouldBe("root");
        doc.Tokens[spokesman].Head.ShouldBe(said);
        doc.Tokens[spokesman].DepRel.ShouldBe("nsubj");
        doc.Tokens[fled].Head.ShouldBe(said);
        doc.Tokens[fled].DepRel.ShouldBe("ccomp");
    }

    [Fact]
    public void Every_sentence_is_a_tree_with_one_root()
    {
        var seed = Path.Combine(SharedData.Root, "seed", "massoud-has-not-fled.txt");
        var doc = Analyse(File.ReadAllText(seed));
        doc.Sentences.Count.ShouldBeGreaterThan(10);
        foreach (var s in doc.Sentences)
        {
            int roots = 0;
            for (int i = s.Tokens.Start; i < s.Tokens.End; i++)
            {
                var t = doc.Tokens[i];
                t.Upos.ShouldNotBeNull();
                t.DepRel.ShouldNotBeNull();
                if (t.Head < 0)
                {
                    roots++;
                    t.DepRel.ShouldBe("root");
                    continue;
                }

                s.Tokens.Contains(t.Head).ShouldBeTrue();
                int steps = 0;
                for (int h = t.Head; h >= 0; h = doc.Tokens[h].Head)
                {
                    (++steps).ShouldBeLessThanOrEqualTo(s.Tokens.Length);
                }
            }

            roots.ShouldBe(1);
        }
    }
}
