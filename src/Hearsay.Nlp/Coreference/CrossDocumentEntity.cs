using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>An entity of one document as the cross-document linker sees it: its names as written, its type, and its document.</summary>
public sealed record CrossDocumentEntity(string DocumentId, IReadOnlyList<string> Names, EntityLabel? Label);
