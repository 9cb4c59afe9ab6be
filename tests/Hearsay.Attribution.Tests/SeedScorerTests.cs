using System.Text.Json.Nodes;
using Hearsay.Attribution.Corpus;
using Hearsay.Attribution.Evaluation;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tests;

public class SeedScorerTests
{
    [Fact]
    public void ScoresAHandBuiltDocument_FoundResolvedAndChained()
    {
        const string text = "The port is closed, Tide Radio reported, citing an official speaking to the Harbor Daily News.";
        var doc = TestDocuments.WithEntities(text, ("Tide Radio", "Tide Radio", EntityLabel.Org, MentionKind.Name));
        var src = TestDocuments.Find(doc, "Tide Radio");
        var a = new Core.Documents.Attribution(
            new AttributionSource(src, SourceType.Media, new EntityRef(0, "Tide Radio")),
            TestDocuments.Find(doc, "reported"),
            [TestDocuments.Find(doc, "The port is closed")],
            AttributionForm.Indirect,
            ContentPolarity.Affirmed,
            [new ChainLink(TestDocuments.Find(doc, "the Harbor Daily News"), SourceType.Media, null, null), new ChainLink(TestDocuments.Find(doc, "an official"), SourceType.Anonymous, null, null)]);
        doc.SetAttributions([a]);
        var gold = JsonNode.Parse("""
            {"attributions": [
              {"id": "G1", "required": true, "source": {"text": "Tide Radio", "start": 20, "end": 30, "resolvesTo": "Tide Radio"},
               "cue": {"text": "reported", "start": 31, "end": 39}, "content": {"text": "The port is closed", "start": 0, "end": 18},
               "form": "indirect", "contentPolarity": "affirmed",
               "upstream": [{"text": "Harbor Daily News", "start": 76, "end": 93, "required": true}, {"text": "an official", "start": 48, "end": 59, "required": true}]},
              {"id": "G2", "required": true, "source": {"text": "port", "start": 4, "end": 8}, "cue": {"text": "closed", "start": 12, "end": 18}, "content": {"text": "is", "start": 9, "end": 11}}
            ], "entities": [], "times": [], "boilerplate": [{"text": "Subscribe now"}]}
            """)!;
        var score = SeedScorer.Score(doc, gold);
        score.Metrics["required"].ShouldBe(0.5);
        score.Metrics["sourcesResolved"].ShouldBe(1.0);
        score.Metrics["chainsInOrder"].ShouldBe(1.0);
        score.Metrics["boilerplate"].ShouldBe(1.0);
        score.Details.ShouldContain(d => d.StartsWith("G2 MISSING", StringComparison.Ordinal));
    }

    [Fact]
    public void ChainInTheWrongOrderIsNotCounted()
    {
        const string text = "The port is closed, Tide Radio reported, citing an official speaking to the Harbor Daily News.";
        var doc = TestDocuments.Tokenized(text);
        doc.SetAttributions([new Core.Documents.Attribution(
            new AttributionSource(TestDocuments.Find(doc, "Tide Radio"), SourceType.Media, null),
            TestDocuments.Find(doc, "reported"),
            [TestDocuments.Find(doc, "The port is closed")],
            AttributionForm.Indirect,
            ContentPolarity.Affirmed,
            [new ChainLink(TestDocuments.Find(doc, "an official"), SourceType.Anonymous, null, null), new ChainLink(TestDocuments.Find(doc, "the Harbor Daily News"), SourceType.Media, null, null)])]);
        var gold = JsonNode.Parse("""
            {"attributions": [{"id": "G1", "required": true, "source": {"text": "Tide Radio", "start": 20}, "cue": {"text": "reported", "start": 31},
               "content": {"text": "The port is closed", "start": 0},
               "upstream": [{"text": "Harbor Daily News", "start": 76, "required": true}, {"text": "an official", "start": 48, "required": true}]}]}
            """)!;
        SeedScorer.Score(doc, gold).Metrics["chainsInOrder"].ShouldBe(0.0);
    }

    /// <summary>
    /// The showcase with its gold entities given as a perfect mentions layer: isolates what this
    /// stage does (attributions, chains, resolution) from NER quality. Needs ../shared (data-gated).
    /// </summary>
    [Fact]
    public void Showcase_WithGoldMentions_ResolvesSources()
    {
        var shared = SharedData.TryRoot;
        if (shared is null)
        {
            return;
        }

        var goldPath = Path.Combine(shared, "seed", "massoud-has-not-fled.gold.json");
        var gold = JsonNode.Parse(File.ReadAllText(goldPath))!;
        var text = File.ReadAllText(Path.Combine(shared, "seed", gold["document"]!.GetValue<string>()));
        var doc = NewsTokenizer.Analyze(text);
        var mentions = new List<Mention>();
        var entities = new List<Entity>();
        foreach (var e in gold["entities"]!.AsArray())
        {
            var label = e!["type"]!.GetValue<string>() switch { "PERSON" => EntityLabel.Person, "ORG" => EntityLabel.Org, "NORP" => EntityLabel.Norp, _ => EntityLabel.Loc };
            var indices = new List<int>();
            foreach (var m in e["mentions"]!.AsArray())
            {
                var r = new CharRange(m!["start"]!.GetValue<int>(), m["end"]!.GetValue<int>());
                var surface = text.Substring(r.Start, r.Length);
                var kind = surface is "He" or "he" or "it" or "who" ? MentionKind.Pronoun : char.IsUpper(surface[0]) && !surface.StartsWith("The ", StringComparison.Ordinal) ? MentionKind.Name : MentionKind.Nominal;
                indices.Add(mentions.Count);
                mentions.Add(new Mention(r, doc.TokenRangeOf(r), label, kind) { EntityIndex = entities.Count });
            }

            entities.Add(new Entity(entities.Count, e["id"]!.GetValue<string>(), label, indices) { Subtype = e["id"]!.GetValue<string>() is "Al-Arabiya" or "Fars News Agency" ? "media" : null });
        }

        // Pronoun mentions are what a coreference stage would add; leave them out so resolution must do the work.
        var named = mentions.Where(m => m.Kind != MentionKind.Pronoun).OrderBy(m => m.Range.Start).ToList();
        doc.SetMentions(named);
        doc.SetEntities(entities);
        new AttributionExtractor().Process(doc, CancellationToken.None);
        var score = SeedScorer.Score(doc, gold);
        var detail = string.Join("\n", score.Details.Where(d => d.StartsWith('A')));
        ((double)score.Metrics["chainsInOrder"]!).ShouldBe(1.0, detail);
        ((double)score.Metrics["sourcesResolved"]!).ShouldBeGreaterThanOrEqualTo(0.75, detail);
        ((double)score.Metrics["required"]!).ShouldBeGreaterThanOrEqualTo(0.75, detail);
    }
}
