namespace Hearsay.Core.Documents;

/// <summary>A stage (and model) that wrote part of an analysis, recorded with the stored analysis.</summary>
public sealed record StageVersion(string Stage, string Version);
