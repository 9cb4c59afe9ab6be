using Hearsay.Core.Serialization;

namespace Hearsay.Core.Storage;

public sealed record StoredAttribution(string DocumentId, string? Title, AttributionResult Attribution);
