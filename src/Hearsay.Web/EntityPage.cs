using Hearsay.Core.Storage;

namespace Hearsay.Web;

/// <summary>One page of cross-document entities, in the order they were first stored.</summary>
public sealed record EntityPage(int Total, int Offset, int Limit, IReadOnlyList<StoredEntity> Items);
