namespace Hearsay.Core.Storage;

/// <summary>
/// Cross-document entities of a store: every stored document entity belongs to one entity with an id that
/// stays the same for the life of the database. Implemented alongside <see cref="IDocumentStore"/>.
/// </summary>
public interface IEntityStore
{
    /// <summary>Entities in the order they were first stored, with aliases, articles and the attributions they are the source of.</summary>
    Task<IReadOnlyList<StoredEntity>> ListEntitiesAsync(int offset, int limit, CancellationToken cancellationToken = default);

    Task<int> CountEntitiesAsync(CancellationToken cancellationToken = default);

    /// <summary>One entity by id, or null when no entity has that id.</summary>
    Task<StoredEntity?> GetEntityAsync(string id, CancellationToken cancellationToken = default);
}
