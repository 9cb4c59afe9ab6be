using Hearsay.Core.Documents;

namespace Hearsay.Core.Pipeline;

/// <summary>
/// A stage backed by a model: <see cref="Predict"/> has no side effects (it can be batched,
/// evaluated and compared), <see cref="Apply"/> writes the prediction into the document.
/// </summary>
public abstract class ModelStage<TPrediction> : IDocumentStage
{
    public abstract string Name { get; }

    public abstract string Version { get; }

    public abstract Layers Requires { get; }

    public abstract Layers Provides { get; }

    public abstract TPrediction Predict(Document document, CancellationToken cancellationToken);

    public abstract void Apply(Document document, TPrediction prediction);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        Apply(document, Predict(document, cancellationToken));
    }
}
