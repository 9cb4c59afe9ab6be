using Hearsay.Core.Learning;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>
/// The accurate mode's parser scorer over frozen contextual word vectors (MiniLM; Chen and Manning 2014, Kiperwasser
/// and Goldberg 2016): every word's vector is projected once per sentence by a shared learned matrix; a transition's
/// input is the projections of <see cref="Slots"/> positions of the configuration (a learned vector for the root and
/// one for an empty slot), one ReLU hidden layer, a softmax over shift / left / right. A second network labels an arc
/// from the projections of its head and dependent and a direction-distance bucket. Its log-probabilities are added,
/// scaled, to the perceptron's scores (<see cref="DependencyParser"/>); the scales were chosen on held-out training
/// sentences and are stored with the weights.
/// </summary>
public sealed class ContextParserNetwork
{
    public const string DefaultModelPath = "parser/parser-context.bin";

    /// <summary>s0, s1, s2, b0, b1, leftmost and rightmost child of s0, leftmost child of b0.</summary>
    public const int Slots = 8;

    /// <summary>Signed distance dependent - head, 8 buckets per direction.</summary>
    public const int DistanceBuckets = 16;

    private const uint Magic = 0x4344_5048; // "HPDC"

    public ContextParserNetwork(string source, int input, int projection, int hidden, int labelHidden, string[] labelNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(labelNames);
        Source = source;
        Input = input;
        Projection = projection;
        Hidden = hidden;
        LabelHidden = labelHidden;
        LabelNames = labelNames;
        Project = new float[projection * input];
        Root = new float[projection];
        Pad = new float[projection];
        W1 = new float[hidden * Slots * projection];
        B1 = new float[hidden];
        W2 = new float[ParserState.ActionCount * hidden];
        B2 = new float[ParserState.ActionCount];
        LabelW1 = new float[labelHidden * 2 * projection];
        LabelDistance = new float[DistanceBuckets * labelHidden];
        LabelB1 = new float[labelHidden];
        LabelW2 = new float[labelNames.Length * labelHidden];
        LabelB2 = new float[labelNames.Length];
    }

    /// <summary>The encoder whose vectors the weights read (<see cref="Core.Documents.TokenVectors.Source"/>).</summary>
    public string Source { get; }

    public int Input { get; }

    public int Projection { get; }

    public int Hidden { get; }

    public int LabelHidden { get; }

    /// <summary>Relation of each label class; the same order as the perceptron's (checked when loaded together).</summary>
    public string[] LabelNames { get; }

    /// <summary>Weight of the perceptron's transition scores (0: the network alone) and of the network's log-probabilities.</summary>
    public float TransitionPerceptronWeight { get; set; } = 1;

    public float TransitionScale { get; set; }

    public float LabelPerceptronWeight { get; set; } = 1;

    public float LabelScale { get; set; }

    /// <summary>[p * Input + i].</summary>
    public float[] Project { get; }

    public float[] Root { get; }

    public float[] Pad { get; }

    /// <summary>[h * (Slots * Projection) + slot * Projection + p].</summary>
    public float[] W1 { get; }

    public float[] B1 { get; }

    /// <summary>[action * Hidden + h].</summary>
    public float[] W2 { get; }

    public float[] B2 { get; }

    /// <summary>[h * 2 * Projection + (0: head, 1: dependent) * Projection + p].</summary>
    public float[] LabelW1 { get; }

    /// <summary>[bucket * LabelHidden + h].</summary>
    public float[] LabelDistance { get; }

    public float[] LabelB1 { get; }

    /// <summary>[label * LabelHidden + h].</summary>
    public float[] LabelW2 { get; }

    public float[] LabelB2 { get; }

    /// <summary>Every weight array, in file order (the trainer's optimiser walks the same list).</summary>
    public float[][] Parameters => [Project, Root, Pad, W1, B1, W2, B2, LabelW1, LabelDistance, LabelB1, LabelW2, LabelB2];

    /// <summary>
    /// The same network with its label classes in the order of <paramref name="labelNames"/> (a parser model's); a
    /// relation it never learned gets a log-probability far below the others.
    /// </summary>
    public ContextParserNetwork WithLabels(string[] labelNames)
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        var other = new ContextParserNetwork(Source, Input, Projection, Hidden, LabelHidden, labelNames)
        {
            TransitionPerceptronWeight = TransitionPerceptronWeight,
            TransitionScale = TransitionScale,
            LabelPerceptronWeight = LabelPerceptronWeight,
            LabelScale = LabelScale,
        };
        var from = Parameters;
        var to = other.Parameters;
        for (int k = 0; k < from.Length; k++)
        {
            if (from[k] != LabelW2 && from[k] != LabelB2)
            {
                from[k].CopyTo(to[k], 0);
            }
        }

        for (int c = 0; c < labelNames.Length; c++)
        {
            int old = Array.IndexOf(LabelNames, labelNames[c]);
            if (old < 0)
            {
                other.LabelB2[c] = -30;
                continue;
            }

            other.LabelB2[c] = LabelB2[old];
            LabelW2.AsSpan(old * LabelHidden, LabelHidden).CopyTo(other.LabelW2.AsSpan(c * LabelHidden, LabelHidden));
        }

        return other;
    }

    /// <summary>Rows of <paramref name="projected"/> ((n + 2) x Projection): the n words, the root at n, the empty slot at n + 1.</summary>
    public void ProjectSentence(ReadOnlySpan<float> vectors, int n, Span<float> projected)
    {
        int p = Projection;
        for (int w = 0; w < n; w++)
        {
            var x = vectors.Slice(w * Input, Input);
            var row = projected.Slice(w * p, p);
            for (int k = 0; k < p; k++)
            {
                row[k] = WindowNetwork.Dot(Project.AsSpan(k * Input, Input), x);
            }
        }

        Root.CopyTo(projected.Slice(n * p, p));
        Pad.CopyTo(projected.Slice((n + 1) * p, p));
    }

    /// <summary>The configuration's slot positions (rows of the projected sentence; n + 1 for an empty slot).</summary>
    public static void SlotsOf(ParserState state, Span<int> slots)
    {
        int empty = state.Length + 1;
        int s0 = state.Stack(0), b0 = state.BufferAt(0);
        slots[0] = s0;
        slots[1] = state.Stack(1);
        slots[2] = state.Stack(2);
        slots[3] = b0;
        slots[4] = state.BufferAt(1);
        slots[5] = state.LeftChild(s0);
        slots[6] = state.RightChild(s0);
        slots[7] = state.LeftChild(b0);
        for (int i = 0; i < Slots; i++)
        {
            if (slots[i] < 0)
            {
                slots[i] = empty;
            }
        }
    }

    /// <summary>Gathers the slots' projections into <paramref name="z"/> (Slots x Projection).</summary>
    public void Gather(ReadOnlySpan<float> projected, ReadOnlySpan<int> slots, Span<float> z)
    {
        int p = Projection;
        for (int i = 0; i < Slots; i++)
        {
            projected.Slice(slots[i] * p, p).CopyTo(z.Slice(i * p, p));
        }
    }

    /// <summary>Activated hidden layer and transition scores (logits) from the gathered input.</summary>
    public void TransitionScores(ReadOnlySpan<float> z, Span<float> hidden, Span<float> scores)
    {
        int width = Slots * Projection;
        for (int h = 0; h < Hidden; h++)
        {
            float a = B1[h] + WindowNetwork.Dot(W1.AsSpan(h * width, width), z);
            hidden[h] = a > 0 ? a : 0;
        }

        for (int a = 0; a < ParserState.ActionCount; a++)
        {
            scores[a] = B2[a] + WindowNetwork.Dot(W2.AsSpan(a * Hidden, Hidden), hidden);
        }
    }

    public static int BucketOf(int head, int dependent)
    {
        int d = Math.Abs(dependent - head);
        int b = d switch { <= 4 => d - 1, <= 6 => 4, <= 10 => 5, <= 20 => 6, _ => 7 };
        return dependent < head ? b : 8 + b;
    }

    /// <summary>Activated label hidden layer and label scores (logits) of the arc head -> dependent.</summary>
    public void LabelScores(ReadOnlySpan<float> projected, int head, int dependent, Span<float> hidden, Span<float> scores)
    {
        int p = Projection, width = 2 * p;
        var ph = projected.Slice(head * p, p);
        var pd = projected.Slice(dependent * p, p);
        var distance = LabelDistance.AsSpan(BucketOf(head, dependent) * LabelHidden, LabelHidden);
        for (int h = 0; h < LabelHidden; h++)
        {
            var row = LabelW1.AsSpan(h * width, width);
            float a = LabelB1[h] + distance[h] + WindowNetwork.Dot(row[..p], ph) + WindowNetwork.Dot(row[p..], pd);
            hidden[h] = a > 0 ? a : 0;
        }

        for (int c = 0; c < LabelNames.Length; c++)
        {
            scores[c] = LabelB2[c] + WindowNetwork.Dot(LabelW2.AsSpan(c * LabelHidden, LabelHidden), hidden);
        }
    }

    public void Save(string path)
    {
        using var w = ModelFile.Create(path);
        w.Write(Magic);
        w.Write(Source);
        w.Write(Input);
        w.Write(Projection);
        w.Write(Hidden);
        w.Write(LabelHidden);
        w.Write(LabelNames.Length);
        foreach (var l in LabelNames)
        {
            w.Write(l);
        }

        w.Write(TransitionPerceptronWeight);
        w.Write(TransitionScale);
        w.Write(LabelPerceptronWeight);
        w.Write(LabelScale);
        foreach (var array in Parameters)
        {
            foreach (float x in array)
            {
                w.Write(x);
            }
        }
    }

    /// <exception cref="InvalidDataException">The file is not a contextual parser model.</exception>
    public static ContextParserNetwork Load(string path)
    {
        try
        {
            using var r = ModelFile.OpenRead(path);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{path}: not a Hearsay contextual parser model.");
            }

            var source = r.ReadString();
            int input = r.ReadInt32(), projection = r.ReadInt32(), hidden = r.ReadInt32(), labelHidden = r.ReadInt32();
            var labels = new string[r.ReadInt32()];
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = string.Intern(r.ReadString());
            }

            var network = new ContextParserNetwork(source, input, projection, hidden, labelHidden, labels)
            {
                TransitionPerceptronWeight = r.ReadSingle(),
                TransitionScale = r.ReadSingle(),
                LabelPerceptronWeight = r.ReadSingle(),
                LabelScale = r.ReadSingle(),
            };
            foreach (var array in network.Parameters)
            {
                for (int i = 0; i < array.Length; i++)
                {
                    array[i] = r.ReadSingle();
                }
            }

            return network;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated contextual parser model.", e);
        }
    }
}

/// <summary>
/// One sentence's scratch for <see cref="ContextParserNetwork"/> at parse time: the projected words and the buffers of
/// one decision. Adds the network's scaled log-probabilities to the perceptron's scores. One instance per thread.
/// </summary>
public sealed class ContextParse
{
    private readonly ContextParserNetwork _network;
    private readonly int[] _slots = new int[ContextParserNetwork.Slots];
    private readonly float[] _z;
    private readonly float[] _hidden;
    private readonly float[] _labelHidden;
    private readonly float[] _scores = new float[ParserState.ActionCount];
    private readonly float[] _labelScores;
    private float[] _projected = [];

    public ContextParse(ContextParserNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _z = new float[ContextParserNetwork.Slots * network.Projection];
        _hidden = new float[network.Hidden];
        _labelHidden = new float[network.LabelHidden];
        _labelScores = new float[network.LabelNames.Length];
    }

    /// <summary>Projects the sentence's word vectors (n x Input) once, before its first decision.</summary>
    public void Begin(ReadOnlySpan<float> vectors, int n)
    {
        int size = (n + 2) * _network.Projection;
        if (_projected.Length < size)
        {
            _projected = new float[size + (64 * _network.Projection)];
        }

        _network.ProjectSentence(vectors, n, _projected);
    }

    /// <summary>scores = perceptron weight * scores + scale * log p(action) over the valid actions.</summary>
    public void AddTransitionScores(ParserState state, Span<float> scores)
    {
        if (_network.TransitionScale == 0)
        {
            return;
        }

        ContextParserNetwork.SlotsOf(state, _slots);
        _network.Gather(_projected, _slots, _z);
        _network.TransitionScores(_z, _hidden, _scores);
        LogSoftmaxValid(state, _scores);
        for (int a = 0; a < scores.Length; a++)
        {
            scores[a] = (_network.TransitionPerceptronWeight * scores[a]) + (_network.TransitionScale * _scores[a]);
        }
    }

    /// <summary>scores = perceptron weight * scores + scale * log p(label) for the arc head -> dependent.</summary>
    public void AddLabelScores(int head, int dependent, Span<float> scores)
    {
        if (_network.LabelScale == 0)
        {
            return;
        }

        _network.LabelScores(_projected, head, dependent, _labelHidden, _labelScores);
        WindowNetwork.LogSoftmax(_labelScores);
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = (_network.LabelPerceptronWeight * scores[c]) + (_network.LabelScale * _labelScores[c]);
        }
    }

    /// <summary>Log-softmax over the valid actions; invalid ones get -infinity.</summary>
    public static void LogSoftmaxValid(ParserState state, Span<float> scores)
    {
        float max = float.NegativeInfinity;
        for (int a = 0; a < scores.Length; a++)
        {
            if (state.IsValid(a))
            {
                max = Math.Max(max, scores[a]);
            }
        }

        float sum = 0;
        for (int a = 0; a < scores.Length; a++)
        {
            if (state.IsValid(a))
            {
                sum += MathF.Exp(scores[a] - max);
            }
        }

        float log = max + MathF.Log(sum);
        for (int a = 0; a < scores.Length; a++)
        {
            scores[a] = state.IsValid(a) ? scores[a] - log : float.NegativeInfinity;
        }
    }
}
