using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;
using Hearsay.Nlp.Tokenization;

namespace Hearsay.Nlp.Tests.Parsing;

/// <summary>The beam decoder against the greedy one, on the committed models.</summary>
public class BeamSearchTests
{
    private const string Text = "The spokesman said the leader had not fled the country. Officials, who asked not to be named, "
        + "told reporters on Tuesday that the talks would resume in Geneva next week if both sides agreed. She denied it.";

    private static readonly Lazy<(Document Doc, ParserModel Model)> Tagged = new(() =>
    {
        var doc = new Document(Text);
        DocumentPipeline.Build([new Tokenizer(), new SentenceSplitter(), PosTagger.Load()]).Run(doc);
        return (doc, DependencyParser.Load().Model);
    });

    private static IEnumerable<(SentenceTree Tree, bool[] Markers)> Sentences()
    {
        var (doc, _) = Tagged.Value;
        foreach (var s in doc.Sentences)
        {
            var tree = new SentenceTree();
            int n = s.Tokens.Length;
            tree.Reset(n);
            var markers = new bool[n + 1];
            for (int i = 0; i < n; i++)
            {
                var t = doc.Tokens[s.Tokens.Start + i];
                DependencyParser.Fill(tree, i, doc.Text.AsSpan(t.Start, t.Range.Length), t.Xpos ?? "_", t.Upos ?? "_", markers);
            }

            DependencyParser.FillRoot(tree);
            yield return (tree, markers);
        }
    }

    [Fact]
    public void A_beam_of_one_is_the_greedy_parser()
    {
        var model = Tagged.Value.Model;
        foreach (var (tree, markers) in Sentences())
        {
            int n = tree.Length;
            var greedyLabels = new int[n];
            DependencyParser.Parse(model, tree, new ParserState(), markers, greedyLabels);
            var greedyHeads = tree.Heads[..n].ToArray();
            var beamLabels = new int[n];
            new BeamSearch(1).Parse(tree, markers, model.Transitions, new ModelArcLabeler(model), beamLabels);
            tree.Heads[..n].ShouldBe(greedyHeads);
            beamLabels.ShouldBe(greedyLabels);
        }
    }

    [Fact]
    public void A_wide_beam_gives_one_projective_tree_per_sentence()
    {
        var model = Tagged.Value.Model;
        var search = new BeamSearch(8);
        foreach (var (tree, markers) in Sentences())
        {
            int n = tree.Length;
            Array.Fill(tree.Heads, -1);
            var labels = new int[n];
            search.Parse(tree, markers, model.Transitions, new ModelArcLabeler(model), labels);
            var heads = tree.Heads[..n].ToArray();
            heads.ShouldAllBe(h => h >= 0 && h <= n);
            heads.Count(h => h == n).ShouldBe(1);
            ParserTrainer.IsProjective(heads).ShouldBeTrue();
            labels.Count(l => l == model.RootLabel).ShouldBe(1);
        }
    }

    [Fact]
    public void The_model_file_keeps_the_beam_width_and_the_default_is_capped_for_speed()
    {
        var model = Tagged.Value.Model;
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-beam-{Guid.NewGuid():N}.bin");
        try
        {
            new ParserModel(model.Version, model.Transitions, model.Labels, model.LabelNames, beamWidth: 8).Save(path);
            var loaded = ParserModel.Load(path);
            loaded.BeamWidth.ShouldBe(8);
            new DependencyParser(loaded).BeamWidth.ShouldBe(DependencyParser.DefaultMaxBeamWidth);
            new DependencyParser(loaded, beamWidth: 8).BeamWidth.ShouldBe(8);
            new DependencyParser(loaded, beamWidth: 1).BeamWidth.ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(ParserModel.LegacyTemplateCount)]
    [InlineData(ParserFeatures.Count)]
    public void The_model_file_keeps_how_many_templates_the_weights_were_trained_on(int templates)
    {
        var model = Tagged.Value.Model;
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-templates-{Guid.NewGuid():N}.bin");
        try
        {
            new ParserModel(model.Version, model.Transitions, model.Labels, model.LabelNames, templateCount: templates).Save(path);
            var loaded = ParserModel.Load(path);
            loaded.TemplateCount.ShouldBe(templates);
            loaded.BeamWidth.ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
