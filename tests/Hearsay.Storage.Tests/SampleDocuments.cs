using Hearsay.Core.Serialization;

namespace Hearsay.Storage.Tests;

/// <summary>Hand-built analyses (invented text) covering the parts of the contract a store must keep.</summary>
public static class SampleDocuments
{
    public const string BridgeText =
        "Officials say the Kelan bridge will reopen in May\n" +
        "The transport ministry said on Monday that repairs were finished, citing an engineer speaking to Radio Kelan.\n" +
        "Residents doubted the timetable.\n";

    /// <summary>Two attributions: a group source, and an organization with a resolved entity and a two-link chain.</summary>
    public static DocumentResult Bridge(string id = "doc-bridge") => new()
    {
        Id = id,
        Source = "samples/bridge.txt",
        Status = "analyzed",
        Language = "en",
        Title = "Officials say the Kelan bridge will reopen in May",
        Byline = "A. Reporter",
        Published = "2024-05-06",
        PublishedOrigin = "argument",
        Site = "example.org",
        Text = BridgeText,
        RemovedLines = ["Subscribe to our newsletter"],
        Models = [new ModelVersionResult("tokenizer", "rules-1"), new ModelVersionResult("attribution", "baseline-0.1")],
        Sentences = [Span(BridgeText, "Officials say the Kelan bridge will reopen in May"), Span(BridgeText, "The transport ministry said")],
        Entities =
        [
            new EntityResult
            {
                Id = 0,
                GlobalId = "Q100",
                Name = "Transport Ministry",
                Type = "ORG",
                Attributes = ["government"],
                Mentions = [Mention(BridgeText, "The transport ministry", "name")],
            },
            new EntityResult { Id = 1, Name = "Radio Kelan", Type = "ORG", Subtype = "media", Mentions = [Mention(BridgeText, "Radio Kelan", "name")] },
        ],
        Times = [Time(BridgeText, "on Monday", "DATE", "2024-05-06"), Time(BridgeText, "May", "DATE", "2024-05")],
        Attributions =
        [
            new AttributionResult
            {
                Id = "A1",
                Source = Source(BridgeText, "Officials", "group"),
                Cue = Span(BridgeText, "say"),
                Content = [Span(BridgeText, "the Kelan bridge will reopen in May")],
                Form = "indirect",
                Polarity = "affirmed",
                Confidence = 0.8125,
            },
            new AttributionResult
            {
                Id = "A2",
                Source = Source(BridgeText, "The transport ministry", "organization") with { Entity = new EntityRefResult(0, "Transport Ministry") { GlobalId = "Q100" } },
                Cue = Span(BridgeText, "said"),
                Content = [Span(BridgeText, "repairs were finished")],
                Form = "indirect",
                Polarity = "affirmed",
                Upstream =
                [
                    new ChainLinkResult(Find(BridgeText, "an engineer"), Find(BridgeText, "an engineer") + 11, "an engineer", "anonymous") { Cue = Span(BridgeText, "citing") },
                    new ChainLinkResult(Find(BridgeText, "Radio Kelan"), Find(BridgeText, "Radio Kelan") + 11, "Radio Kelan", "media")
                    {
                        Entity = new EntityRefResult(1, "Radio Kelan"),
                        Cue = Span(BridgeText, "speaking to"),
                    },
                ],
                Time = new StatementTimeResult(Find(BridgeText, "on Monday"), Find(BridgeText, "on Monday") + 9, "on Monday", "2024-05-06"),
                Confidence = 0.5,
                Evidence = "cue-lexicon",
            },
        ],
    };

    /// <summary>A plain document with one quoted statement; <paramref name="word"/> makes its text unique for search tests.</summary>
    public static DocumentResult Simple(string id, string word = "harbour")
    {
        var text = $"Mayor Lina Ortiz said the {word} plan is \"not finished\".\n";
        return new DocumentResult
        {
            Id = id,
            Status = "analyzed",
            Language = "en",
            Title = "Note " + id,
            Text = text,
            Models = [new ModelVersionResult("attribution", "baseline-0.1")],
            Entities = [Person(text, 0, "Lina Ortiz", "Mayor Lina Ortiz")],
            Attributions =
            [
                new AttributionResult
                {
                    Id = "A1",
                    Source = Source(text, "Mayor Lina Ortiz", "person") with { Entity = new EntityRefResult(0, "Lina Ortiz") },
                    Cue = Span(text, "said"),
                    Content = [Span(text, $"the {word} plan is"), Span(text, "\"not finished\"")],
                    Form = "mixed",
                    Polarity = "negated",
                },
            ],
        };
    }

    /// <summary>A document stored but not analysed (unsupported language): no attributions.</summary>
    public static DocumentResult Unsupported(string id = "doc-unsupported") => new()
    {
        Id = id,
        Status = "unsupportedLanguage",
        Language = "fi",
        Title = "Silta avataan toukokuussa",
        Text = "Silta avataan toukokuussa.\n",
    };

    /// <summary>A document whose only entity is <paramref name="name"/> of type <paramref name="type"/>, and the source of its one attribution.</summary>
    public static DocumentResult Mentioning(string id, string name, string type)
    {
        var text = $"{name} said the talks would resume.\n";
        return new DocumentResult
        {
            Id = id,
            Status = "analyzed",
            Title = "Note " + id,
            Text = text,
            Entities = [new EntityResult { Id = 0, Name = name, Type = type, Mentions = [Mention(text, name, "name")] }],
            Attributions =
            [
                new AttributionResult
                {
                    Id = "A1",
                    Source = Source(text, name, "person") with { Entity = new EntityRefResult(0, name) },
                    Cue = Span(text, "said"),
                    Content = [Span(text, "the talks would resume")],
                    Form = "indirect",
                    Polarity = "affirmed",
                },
            ],
        };
    }

    public static SpanResult Span(string text, string part)
    {
        int start = Find(text, part);
        return new SpanResult(start, start + part.Length, part);
    }

    private static SourceResult Source(string text, string part, string type)
    {
        int start = Find(text, part);
        return new SourceResult(start, start + part.Length, part, type);
    }

    private static EntityResult Person(string text, int id, string name, string mention)
        => new() { Id = id, Name = name, Type = "PER", Mentions = [Mention(text, mention, "name")] };

    private static MentionResult Mention(string text, string part, string kind)
    {
        int start = Find(text, part);
        return new MentionResult(start, start + part.Length, part, kind);
    }

    private static TimeResult Time(string text, string part, string type, string value)
    {
        int start = Find(text, part);
        return new TimeResult(start, start + part.Length, part, type, value);
    }

    private static int Find(string text, string part)
    {
        int i = text.IndexOf(part, StringComparison.Ordinal);
        return i >= 0 ? i : throw new ArgumentException($"'{part}' is not in the text.", nameof(part));
    }
}
