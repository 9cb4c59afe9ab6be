using System.Globalization;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>
/// Global training of the transition weights for beam search (Zhang and Nivre 2011) with the max-violation update
/// (Huang, Fayong and Guo 2012): the gold sequence is rewarded and the highest-scoring item penalized over the
/// prefixes where the beam's best is furthest ahead of the gold one. The gold sequence is the static oracle's (arcs
/// as soon as they are due), which is the only one for a projective tree in the arc-hybrid system with the root last.
/// The labeler learns along the gold sequence; in the search, correct arcs keep their gold relation (later
/// features see it) and wrong ones get the labeler's.
/// </summary>
internal sealed class BeamTrainer
{
    private readonly IReadOnlyList<ParserTrainer.Item> _items;
    private readonly int[]?[] _gold;
    private readonly AveragedPerceptron _transitions;
    private readonly AveragedPerceptron _labeler;
    private readonly int _rootLabel;
    private readonly BeamSearch _search;
    private readonly TrainingLabeler _arcLabeler;
    private readonly SentenceTree _tree = new();
    private readonly ParserState _state = new();
    private readonly ParserState _other = new();
    private readonly ulong[] _features = new ulong[ParserFeatures.Count];
    private readonly ulong[] _labelFeatures = new ulong[LabelFeatures.Count];
    private readonly float[] _labelScores;
    private bool[] _markers = new bool[1024];
    private int[] _violator = new int[1024];

    public BeamTrainer(IReadOnlyList<ParserTrainer.Item> items, AveragedPerceptron transitions, AveragedPerceptron labeler, int rootLabel, int width)
    {
        _items = items;
        _transitions = transitions;
        _labeler = labeler;
        _rootLabel = rootLabel;
        _search = new BeamSearch(width);
        _labelScores = new float[labeler.ClassCount];
        _arcLabeler = new TrainingLabeler(this);
        _gold = [.. items.Select(i => i.Projective ? GoldActions(i.GoldHeads) : null)];
    }

    /// <summary>One pass over the sentences in <paramref name="order"/>; returns the error rates.</summary>
    public string Epoch(ReadOnlySpan<int> order)
    {
        long sentences = 0, updates = 0, arcs = 0, labelErrors = 0;
        foreach (int index in order)
        {
            if (_gold[index] is not { } gold)
            {
                continue;
            }

            var item = _items[index];
            int n = item.Sentence.Words.Count;
            ParserTrainer.Load(item, _tree, ref _markers);
            if (_violator.Length < gold.Length)
            {
                _violator = new int[gold.Length + 64];
            }

            _arcLabeler.Sentence = item;
            _search.Train(_tree, _markers, _transitions, _arcLabeler, gold, _violator);
            _transitions.Tick();
            sentences++;
            if (_search.ViolationStep >= 0)
            {
                updates++;
                Update(item, gold, _search.ViolationStep + 1);
            }

            // The labeler along the gold sequence, with gold relations on the earlier arcs.
            _state.Reset(n);
            foreach (int action in gold)
            {
                var (h, d) = _state.ArcOf(action);
                if (d >= 0 && h != n)
                {
                    LabelFeatures.Extract(_tree, h, d, _state.KidsOf(d), _labelFeatures);
                    _labeler.Score(_labelFeatures, _labelScores);
                    int predicted = ParserTrainer.ArgMaxExcept(_labelScores, _rootLabel);
                    _labeler.Tick();
                    arcs++;
                    if (predicted != item.GoldLabels[d])
                    {
                        labelErrors++;
                        _labeler.Update(_labelFeatures, item.GoldLabels[d], predicted);
                    }
                }

                _state.Apply(action, d >= 0 ? item.GoldLabels[d] : -1, d >= 0 && _markers[d]);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"sentences updated {(double)updates / Math.Max(1, sentences):0.0000}, label errors {(double)labelErrors / Math.Max(1, arcs):0.0000}");
    }

    /// <summary>Rewards the gold actions and penalizes the violator's over the first <paramref name="steps"/>, from where they part.</summary>
    private void Update(ParserTrainer.Item item, int[] gold, int steps)
    {
        int n = item.Sentence.Words.Count;
        int common = 0;
        while (common < steps && gold[common] == _violator[common])
        {
            common++;
        }

        _state.Reset(n);
        _other.Reset(n);
        for (int t = 0; t < common; t++)
        {
            Apply(_state, item, gold[t]);
            Apply(_other, item, gold[t]);
        }

        for (int t = common; t < steps; t++)
        {
            ParserFeatures.Extract(_state.Context(), _tree.Words, _tree.Tags, _tree.Upos, _features);
            _transitions.Add(_features, gold[t], 1f);
            Apply(_state, item, gold[t]);
        }

        for (int t = common; t < steps; t++)
        {
            ParserFeatures.Extract(_other.Context(), _tree.Words, _tree.Tags, _tree.Upos, _features);
            _transitions.Add(_features, _violator[t], -1f);
            Apply(_other, item, _violator[t]);
        }
    }

    /// <summary>Applies an action with the relation the search gave its arc (see <see cref="TrainingLabeler"/>).</summary>
    private void Apply(ParserState state, ParserTrainer.Item item, int action)
    {
        var (h, d) = state.ArcOf(action);
        int label = d >= 0 ? _arcLabeler.Choose(_tree, h, d, state.KidsOf(d)) : -1;
        state.Apply(action, label, d >= 0 && _markers[d]);
    }

    /// <summary>The static oracle's actions (zero-cost arcs first), or null if they do not rebuild the tree.</summary>
    private static int[]? GoldActions(int[] heads)
    {
        var state = new ParserState();
        state.Reset(heads.Length);
        var actions = new List<int>(2 * heads.Length);
        while (!state.IsTerminal)
        {
            int next = -1;
            foreach (int a in (ReadOnlySpan<int>)[ParserState.Left, ParserState.Right, ParserState.Shift])
            {
                if (state.IsValid(a) && state.Cost(a, heads) == 0)
                {
                    next = a;
                    break;
                }
            }

            if (next < 0)
            {
                return null;
            }

            actions.Add(next);
            state.Apply(next);
        }

        return state.Heads.SequenceEqual(heads) ? [.. actions] : null;
    }

    /// <summary>Gold relation for a correct arc, the labeler's best otherwise (never "root" below the root).</summary>
    private sealed class TrainingLabeler(BeamTrainer owner) : IArcLabeler
    {
        public ParserTrainer.Item? Sentence { get; set; }

        public int Choose(SentenceTree tree, int head, int dependent, in Attachments kids)
        {
            var item = Sentence!;
            if (item.GoldHeads[dependent] == head)
            {
                return item.GoldLabels[dependent];
            }

            if (head == tree.Length)
            {
                return owner._rootLabel;
            }

            LabelFeatures.Extract(tree, head, dependent, kids, owner._labelFeatures);
            owner._labeler.Score(owner._labelFeatures, owner._labelScores);
            return ParserTrainer.ArgMaxExcept(owner._labelScores, owner._rootLabel);
        }
    }
}
