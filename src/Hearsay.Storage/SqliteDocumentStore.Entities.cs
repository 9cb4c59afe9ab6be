using System.Globalization;
using System.Text.Json;
using Hearsay.Core.Serialization;
using Hearsay.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Hearsay.Storage;

// Cross-document entities: written with each document (same transaction), read back by id.
public sealed partial class SqliteDocumentStore
{
    private const string EntityIdPrefix = "E";

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "my", "our", "your", "his", "its", "their",
        "mine", "ours", "yours", "hers", "theirs", "myself", "ourselves", "yourself", "himself", "herself", "itself", "themselves",
        "this", "that", "these", "those", "who", "whom", "whose", "which", "what", "the", "a", "an", "one", "some", "all", "both",
    };

    /// <summary>
    /// The key that decides which document entities are one entity: type and normalized name. Deliberately
    /// conservative (no surname-only or acronym links): a wrong merge would pin one person's words on another.
    /// </summary>
    public static string EntityKey(string type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        if (words.Count > 0)
        {
            var last = words[^1];
            foreach (var possessive in (string[])["'s", "\u2019s", "'", "\u2019"])
            {
                if (last.Length > possessive.Length && last.EndsWith(possessive, StringComparison.Ordinal))
                {
                    words[^1] = last[..^possessive.Length];
                    break;
                }
            }
        }

        return type.Trim().ToLowerInvariant() + "|" + string.Join(' ', words);
    }

    /// <summary>Whether a name can identify one referent across articles: it has a capitalized word that is not a pronoun or determiner.</summary>
    public static bool IsProperName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var word in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if ((char.IsUpper(word[0]) || char.IsDigit(word[0])) && !NotNames.Contains(word.TrimEnd('\'', '\u2019', 's')) && !NotNames.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    public async Task<int> CountEntitiesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT COUNT(*) FROM entities");
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e)
        {
            throw Translate(e, "counting entities");
        }
    }

    public async Task<IReadOnlyList<StoredEntity>> ListEntitiesAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            var heads = new List<(long Seq, string Name, string Type)>();
            await using (var command = Command(connection, null, "SELECT seq, name, type FROM entities ORDER BY seq LIMIT @limit OFFSET @offset", ("@limit", limit), ("@offset", offset)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    heads.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            var list = new List<StoredEntity>(heads.Count);
            foreach (var (seq, name, type) in heads)
            {
                list.Add(await LoadEntityAsync(connection, seq, name, type, cancellationToken));
            }

            return list;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "listing entities");
        }
    }

    public async Task<StoredEntity?> GetEntityAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var trimmed = id.Trim();
        if (trimmed.Length <= EntityIdPrefix.Length || !trimmed.StartsWith(EntityIdPrefix, StringComparison.OrdinalIgnoreCase)
            || !long.TryParse(trimmed.AsSpan(EntityIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return null;
        }

        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            string name, type;
            await using (var command = Command(connection, null, "SELECT name, type FROM entities WHERE seq = @seq", ("@seq", seq)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                name = reader.GetString(0);
                type = reader.GetString(1);
            }

            return await LoadEntityAsync(connection, seq, name, type, cancellationToken);
        }
        catch (SqliteException e)
        {
            throw Translate(e, "reading entity " + id);
        }
    }

    private static string EntityId(long seq) => EntityIdPrefix + seq.ToString(CultureInfo.InvariantCulture);

    private async Task SaveEntitiesAsync(SqliteConnection connection, SqliteTransaction transaction, DocumentResult document, CancellationToken cancellationToken)
    {
        foreach (var entity in document.Entities)
        {
            var key = EntityKey(entity.Type, entity.Name);
            if (key.EndsWith('|'))
            {
                continue;
            }

            // "we", "the media", "the conflict" are different referents in different articles: only names link across documents.
            if (!IsProperName(entity.Name))
            {
                key += "|" + document.Id + "#" + entity.Id.ToString(CultureInfo.InvariantCulture);
            }

            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO entities (entity_key, name, type) VALUES (@key, @name, @type) ON CONFLICT (entity_key) DO NOTHING",
                cancellationToken,
                ("@key", key),
                ("@name", entity.Name.Trim()),
                ("@type", entity.Type));
            long seq;
            await using (var read = Command(connection, transaction, "SELECT seq FROM entities WHERE entity_key = @key", ("@key", key)))
            {
                seq = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            var aliases = new List<string> { entity.Name.Trim() };
            foreach (var mention in entity.Mentions)
            {
                var text = mention.Text.Trim();
                if (text.Length > 0 && !aliases.Contains(text, StringComparer.Ordinal))
                {
                    aliases.Add(text);
                }
            }

            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO entity_mentions (document_id, local_id, entity_seq, name, aliases_json) VALUES (@id, @local, @seq, @name, @aliases) " +
                "ON CONFLICT (document_id, local_id) DO NOTHING",
                cancellationToken,
                ("@id", document.Id),
                ("@local", entity.Id),
                ("@seq", seq),
                ("@name", entity.Name),
                ("@aliases", JsonSerializer.Serialize(aliases, HearsayJson.Options)));
        }
    }

    private async Task<StoredEntity> LoadEntityAsync(SqliteConnection connection, long seq, string name, string type, CancellationToken cancellationToken)
    {
        var articles = new List<EntityArticle>();
        var aliases = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = Command(
            connection,
            null,
            "SELECT entity_mentions.document_id, documents.title, entity_mentions.local_id, entity_mentions.name, entity_mentions.aliases_json " +
            "FROM entity_mentions JOIN documents ON documents.id = entity_mentions.document_id " +
            "WHERE entity_mentions.entity_seq = @seq ORDER BY documents.seq, entity_mentions.local_id",
            ("@seq", seq)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var documentId = reader.GetString(0);

                // Two entities of one document can share a key (coreference left "Obama" apart from "Barack Obama"): one article each.
                if (articles.Count == 0 || articles[^1].DocumentId != documentId)
                {
                    articles.Add(new EntityArticle(documentId, NullableString(reader, 1), reader.GetInt32(2), reader.GetString(3)));
                }

                foreach (var alias in Deserialize<string[]>(reader.GetString(4), "the aliases of an entity of document " + documentId))
                {
                    if (seen.Add(alias))
                    {
                        aliases.Add(alias);
                    }
                }
            }
        }

        // Attributions carry their source's document-local entity id inside their JSON, so they are matched here.
        var attributions = new List<StoredAttribution>();
        await using (var command = Command(
            connection,
            null,
            "SELECT attributions.document_id, documents.title, attributions.attribution_json, entity_mentions.local_id " +
            "FROM entity_mentions JOIN attributions ON attributions.document_id = entity_mentions.document_id " +
            "JOIN documents ON documents.id = attributions.document_id " +
            "WHERE entity_mentions.entity_seq = @seq AND attributions.entity_name IS NOT NULL " +
            "ORDER BY CASE WHEN attributions.said_at IS NULL THEN 1 ELSE 0 END, attributions.said_at, documents.seq, attributions.ordinal",
            ("@seq", seq)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var documentId = reader.GetString(0);
                var attribution = Deserialize<AttributionResult>(reader.GetString(2), "an attribution of document " + documentId);
                if (attribution.Source.Entity?.Id == reader.GetInt32(3))
                {
                    attributions.Add(new StoredAttribution(documentId, NullableString(reader, 1), attribution));
                }
            }
        }

        return new StoredEntity(EntityId(seq), name, type, aliases, articles, attributions);
    }
}
