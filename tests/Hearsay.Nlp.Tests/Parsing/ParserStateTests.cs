using Hearsay.Nlp.Parsing;

namespace Hearsay.Nlp.Tests.Parsing;

public class ParserStateTests
{
    // "She said it rained ." heads: She->said, said->root, it->rained, rained->said, .->said ; root = 5
    private static readonly int[] Gold = [1, 5, 3, 1, 1];

    private static int[] FollowOracle(int[] gold)
    {
        var state = new ParserState();
        state.Reset(gold.Length);
        int guard = 0;
        while (!state.IsTerminal && guard++ < 100)
        {
            int action = -1;
            for (int a = 0; a < ParserState.ActionCount; a++)
            {
                if (state.IsValid(a) && state.Cost(a, gold) == 0)
                {
                    action = a;
                    break;
                }
            }

            action.ShouldBeGreaterThanOrEqualTo(0);
            state.Apply(action);
        }

        return state.Heads.ToArray();
    }

    [Fact]
    public void Zero_cost_actions_rebuild_the_gold_tree() => FollowOracle(Gold).ShouldBe(Gold);

    [Fact]
    public void Zero_cost_actions_rebuild_random_projective_trees()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 15);
            var heads = RandomProjectiveTree(n, random);
            ParserTrainer.IsProjective(heads).ShouldBeTrue();
            FollowOracle(heads).ShouldBe(heads);
        }
    }

    [Fact]
    public void Wrong_attachment_costs_one_arc()
    {
        var state = new ParserState();
        state.Reset(Gold.Length);
        state.Apply(ParserState.Shift); // stack: She
        state.Cost(ParserState.Shift, Gold).ShouldBe(1); // "said" on the stack could no longer head "She"
        state.Cost(ParserState.Left, Gold).ShouldBe(0);
    }

    [Fact]
    public void Crossing_arcs_are_not_projective() => ParserTrainer.IsProjective([2, 3, 4, 4]).ShouldBeFalse();

    /// <summary>Builds a projective tree by recursive splitting: a span picks a head and attaches its subspans.</summary>
    private static int[] RandomProjectiveTree(int n, Random random)
    {
        var heads = new int[n];
        Build(0, n, n);
        return heads;

        void Build(int lo, int hi, int head)
        {
            if (lo >= hi)
            {
                return;
            }

            int h = random.Next(lo, hi);
            heads[h] = head;
            int cut = lo;
            while (cut < h)
            {
                int next = random.Next(cut + 1, h + 1);
                Build(cut, next, h);
                cut = next;
            }

            cut = h + 1;
            while (cut < hi)
            {
                int next = random.Next(cut + 1, hi + 1);
                Build(cut, next, h);
                cut = next;
            }
        }
    }
}
