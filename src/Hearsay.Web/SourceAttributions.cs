using Hearsay.Core.Storage;

namespace Hearsay.Web;

/// <summary>The attributions whose source (or its resolved entity) is <see cref="Source"/>.</summary>
public sealed record SourceAttributions(string Source, IReadOnlyList<StoredAttribution> Items);
