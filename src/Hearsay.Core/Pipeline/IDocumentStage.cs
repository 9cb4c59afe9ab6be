using Hearsay.Core.Documents;

namespace Hearsay.Core.Pipeline;

/// <summary>
/// A step of analysis. It declares which layers it needs and which it writes, so that a
/// pipeline with an unmet requirement is rejected when it is built, not mid-run.
/// </summary>
public interface IDocumentStage
{
    /// <summary>Stable, human-readable name used in messages and provenance.</summary>
    string Name { get; }

    /// <summary>Version of the stage's rules or model file, recorded with every stored analysis.</summary>
    string Version { get; }

    Layers Requires { get; }

    Layers Provides { get; }

    void Process(Document document, CancellationToken cancellationToken);
}
