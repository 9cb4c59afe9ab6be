using System.Text.Json;
using System.Text.Json.Nodes;
using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Corpus;

/// <summary>
/// The sentence JSON-lines layout of PolNeAR's published splits: one object per line with
/// <c>tokens</c>, optional <c>pos</c>, <c>labels</c> (O, B-/I-source, cue, content) and <c>id</c>.
/// </summary>
public static class SentenceJsonLines
{
    /// <summary>Reads every sentence; <paramref name="requireLabels"/> false accepts lines without labels (prediction input).</summary>
    /// <exception cref="FormatException">A line is not such an object; the message names the file and line.</exception>
    public static List<LabeledSentence> Read(string path, bool requireLabels = true)
    {
        var result = new List<LabeledSentence>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}:{lineNo}: not a JSON object ({e.Message})");
            }

            if (node?["tokens"] is not JsonArray tokArr)
            {
                throw new FormatException($"{path}:{lineNo}: missing \"tokens\" array");
            }

            var tokens = new string[tokArr.Count];
            for (int i = 0; i < tokens.Length; i++)
            {
                tokens[i] = tokArr[i]?.GetValue<string>() ?? "";
            }

            string?[]? pos = null;
            if (node["pos"] is JsonArray posArr && posArr.Count == tokens.Length)
            {
                pos = new string?[tokens.Length];
                for (int i = 0; i < tokens.Length; i++)
                {
                    pos[i] = posArr[i]?.GetValue<string>();
                }
            }

            var labels = new int[tokens.Length];
            if (node["labels"] is JsonArray labArr)
            {
                if (labArr.Count != tokens.Length)
                {
                    throw new FormatException($"{path}:{lineNo}: {labArr.Count} labels for {tokens.Length} tokens");
                }

                for (int i = 0; i < labels.Length; i++)
                {
                    var name = labArr[i]?.GetValue<string>() ?? "";
                    labels[i] = BioLabels.Parse(name) ?? throw new FormatException($"{path}:{lineNo}: unknown label '{name}'");
                }
            }
            else if (requireLabels)
            {
                throw new FormatException($"{path}:{lineNo}: missing \"labels\" array");
            }

            var id = node["id"]?.GetValue<string>() ?? lineNo.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.Add(new LabeledSentence(id, tokens, pos, labels));
        }

        return result;
    }

    /// <summary>Writes one object per sentence with its tokens, predicted labels and id.</summary>
    public static void Write(TextWriter writer, IEnumerable<LabeledSentence> sentences)
    {
        foreach (var s in sentences)
        {
            var labels = new string[s.Labels.Length];
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = BioLabels.Name(s.Labels[i]);
            }

            var obj = new JsonObject
            {
                ["tokens"] = new JsonArray([.. s.Tokens.Select(t => (JsonNode?)t)]),
                ["labels"] = new JsonArray([.. labels.Select(t => (JsonNode?)t)]),
                ["id"] = s.Id,
            };
            writer.WriteLine(obj.ToJsonString());
        }
    }
}
