using Hearsay.Core.Storage;

namespace Hearsay.Web;

/// <summary>Full-text matches for <see cref="Query"/>, best first.</summary>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Items);
