using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Cli.Eval;

/// <summary>Stands in for the recognizer when its model cannot be loaded: an empty mentions layer.</summary>
internal sealed class EmptyMentions : IDocumentStage
{
    public string Name => "no-ner";

    public string Version => "0";

    public Layers Requires => Layers.Tokens;

    public Layers Provides => Layers.Mentions;

    public void Process(Document document, CancellationToken cancellationToken) => document.SetMentions([]);
}
