using Hearsay.Core.Serialization;

namespace Hearsay.Core.Storage;

/// <summary>
/// Stores analysed documents. Every implementation passes the same contract suite
/// (tests/Hearsay.Storage.Tests): saving is idempotent by document id and atomic per document.
/// </summary>
public interface IDocumentStore : IDisposable
{
    /// <summary>Stores a document with its analysis in one transaction. Returns false when it was already stored.</summary>
    Task<bool> SaveAsync(DocumentResult document, CancellationToken cancellationToken = default);

    Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default);

    Task<DocumentResult?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DocumentSummary>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Full-text search over document text and attribution content.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>Attributions whose source (or its resolved entity) matches <paramref name="source"/>, case-insensitively.</summary>
    Task<IReadOnlyList<StoredAttribution>> AttributionsBySourceAsync(string source, int limit, CancellationToken cancellationToken = default);
}
