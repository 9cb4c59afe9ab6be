namespace Hearsay.Core.Serialization;

// The JSON output contract (docs/output-format.md, docs/schema/document.schema.json).
// Every later capability extends these records; renaming a property is a breaking change.

public sealed record DocumentResult
{
    public string SchemaVersion { get; init; } = "1";

    public required string Id { get; init; }

    public string? Source { get; init; }

    public required string Status { get; init; }

    public string? StatusReason { get; init; }

    public string? Language { get; init; }

    public string? Title { get; init; }

    public string? Byline { get; init; }

    public string? Published { get; init; }

    public string? PublishedOrigin { get; init; }

    public double? PublishedConfidence { get; init; }

    public string? PublishedNote { get; init; }

    public string? Site { get; init; }

    public string? CanonicalUrl { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<string> RemovedLines { get; init; } = [];

    public IReadOnlyList<ModelVersionResult> Models { get; init; } = [];

    public IReadOnlyList<SpanResult> Sentences { get; init; } = [];

    public IReadOnlyList<EntityResult> Entities { get; init; } = [];

    public IReadOnlyList<TimeResult> Times { get; init; } = [];

    public IReadOnlyList<AttributionResult> Attributions { get; init; } = [];
}

public sealed record ModelVersionResult(string Stage, string Version);

public sealed record SpanResult(int Start, int End, string Text);

public sealed record EntityRefResult(int Id, string Name)
{
    public string? GlobalId { get; init; }
}

public sealed record MentionResult(int Start, int End, string Text, string Kind);

public sealed record EntityResult
{
    public required int Id { get; init; }

    public string? GlobalId { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? Subtype { get; init; }

    public IReadOnlyList<string> Attributes { get; init; } = [];

    public IReadOnlyList<MentionResult> Mentions { get; init; } = [];
}

public sealed record TimeResult(int Start, int End, string Text, string Type, string Value);

public sealed record SourceResult(int Start, int End, string Text, string Type)
{
    public EntityRefResult? Entity { get; init; }
}

public sealed record ChainLinkResult(int Start, int End, string Text, string Type)
{
    public EntityRefResult? Entity { get; init; }

    public SpanResult? Cue { get; init; }
}

public sealed record StatementTimeResult(int Start, int End, string Text, string Value);

public sealed record AttributionResult
{
    public required string Id { get; init; }

    public required SourceResult Source { get; init; }

    public required SpanResult Cue { get; init; }

    public required IReadOnlyList<SpanResult> Content { get; init; }

    public required string Form { get; init; }

    public required string Polarity { get; init; }

    public IReadOnlyList<ChainLinkResult> Upstream { get; init; } = [];

    public StatementTimeResult? Time { get; init; }

    public double Confidence { get; init; }

    public string? Evidence { get; init; }
}
