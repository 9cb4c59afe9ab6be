using System.Text.Json;
using Hearsay.Core.Documents;
using Hearsay.Core.Serialization;

namespace Hearsay.Core.Tests;

/// <summary>The JSON output and docs/schema/document.schema.json must describe the same keys.</summary>
public class OutputContractTests
{
    private static Document ShowcaseLike()
    {
        const string text = "Al-Arabiya reported on Sunday that he had not fled, citing a source.";
        var doc = new Document(text, new DocumentMetadata { Source = "x.txt", Title = "t", Published = new DateOnly(2021, 9, 13), PublishedOrigin = "given", Language = "en" });
        doc.SetSentences([new Sentence(new TokenRange(0, 0), new CharRange(0, text.Length))]);
        doc.SetMentions([new Mention(new CharRange(0, 10), new TokenRange(0, 1), EntityLabel.Org, MentionKind.Name)]);
        doc.SetEntities([new Entity(0, "Al-Arabiya", EntityLabel.Org, [0]) { Subtype = "media" }]);
        doc.SetTimeExpressions([new TimeExpression(new CharRange(23, 29), TimexType.Date, "2021-09-12")]);
        doc.SetAttributions(
        [
            new Attribution(
                new AttributionSource(new CharRange(0, 10), SourceType.Media, new EntityRef(0, "Al-Arabiya")),
                new CharRange(11, 19),
                [new CharRange(35, 50)],
                AttributionForm.Indirect,
                ContentPolarity.Negated,
                [new ChainLink(new CharRange(60, 68), SourceType.Anonymous, null, new CharRange(52, 58))])
            {
                Time = new StatementTime(new CharRange(23, 29), "2021-09-12"),
                Evidence = "test",
            },
        ]);
        doc.Provenance.Add(new StageVersion("test", "1"));
        doc.Status = AnalysisStatus.Analyzed;
        return doc;
    }

    [Fact]
    public void Result_UsesCamelCaseAndContractEnumNames()
    {
        var json = JsonSerializer.Serialize(DocumentResultMapper.ToResult(ShowcaseLike()), HearsayJson.Options);
        using var parsed = JsonDocument.Parse(json);
        var a = parsed.RootElement.GetProperty("attributions")[0];
        a.GetProperty("id").GetString().ShouldBe("A1");
        a.GetProperty("source").GetProperty("type").GetString().ShouldBe("media");
        a.GetProperty("source").GetProperty("text").GetString().ShouldBe("Al-Arabiya");
        a.GetProperty("polarity").GetString().ShouldBe("negated");
        a.GetProperty("upstream")[0].GetProperty("cue").GetProperty("text").GetString().ShouldBe("citing");
        parsed.RootElement.GetProperty("entities")[0].GetProperty("type").GetString().ShouldBe("ORG");
        parsed.RootElement.GetProperty("status").GetString().ShouldBe("analyzed");
        json.ShouldNotContain("null");
    }

    [Fact]
    public void Result_EveryKey_IsDeclaredInTheSchema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "schema", "document.schema.json")));
        var json = JsonSerializer.SerializeToElement(DocumentResultMapper.ToResult(ShowcaseLike()), HearsayJson.Options);
        var undeclared = new List<string>();
        Check(json, schema.RootElement, schema.RootElement, "$", undeclared);
        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public void Result_RoundTrips()
    {
        var result = DocumentResultMapper.ToResult(ShowcaseLike());
        var back = JsonSerializer.Deserialize<DocumentResult>(JsonSerializer.Serialize(result, HearsayJson.Options), HearsayJson.Options)!;
        JsonSerializer.Serialize(back, HearsayJson.Options).ShouldBe(JsonSerializer.Serialize(result, HearsayJson.Options));
    }

    private static void Check(JsonElement value, JsonElement schema, JsonElement root, string path, List<string> undeclared)
    {
        if (schema.TryGetProperty("$ref", out var r))
        {
            schema = root.GetProperty("$defs").GetProperty(r.GetString()!["#/$defs/".Length..]);
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var props = schema.GetProperty("properties");
            foreach (var p in value.EnumerateObject())
            {
                if (!props.TryGetProperty(p.Name, out var sub))
                {
                    undeclared.Add(path + "." + p.Name);
                    continue;
                }

                Check(p.Value, sub, root, path + "." + p.Name, undeclared);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, root, path + "[]", undeclared);
            }
        }
        else if (schema.TryGetProperty("enum", out var e) && value.ValueKind == JsonValueKind.String)
        {
            e.EnumerateArray().Select(x => x.GetString()).ShouldContain(value.GetString(), $"{path}: '{value.GetString()}' is not in the schema's enum");
        }
    }
}
