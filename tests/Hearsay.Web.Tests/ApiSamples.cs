using Hearsay.Core.Serialization;

namespace Hearsay.Web.Tests;

/// <summary>Hand-built analyses with invented text for the API tests.</summary>
public static class ApiSamples
{
    public static DocumentResult Quote(string id, string speaker, string entity, string topic)
    {
        var text = $"{speaker} said the {topic} plan is not finished.\nThe council met on Monday.\n";
        int s = text.IndexOf(speaker, StringComparison.Ordinal);
        int cue = text.IndexOf("said", StringComparison.Ordinal);
        var content = $"the {topic} plan is not finished";
        int c = text.IndexOf(content, StringComparison.Ordinal);
        return new DocumentResult
        {
            Id = id,
            Status = "analyzed",
            Language = "en",
            Title = $"{speaker} on the {topic}",
            Published = "2024-03-04",
            Text = text,
            Models = [new ModelVersionResult("attribution", "baseline-0.1")],
            Entities = [new EntityResult { Id = 0, Name = entity, Type = "PERSON", Mentions = [new MentionResult(s, s + speaker.Length, speaker, "name")] }],
            Attributions =
            [
                new AttributionResult
                {
                    Id = "A1",
                    Source = new SourceResult(s, s + speaker.Length, speaker, "person") { Entity = new EntityRefResult(0, entity) { GlobalId = "Q" + id.Length } },
                    Cue = new SpanResult(cue, cue + 4, "said"),
                    Content = [new SpanResult(c, c + content.Length, content)],
                    Form = "indirect",
                    Polarity = "negated",
                    Upstream = [new ChainLinkResult(0, 0, string.Empty, "document")],
                },
            ],
        };
    }
}
