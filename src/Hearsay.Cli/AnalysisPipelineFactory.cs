using Hearsay.Attribution;
using Hearsay.Attribution.Corpus;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Cli;

/// <summary>
/// STAND-IN written on the attribution branch, to be REPLACED by the lead's composition of the
/// full pipeline (cleaning, tokenizer, tagger/parser, NER, entities, times, attribution). It keeps
/// the expected signature <see cref="AnalyzeFile"/> so that <c>hearsay eval seed</c> runs now:
/// it tokenizes with the attribution project's <see cref="NewsTokenizer"/> and runs only the
/// attribution stage, so entity, time and boilerplate scores are not meaningful until replaced.
/// </summary>
public static class AnalysisPipelineFactory
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => DocumentPipeline.Build([new AttributionExtractor()], Layers.Text | Layers.Tokens | Layers.Sentences));

    /// <summary>Reads a text file and returns it analysed; <paramref name="published"/> anchors relative dates.</summary>
    public static Document AnalyzeFile(string path, DateOnly? published)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: file not found");
        }

        var text = File.ReadAllText(path);
        var doc = NewsTokenizer.Analyze(text, new DocumentMetadata { Published = published, PublishedOrigin = published is null ? null : "given" });
        Pipeline.Value.Run(doc);
        return doc;
    }
}
