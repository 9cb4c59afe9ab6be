using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Tests;

public class DependencyFeatureTests
{
    // "Ann said the deal was off ." with "said" as root, "Ann" its nsubj and "was" its ccomp.
    private static readonly string[] Words = "Ann said the deal was off .".Split(' ');
    private static readonly int[] Heads = [1, -1, 3, 4, 1, 4, 1];
    private static readonly string?[] Rels = ["nsubj", "root", "det", "nsubj", "ccomp", "advmod", "punct"];

    private static List<ulong> FeaturesOf(int token, int[]? heads, string?[]? rels)
    {
        var extractor = new FeatureExtractor(new CueLexicon(new Dictionary<string, float> { ["said"] = 0.9f }));
        var features = new List<ulong>();
        var offsets = new int[Words.Length + 1];
        extractor.Extract(Words, null, features, offsets, null, heads, rels);
        return features.GetRange(offsets[token], offsets[token + 1] - offsets[token]);
    }

    [Fact]
    public void TokensCarryTheirBranchUnderTheCue()
    {
        FeaturesOf(0, Heads, Rels).ShouldContain(FeatureHash.Of(63, "nsubj"));
        FeaturesOf(3, Heads, Rels).ShouldContain(FeatureHash.Of(63, "ccomp"));
        FeaturesOf(2, Heads, Rels).ShouldContain(FeatureHash.Of(68, "ccomp", "first"));
        FeaturesOf(5, Heads, Rels).ShouldContain(FeatureHash.Of(68, "ccomp", "last"));
        FeaturesOf(1, Heads, Rels).ShouldContain(FeatureHash.Of(63, "none"));
    }

    [Fact]
    public void WithoutDependenciesNoSyntaxFeatures()
    {
        FeaturesOf(3, null, null).ShouldNotContain(FeatureHash.Of(60, "nsubj"));
        FeaturesOf(3, Heads, Rels).ShouldContain(FeatureHash.Of(60, "nsubj"));
    }
}
