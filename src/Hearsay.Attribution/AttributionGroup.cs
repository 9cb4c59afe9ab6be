using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution;

/// <summary>Tagged spans grouped into one attribution around its cue.</summary>
public sealed class AttributionGroup
{
    public AttributionGroup(TaggedSpan cue) => Cue = cue;

    public TaggedSpan Cue { get; }

    public TaggedSpan? Source { get; set; }

    public List<TaggedSpan> Content { get; } = [];

    public string Evidence { get; set; } = "tagger";
}
