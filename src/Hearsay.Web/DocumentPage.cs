using Hearsay.Core.Storage;

namespace Hearsay.Web;

/// <summary>One page of stored documents, in the order they were stored.</summary>
public sealed record DocumentPage(int Total, int Offset, int Limit, IReadOnlyList<DocumentSummary> Items);
