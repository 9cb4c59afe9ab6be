using Hearsay.Core.Documents;
using Hearsay.Core.Models;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>
/// Arc-hybrid dependency parser: greedy (averaged perceptron trained with a dynamic oracle) or beam search (global
/// structured perceptron), with an arc labeler that assigns each UD relation when its arc is made. Needs tokens,
/// sentences and POS tags.
/// </summary>
public sealed class DependencyParser : ModelStage<ParsePrediction>
{
    public const string DefaultModelPath = "parser/parser.bin";

    /// <summary>Overrides the beam width stored in the model file (speed against accuracy, e.g. for benchmarks).</summary>
    public const string BeamVariable = "HEARSAY_PARSER_BEAM";

    /// <summary>
    /// Widest beam used unless asked for (<see cref="BeamVariable"/> or the constructor): the issue asks for at least
    /// 50,000 words per CPU second for tokenize + tag + parse + NER, which a wider beam does not keep (see the model card).
    /// </summary>
    public const int DefaultMaxBeamWidth = 3;

    /// <param name="beamWidth">Beam width; 0 for the model's own (<see cref="ParserModel.BeamWidth"/>, at most
    /// <see cref="DefaultMaxBeamWidth"/>), 1 for greedy.</param>
    /// <param name="context">The accurate mode's scorer over contextual vectors (greedy decoding only), or null.</param>
    public DependencyParser(ParserModel model, int beamWidth = 0, ContextParserNetwork? context = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(beamWidth);
        if (context is not null && !context.LabelNames.SequenceEqual(model.LabelNames))
        {
            throw new InvalidDataException("the contextual parser model's relations differ from the parser model's: retrain it over this parser.bin.");
        }

        Model = model;
        Context = context;
        BeamWidth = context is not null ? 1 : beamWidth > 0 ? beamWidth : Math.Min(model.BeamWidth, DefaultMaxBeamWidth);
    }

    public ParserModel Model { get; }

    /// <summary>The accurate mode's contextual scorer, or null (the fast default).</summary>
    public ContextParserNetwork? Context { get; }

    public int BeamWidth { get; }

    public override string Name => "parser";

    /// <summary>The perceptron's version; "+context" in the accurate mode, whose parses differ.</summary>
    public override string Version => Context is null ? Model.Version : Model.Version + "+context";

    public override Layers Requires => Layers.Tokens | Layers.Sentences | Layers.PartOfSpeech | (Context is null ? Layers.None : Layers.ContextVectors);

    public override Layers Provides => Layers.Dependencies;

    /// <param name="accurate">Also load the contextual scorer (<see cref="ContextParserNetwork.DefaultModelPath"/>): the
    /// parser then needs <see cref="Layers.ContextVectors"/> and decodes greedily.</param>
    /// <exception cref="FileNotFoundException">No parser model (or, when accurate, no contextual model) is installed.</exception>
    public static DependencyParser Load(bool accurate = false)
    {
        var path = ModelPaths.Find(DefaultModelPath) ?? throw new FileNotFoundException($"parser model '{DefaultModelPath}' not found under the models folder ({ModelPaths.Root ?? "none"}).");
        int width = int.TryParse(Environment.GetEnvironmentVariable(BeamVariable), out int w) && w > 0 ? w : 0;
        ContextParserNetwork? context = null;
        if (accurate)
        {
            var contextPath = ModelPaths.Find(ContextParserNetwork.DefaultModelPath) ?? throw new FileNotFoundException($"the accurate mode's parser model '{ContextParserNetwork.DefaultModelPath}' not found under the models folder ({ModelPaths.Root ?? "none"}).");
            context = ContextParserNetwork.Load(contextPath);
        }

        return new DependencyParser(ParserModel.Load(path), width, context);
    }

    public override ParsePrediction Predict(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens;
        var text = document.Text;
        var heads = new int[tokens.Length];
        var relations = new string[tokens.Length];
        var tree = new SentenceTree();
        var state = new ParserState();
        var beam = BeamWidth > 1 ? new BeamSearch(BeamWidth) : null;
        var labeler = new ModelArcLabeler(Model);
        var markers = new bool[64];
        var labels = new int[64];
        var context = Context is null ? null : new ContextParse(Context);
        var vectors = Context is null ? null : document.ContextVectors ?? throw new InvalidOperationException("the contextual parser needs the context vectors layer.");
        if (vectors is not null && (vectors.Source != Context!.Source || vectors.Dimension != Context.Input))
        {
            throw new InvalidOperationException($"the contextual parser reads {Context.Source} vectors ({Context.Input}), the document has {vectors.Source} ({vectors.Dimension}).");
        }

        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = s.Tokens.Length;
            tree.Reset(n);
            if (markers.Length < n)
            {
                markers = new bool[n + 64];
                labels = new int[n + 64];
            }

            for (int i = 0; i < n; i++)
            {
                var t = tokens[s.Tokens.Start + i];
                var form = text.AsSpan(t.Start, t.Range.Length);
                Fill(tree, i, form, t.Xpos ?? "_", t.Upos ?? "_", markers);
            }

            FillRoot(tree);
            context?.Begin(vectors!.Rows(s.Tokens.Start, n), n);
            if (beam is null)
            {
                Parse(Model, tree, state, markers, labels, context);
            }
            else
            {
                beam.Parse(tree, markers, Model.Transitions, labeler, labels);
            }

            for (int i = 0; i < n; i++)
            {
                int h = tree.Heads[i];
                heads[s.Tokens.Start + i] = h == n ? -1 : s.Tokens.Start + h;
                relations[s.Tokens.Start + i] = Model.LabelNames[labels[i]];
            }
        }

        return new ParsePrediction(heads, relations);
    }

    public override void Apply(Document document, ParsePrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prediction);
        var tokens = document.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i].Head = prediction.Heads[i];
            tokens[i].DepRel = prediction.Relations[i];
        }

        document.MarkPresent(Layers.Dependencies);
    }

    private static readonly ulong RootWord = FeatureHash.Value(-5000);
    private static readonly ulong RootTag = FeatureHash.Value(-5001);

    /// <summary>Sets the hashes of word <paramref name="i"/>.</summary>
    public static void Fill(SentenceTree tree, int i, ReadOnlySpan<char> form, string xpos, string upos, Span<bool> markers)
    {
        tree.Words[i] = FeatureHash.OfLower(form);
        tree.Tags[i] = FeatureHash.Of(xpos);
        tree.Upos[i] = FeatureHash.Of(upos);
        tree.Suffixes[i] = FeatureHash.OfLower(form[Math.Max(0, form.Length - 3)..]);
        markers[i] = upos is "ADP" or "SCONJ" || (upos == "PART" && form.Equals("to", StringComparison.OrdinalIgnoreCase));
    }

    public static void FillRoot(SentenceTree tree)
    {
        int n = tree.Length;
        tree.Words[n] = RootWord;
        tree.Tags[n] = RootTag;
        tree.Upos[n] = RootTag;
        tree.Suffixes[n] = RootWord;
    }

    /// <summary>Parses one filled sentence: heads into <c>tree.Heads</c> (Length = root), label classes into <paramref name="labels"/>.</summary>
    /// <param name="context">The accurate mode's scorer, prepared for this sentence (<see cref="ContextParse.Begin"/>), or null.</param>
    public static void Parse(ParserModel model, SentenceTree tree, ParserState state, ReadOnlySpan<bool> markers, Span<int> labels, ContextParse? context = null)
    {
        int n = tree.Length;
        Span<ulong> features = stackalloc ulong[ParserFeatures.Count];
        Span<float> scores = stackalloc float[ParserState.ActionCount];
        Span<ulong> lf = stackalloc ulong[LabelFeatures.Count];
        Span<float> ls = stackalloc float[model.LabelNames.Length];
        state.Reset(n);
        while (!state.IsTerminal)
        {
            ParserFeatures.Extract(state.Context(), tree.Words, tree.Tags, tree.Upos, features);
            model.Transitions.Score(features[..model.TemplateCount], scores);
            context?.AddTransitionScores(state, scores);
            int best = -1;
            for (int a = 0; a < ParserState.ActionCount; a++)
            {
                if (state.IsValid(a) && (best < 0 || scores[a] > scores[best]))
                {
                    best = a;
                }
            }

            var (h, d) = state.ArcOf(best);
            int label = -1;
            if (d >= 0)
            {
                label = PredictLabel(model, tree, h, d, state.KidsOf(d), lf, ls, context);
                labels[d] = label;
            }

            state.Apply(best, label, d >= 0 && markers[d]);
        }

        state.Heads.CopyTo(tree.Heads);
    }

    /// <summary>The relation of a new arc: "root" exactly for the root's dependent, otherwise the labeler's best.</summary>
    public static int PredictLabel(ParserModel model, SentenceTree tree, int h, int d, in Attachments kids, Span<ulong> lf, Span<float> ls, ContextParse? context = null)
    {
        if (h == tree.Length && model.RootLabel >= 0)
        {
            return model.RootLabel;
        }

        LabelFeatures.Extract(tree, h, d, kids, lf);
        model.Labels.Score(lf, ls);
        context?.AddLabelScores(h, d, ls);
        int best = -1;
        for (int c = 0; c < ls.Length; c++)
        {
            if (c != model.RootLabel && (best < 0 || ls[c] > ls[best]))
            {
                best = c;
            }
        }

        return best;
    }
}
