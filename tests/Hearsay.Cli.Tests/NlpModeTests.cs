using Hearsay.Cli.Analysis;
using Hearsay.Cli.Eval;

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
}
