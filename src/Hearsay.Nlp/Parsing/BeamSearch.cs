using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>Chooses the relation of a new arc from the dependent's finished subtree.</summary>
public interface IArcLabeler
{
    int Choose(SentenceTree tree, int head, int dependent, in Attachments kids);
}

/// <summary>A trained model's labeler (see <see cref="DependencyParser.PredictLabel"/>), with its own scratch buffers.</summary>
public sealed class ModelArcLabeler(ParserModel model) : IArcLabeler
{
    private readonly ulong[] _features = new ulong[LabelFeatures.Count];
    private readonly float[] _scores = new float[model.LabelNames.Length];

    public int Choose(SentenceTree tree, int head, int dependent, in Attachments kids) => DependencyParser.PredictLabel(model, tree, head, dependent, kids, _features, _scores);
}

/// <summary>
/// Beam search over arc-hybrid transitions (Zhang and Nivre 2011): every item of the beam is expanded by its valid
/// actions, scored by the sum of its transition scores, and the best <see cref="Width"/> survive. With gold actions
/// it also finds the step of maximum violation for a global perceptron update (Huang, Fayong and Guo 2012).
/// Allocation-free per sentence once its pools are large enough: items are structs, stacks are persistent linked
/// nodes in one pooled array (an item copies only the node it changes), and the history of every item is a chain of
/// pooled steps. One instance per thread.
/// </summary>
public sealed class BeamSearch
{
    private struct Node
    {
        public int Word;
        public int Below;
        public Attachments Kids;
    }

    private struct Item
    {
        public int Top;    // stack node of s0, or -1
        public int Depth;  // stack size
        public int Buffer; // b0; the root (sentence length) last
        public int Front;  // node holding b0's left children, or -1 while it has none
        public float Score;
        public int Trace;  // last step, or -1
        public bool Gold;  // every action so far is the gold one
    }

    private struct Step
    {
        public int Previous;
        public int Action;
        public int Head;
        public int Dependent;
        public int Label;
    }

    private struct Candidate
    {
        public int From;
        public int Action;
        public float Score;
    }

    private Item[] _beam;
    private Item[] _next;
    private readonly Candidate[] _candidates;
    private Node[] _nodes = new Node[1024];
    private Step[] _steps = new Step[1024];
    private int _nodeCount;
    private int _stepCount;
    private int _size;

    public BeamSearch(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        Width = width;
        _beam = new Item[width];
        _next = new Item[width];
        _candidates = new Candidate[width];
    }

    public int Width { get; }

    /// <summary>Step (0-based) of the maximum violation found by the last <see cref="Train"/>, or -1 when the best item was gold.</summary>
    public int ViolationStep { get; private set; }

    /// <summary>Parses one filled sentence: heads into <c>tree.Heads</c> (Length = root), label classes into <paramref name="labels"/>.</summary>
    public void Parse(SentenceTree tree, ReadOnlySpan<bool> markers, ILinearScorer transitions, IArcLabeler labeler, Span<int> labels)
    {
        Run(tree, markers, transitions, labeler, []);
        for (int s = _beam[0].Trace; s >= 0; s = _steps[s].Previous)
        {
            ref readonly var step = ref _steps[s];
            if (step.Dependent >= 0)
            {
                tree.Heads[step.Dependent] = step.Head;
                labels[step.Dependent] = step.Label;
            }
        }
    }

    /// <summary>
    /// Searches with the gold action sequence known; when the gold item falls out of the beam or does not end first,
    /// sets <see cref="ViolationStep"/> and writes the actions of the most violating item up to it into
    /// <paramref name="violator"/> (whose length must be at least <c>2 * tree.Length</c>).
    /// </summary>
    public void Train(SentenceTree tree, ReadOnlySpan<bool> markers, ILinearScorer transitions, IArcLabeler labeler, ReadOnlySpan<int> gold, Span<int> violator)
    {
        int trace = Run(tree, markers, transitions, labeler, gold);
        for (int s = trace, t = ViolationStep; s >= 0; s = _steps[s].Previous, t--)
        {
            violator[t] = _steps[s].Action;
        }
    }

    private int Run(SentenceTree tree, ReadOnlySpan<bool> markers, ILinearScorer transitions, IArcLabeler labeler, ReadOnlySpan<int> gold)
    {
        int n = tree.Length;
        int steps = 2 * n;
        Reserve((steps + 1) * (Width + 1));
        bool training = gold.Length > 0;
        Span<ulong> features = stackalloc ulong[ParserFeatures.Count];
        Span<float> scores = stackalloc float[ParserState.ActionCount];
        var start = new Item { Top = -1, Front = -1, Trace = -1, Gold = true };
        _beam[0] = start;
        _size = 1;
        var goldItem = start;
        float maxViolation = float.NegativeInfinity;
        int violatorTrace = -1;
        ViolationStep = -1;
        bool goldInBeam = true;
        for (int t = 0; t < steps; t++)
        {
            int count = 0;
            for (int i = 0; i < _size; i++)
            {
                ref readonly var item = ref _beam[i];
                var context = ContextOf(item, n);
                ParserFeatures.Extract(context, tree.Words, tree.Tags, tree.Upos, features);
                transitions.Score(features, scores);
                for (int a = 0; a < ParserState.ActionCount; a++)
                {
                    if (IsValid(item, a, n))
                    {
                        count = Offer(count, i, a, item.Score + scores[a]);
                    }
                }
            }

            goldInBeam = false;
            for (int c = 0; c < count; c++)
            {
                ref readonly var candidate = ref _candidates[c];
                ref readonly var parent = ref _beam[candidate.From];
                var child = Apply(parent, candidate.Action, tree, markers, labeler);
                child.Score = candidate.Score;
                child.Gold = training && parent.Gold && candidate.Action == gold[t];
                goldInBeam |= child.Gold;
                _next[c] = child;
            }

            (_beam, _next) = (_next, _beam);
            _size = count;
            if (training)
            {
                ParserFeatures.Extract(ContextOf(goldItem, n), tree.Words, tree.Tags, tree.Upos, features);
                transitions.Score(features, scores);
                float goldScore = goldItem.Score + scores[gold[t]];
                goldItem = Apply(goldItem, gold[t], tree, markers, labeler);
                goldItem.Score = goldScore;
                if (!goldInBeam && _beam[0].Score - goldScore > maxViolation)
                {
                    maxViolation = _beam[0].Score - goldScore;
                    violatorTrace = _beam[0].Trace;
                    ViolationStep = t;
                }
            }
        }

        if (training && goldInBeam && !_beam[0].Gold && _beam[0].Score - goldItem.Score > maxViolation)
        {
            violatorTrace = _beam[0].Trace;
            ViolationStep = steps - 1;
        }

        return violatorTrace;
    }

    /// <summary>Keeps the <see cref="Width"/> best candidates sorted by score (ties: the earlier one first).</summary>
    private int Offer(int count, int from, int action, float score)
    {
        int at = count;
        if (count == Width)
        {
            if (score <= _candidates[count - 1].Score)
            {
                return count;
            }

            at = count - 1;
        }
        else
        {
            count++;
        }

        while (at > 0 && _candidates[at - 1].Score < score)
        {
            _candidates[at] = _candidates[at - 1];
            at--;
        }

        _candidates[at] = new Candidate { From = from, Action = action, Score = score };
        return count;
    }

    private static bool IsValid(in Item item, int action, int n) => action switch
    {
        ParserState.Shift => item.Buffer < n,
        ParserState.Left => item.Depth > 0 && (item.Buffer < n || item.Depth == 1),
        _ => item.Depth > 1,
    };

    private ParserContext ContextOf(in Item item, int n)
    {
        int s0 = -1, s1 = -1, s2 = -1;
        var s0Kids = Attachments.None;
        var s1Kids = Attachments.None;
        if (item.Top >= 0)
        {
            ref readonly var top = ref _nodes[item.Top];
            s0 = top.Word;
            s0Kids = top.Kids;
            if (top.Below >= 0)
            {
                ref readonly var below = ref _nodes[top.Below];
                s1 = below.Word;
                s1Kids = below.Kids;
                s2 = below.Below >= 0 ? _nodes[below.Below].Word : -1;
            }
        }

        return ParserContext.Create(s0, s1, s2, item.Buffer, n, s0Kids, s1Kids, item.Front >= 0 ? _nodes[item.Front].Kids : Attachments.None);
    }

    private Item Apply(in Item parent, int action, SentenceTree tree, ReadOnlySpan<bool> markers, IArcLabeler labeler)
    {
        var item = parent;
        int head = -1, dependent = -1, label = -1;
        if (action == ParserState.Shift)
        {
            _nodes[_nodeCount] = new Node { Word = parent.Buffer, Below = parent.Top, Kids = parent.Front >= 0 ? _nodes[parent.Front].Kids : Attachments.None };
            item.Top = _nodeCount++;
            item.Depth++;
            item.Buffer++;
            item.Front = -1;
        }
        else
        {
            ref readonly var top = ref _nodes[parent.Top];
            dependent = top.Word;
            label = labeler.Choose(tree, action == ParserState.Left ? parent.Buffer : _nodes[top.Below].Word, dependent, top.Kids);
            if (action == ParserState.Left)
            {
                head = parent.Buffer;
                var kids = parent.Front >= 0 ? _nodes[parent.Front].Kids : Attachments.None;
                kids.Add(head, dependent, label, markers[dependent]);
                _nodes[_nodeCount] = new Node { Word = head, Below = -1, Kids = kids };
                item.Front = _nodeCount++;
                item.Top = top.Below;
            }
            else
            {
                ref readonly var below = ref _nodes[top.Below];
                head = below.Word;
                var kids = below.Kids;
                kids.Add(head, dependent, label, markers[dependent]);
                _nodes[_nodeCount] = new Node { Word = head, Below = below.Below, Kids = kids };
                item.Top = _nodeCount++;
            }

            item.Depth--;
        }

        _steps[_stepCount] = new Step { Previous = parent.Trace, Action = action, Head = head, Dependent = dependent, Label = label };
        item.Trace = _stepCount++;
        return item;
    }

    private void Reserve(int size)
    {
        _nodeCount = 0;
        _stepCount = 0;
        if (_nodes.Length < size)
        {
            _nodes = new Node[size + 1024];
            _steps = new Step[size + 1024];
        }
    }
}
