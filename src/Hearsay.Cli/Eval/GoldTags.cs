using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Cli.Eval;

/// <summary>Stands in for the tagger when its model cannot be loaded: copies the corpus's XPOS and lemmas (reported on stderr).</summary>
internal sealed class GoldTags : IDocumentStage
{
    [ThreadStatic]
    public static CorefDocument? Current;

    public string Name => "gold-tags";

    public string Version => "0";

    public Layers Requires => Layers.Tokens;

    public Layers Provides => Layers.PartOfSpeech | Layers.Lemmas;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var source = Current ?? throw new InvalidOperationException("no corpus document to copy tags from.");
        var tokens = document.Tokens;
        int t = 0;
        foreach (var s in source.Sentences)
        {
            foreach (var w in s.Words)
            {
                if (t < tokens.Length)
                {
                    tokens[t].Xpos = w.Xpos;
                    tokens[t].Upos = w.Upos;
                    tokens[t].Lemma = w.Lemma;
                }

                t++;
            }
        }

        document.MarkPresent(Layers.PartOfSpeech | Layers.Lemmas);
    }
}
