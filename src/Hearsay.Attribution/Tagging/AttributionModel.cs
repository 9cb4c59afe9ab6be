using Hearsay.Core.Models;

namespace Hearsay.Attribution.Tagging;

/// <summary>Where the shipped attribution model lives and how it is loaded once per process.</summary>
public static class AttributionModel
{
    public const string RelativePath = "attribution/attribution.bin.gz";

    private static readonly Lazy<AttributionTagger> Shipped = new(() =>
    {
        var path = ModelPaths.Find(RelativePath)
            ?? throw new FileNotFoundException($"attribution model {RelativePath} not found under the models folder (set HEARSAY_MODELS)");
        return AttributionTagger.Load(path);
    });

    /// <summary>The model that also reads Penn tags, for documents the POS tagger has annotated.</summary>
    public const string TaggedRelativePath = "attribution/attribution-pos.bin.gz";

    private static readonly Lazy<AttributionTagger?> ShippedTagged = new(() =>
        ModelPaths.Find(TaggedRelativePath) is { } path ? AttributionTagger.Load(path) : null);

    /// <summary>The committed model with POS features, or null when the file is absent (words-only then).</summary>
    public static AttributionTagger? Tagged => ShippedTagged.Value;

    /// <summary>The committed words-only model; loaded on first use and shared (the tagger is read-only).</summary>
    public static AttributionTagger Default => Shipped.Value;

    /// <summary>A model file given by path, or the shipped one when <paramref name="path"/> is null.</summary>
    public static AttributionTagger Load(string? path) => path is null ? Default : AttributionTagger.Load(path);
}
