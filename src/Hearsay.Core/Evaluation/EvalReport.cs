using System.Text.Json;
using System.Text.Json.Nodes;
using Hearsay.Core.Serialization;

namespace Hearsay.Core.Evaluation;

/// <summary>
/// What an evaluation prints with <c>--json</c>: one object with <c>task</c>, <c>data</c>, <c>n</c>
/// and the task's metrics as fractions (0-1) under the keys the foundation issue fixed
/// (e.g. <c>f1</c>, <c>upos</c>, <c>las</c>, <c>source.exact.f1</c>).
/// </summary>
public sealed class EvalReport
{
    public EvalReport(string task, string data, int n)
    {
        Task = task;
        Data = data;
        N = n;
    }

    public string Task { get; }

    public string Data { get; }

    public int N { get; }

    /// <summary>Headline metrics; values are numbers, strings, or nested dictionaries/lists of them.</summary>
    public Dictionary<string, object?> Metrics { get; } = new(StringComparer.Ordinal);

    /// <summary>Per-item detail for the human-readable report (not part of --json unless a task adds it to Metrics).</summary>
    public List<string> Details { get; } = [];

    public string ToJsonLine()
    {
        var root = new JsonObject
        {
            ["task"] = Task,
            ["data"] = Data,
            ["n"] = N,
        };
        foreach (var (key, value) in Metrics)
        {
            root[key] = JsonSerializer.SerializeToNode(value, HearsayJson.Options);
        }

        return root.ToJsonString(HearsayJson.Options);
    }

    /// <summary>Reads a dotted metric path ("source.exact.f1") as a number, for floors.</summary>
    public double? Read(string path)
    {
        var node = JsonNode.Parse(ToJsonLine());
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
    }
}
