using Hearsay.Cli.Analysis;
using Hearsay.Cli.Eval;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Entities;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Tests;

public class NlpModeTests
{
    [Fact]
    public void Force_sets_the_mode_for_this_flow_only_until_disposed()
    {
        bool before = NlpMode.Accurate;
        bool seenByOtherThread = before;
        using (NlpMode.Force(!before))
        {
            NlpMode.Accurate.ShouldBe(!before);

            // A thread started without this flow's context (as another test class's would be) keeps the environment's mode.
            var other = new Thread(() => seenByOtherThread = NlpMode.Accurate);
            using (ExecutionContext.SuppressFlow())
            {
                other.Start();
            }

            other.Join();
        }

        seenByOtherThread.ShouldBe(before);
        NlpMode.Accurate.ShouldBe(before);
    }

    [Fact]
    public void Every_accurate_task_wraps_a_fast_task_of_the_same_name()
    {
        var accurate = EvalTasks.All.OfType<AccurateEvalTask>().Select(t => t.Name).ToList();

        accurate.ShouldBe(["tagger-accurate", "ner-accurate", "parser-accurate", "coref-accurate"]);
        foreach (var name in accurate)
        {
            var fast = name[..^"-accurate".Length];
            EvalTasks.All.ShouldContain(t => t.Name == fast);
        }
    }

    [Fact]
    public void The_accurate_analysis_adds_the_encoder_and_keeps_the_syntax_attribution_learned_from()
    {
        using var mode = NlpMode.Force(accurate: true);

        var stages = AnalysisPipelineFactory.DefaultStages();

        stages.OfType<ContextEncoderStage>().ShouldHaveSingleItem();
        stages.OfType<EntityRecognizer>().Single().Requires.HasFlag(Layers.ContextVectors).ShouldBeTrue();
        stages.OfType<PosTagger>().Single().Requires.HasFlag(Layers.ContextVectors).ShouldBeFalse();
        stages.OfType<DependencyParser>().Single().Requires.HasFlag(Layers.ContextVectors).ShouldBeFalse();
        Should.NotThrow(() => DocumentPipeline.Build(stages, Layers.Text));
    }
}
