using System.CommandLine;
using System.Text.Json;
using Hearsay.Core.Serialization;
using Hearsay.Core.Storage;
using Hearsay.Storage;
using Hearsay.Web;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay entities</c> and <c>hearsay entity ID</c>: the store's cross-document entities with their aliases,
/// the articles they appear in and the attributions they are the source of. JSON has the API's shapes.
/// </summary>
public static class EntityCommands
{
    private const int MaxContentChars = 160;

    public static IEnumerable<Command> Create() => [CreateList(), CreateShow()];

    /// <summary><c>hearsay entities [--db FILE] [--offset N] [--limit N] [--format ...]</c>.</summary>
    public static Command CreateList()
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        var offset = new Option<int>("--offset") { Description = "Entities to skip.", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "Most entities to print (1-" + HearsayApi.MaxLimit + ").", DefaultValueFactory = _ => HearsayApi.MaxLimit };
        var cmd = new Command("entities", "List the stored entities with aliases, articles and the attributions they are the source of.") { db, offset, limit, format };
        cmd.SetAction(parse => StoredVerb.Run("entities", async () =>
        {
            int skip = parse.GetValue(offset);
            int take = parse.GetValue(limit);
            if (skip < 0)
            {
                throw new CliException($"--offset {skip}: must be 0 or more.");
            }

            if (take < 1 || take > HearsayApi.MaxLimit)
            {
                throw new CliException($"--limit {take}: must be between 1 and {HearsayApi.MaxLimit}.");
            }

            using var store = StoredVerb.OpenExisting(CommonOptions.ResolveDb(parse.GetValue(db)));
            var page = new EntityPage(await store.CountEntitiesAsync(), skip, take, await store.ListEntitiesAsync(skip, take));
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.WriteLine(JsonSerializer.Serialize(page, HearsayJson.Indented));
                    break;
                case OutputFormat.Jsonl:
                    foreach (var entity in page.Items)
                    {
                        Console.Out.WriteLine(JsonSerializer.Serialize(entity, HearsayJson.Options));
                    }

                    break;
                default:
                    foreach (var entity in page.Items)
                    {
                        Render(entity, Console.Out);
                    }

                    Console.Out.WriteLine(page.Items.Count == 0
                        ? $"No entities shown; {page.Total} stored."
                        : $"Entities {page.Offset + 1}-{page.Offset + page.Items.Count} of {page.Total}.");
                    break;
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary><c>hearsay entity ID [--db FILE] [--format ...]</c>.</summary>
    public static Command CreateShow()
    {
        var id = new Argument<string>("id") { Description = "The entity id, as `hearsay entities` prints it (E1, E2, ...)." };
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        var cmd = new Command("entity", "Show one stored entity: aliases, articles, and the attributions it is the source of.") { id, db, format };
        cmd.SetAction(parse => StoredVerb.Run("entity", async () =>
        {
            var path = CommonOptions.ResolveDb(parse.GetValue(db));
            using var store = StoredVerb.OpenExisting(path);
            var wanted = parse.GetValue(id)!.Trim();
            var entity = await store.GetEntityAsync(wanted)
                ?? throw new CliException($"{wanted}: no entity with this id in {path} (`hearsay entities --db {path}` shows the ids).");
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.WriteLine(JsonSerializer.Serialize(entity, HearsayJson.Indented));
                    break;
                case OutputFormat.Jsonl:
                    Console.Out.WriteLine(JsonSerializer.Serialize(entity, HearsayJson.Options));
                    break;
                default:
                    Render(entity, Console.Out);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void Render(StoredEntity entity, TextWriter output)
    {
        output.WriteLine($"{entity.Id}  {entity.Type}  {entity.Name}  ({entity.Articles.Count} articles, {entity.Attributions.Count} attributions)");
        output.WriteLine("    aliases: " + string.Join(" | ", entity.Aliases));
        foreach (var article in entity.Articles)
        {
            output.WriteLine($"    in {article.DocumentId}  {article.Title ?? "(untitled)"}");
        }

        foreach (var stored in entity.Attributions)
        {
            var a = stored.Attribution;
            var content = string.Join(" … ", a.Content.Select(c => c.Text)).ReplaceLineEndings(" ");
            if (content.Length > MaxContentChars)
            {
                content = content[..MaxContentChars] + "…";
            }

            output.WriteLine($"    {a.Source.Text} -> {a.Cue.Text} -> \"{content}\"  [{stored.DocumentId} {a.Id}]");
        }
    }
}
