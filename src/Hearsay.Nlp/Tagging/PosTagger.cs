using Hearsay.Core.Documents;
using Hearsay.Core.Models;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Tagging;

/// <summary>
/// Greedy left-to-right averaged-perceptron POS tagger (UPOS and PTB XPOS) with lemmatization, per sentence.
/// </summary>
public sealed class PosTagger : ModelStage<TagPrediction>
{
    /// <summary>Model file under the models folder.</summary>
    public const string DefaultModelPath = "tagger/tagger.bin";

    /// <summary>The accurate mode's contextual scorer, beside the fast model (which stays untouched).</summary>
    public const string ContextModelPath = "tagger/tagger-context.bin";

    private readonly int[] _contextClasses = [];

    /// <param name="model">The perceptron tagger.</param>
    /// <param name="context">
    /// Optional contextual scorer whose scaled log-probabilities are added to the perceptron's scores before each
    /// greedy decision; the stage then requires <see cref="Layers.ContextVectors"/>.
    /// </param>
    public PosTagger(TaggerModel model, ContextTokenScorer? context = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Context = context;
        if (context is not null)
        {
            _contextClasses = context.MapClasses([.. Enumerable.Range(0, model.ClassCount).Select(ClassName)]);
        }
    }

    public TaggerModel Model { get; }

    /// <summary>The accurate mode's contextual scorer, or null (the fast default).</summary>
    public ContextTokenScorer? Context { get; }

    public override string Name => "tagger";

    public override string Version => Context is null ? Model.Version : Model.Version + "+context-" + Context.Version;

    public override Layers Requires => Layers.Tokens | Layers.Sentences | (Context is null ? Layers.None : Layers.ContextVectors);

    /// <summary>Tags and lemmas, and word classes when the model carries a class table (the shipped one does).</summary>
    public override Layers Provides => Layers.PartOfSpeech | Layers.Lemmas | (Model.WordClasses is null ? Layers.None : Layers.WordClasses);

    /// <summary>The name of class <paramref name="c"/> in a contextual scorer's class list: "UPOS\tXPOS".</summary>
    public string ClassName(int c) => Model.Upos[c] + "\t" + Model.Xpos[c];

    /// <summary>Loads the shipped model through <see cref="ModelPaths"/>; with <paramref name="accurate"/> also its contextual scorer.</summary>
    /// <exception cref="FileNotFoundException">No tagger model is installed (or, accurate, no contextual scorer).</exception>
    public static PosTagger Load(bool accurate = false)
    {
        var path = ModelPaths.Find(DefaultModelPath) ?? throw new FileNotFoundException($"tagger model '{DefaultModelPath}' not found under the models folder ({ModelPaths.Root ?? "none"}).");
        if (!accurate)
        {
            return new PosTagger(TaggerModel.Load(path));
        }

        var contextPath = ModelPaths.Find(ContextModelPath) ?? throw new FileNotFoundException($"the accurate mode's tagger model '{ContextModelPath}' not found under the models folder ({ModelPaths.Root ?? "none"}).");
        return new PosTagger(TaggerModel.Load(path), ContextTokenScorer.Load(contextPath));
    }

    public override TagPrediction Predict(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens;
        int n = tokens.Length;
        var classes = new int[n];
        var table = Model.WordClasses;
        var wordClasses = table is null ? null : new WordClass[n];
        var words = new WordHashes[Math.Min(n, 1024)];
        var text = document.Text;
        var network = Model.Network is null && Context is null ? null : new float[Math.Min(n, 1024) * Model.ClassCount];
        var vectors = Context is null ? null : document.ContextVectors ?? throw new InvalidOperationException("the tagger's contextual model needs the context encoder's vectors (Layers.ContextVectors).");
        if (vectors is not null && vectors.Source != Context!.Source)
        {
            throw new InvalidOperationException($"the tagger's contextual model was trained on '{Context.Source}' vectors, the document has '{vectors.Source}'.");
        }

        var forms = new List<string>();
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int len = s.Tokens.Length;
            if (words.Length < len)
            {
                words = new WordHashes[len];
            }

            for (int i = 0; i < len; i++)
            {
                var t = tokens[s.Tokens.Start + i];
                words[i] = Model.Hashes(text.AsSpan(t.Start, t.Range.Length));
                if (wordClasses is not null)
                {
                    wordClasses[s.Tokens.Start + i] = table!.Of(words[i].Lower);
                }
            }

            if (network is not null)
            {
                if (network.Length < len * Model.ClassCount)
                {
                    network = new float[len * Model.ClassCount];
                }

                if (Model.Network is { } windowScorer)
                {
                    windowScorer.Score(text, tokens.AsSpan(s.Tokens.Start, len), network);
                }
                else
                {
                    network.AsSpan(0, len * Model.ClassCount).Clear();
                }

                if (vectors is not null)
                {
                    forms.Clear();
                    for (int i = 0; i < len; i++)
                    {
                        var t = tokens[s.Tokens.Start + i];
                        forms.Add(text.Substring(t.Start, t.Range.Length));
                    }

                    AddContext(forms, vectors.Rows(s.Tokens.Start, len), network);
                }
            }

            TagSentence(words.AsSpan(0, len), classes.AsSpan(s.Tokens.Start, len), network);
        }

        var upos = new string[n];
        var xpos = new string[n];
        var lemmas = new string[n];
        for (int i = 0; i < n; i++)
        {
            upos[i] = Model.Upos[classes[i]];
            xpos[i] = Model.Xpos[classes[i]];
            lemmas[i] = Model.Lemmatizer.Lemmatize(text.AsSpan(tokens[i].Start, tokens[i].Range.Length), upos[i], xpos[i]);
        }

        return new TagPrediction(upos, xpos, lemmas, wordClasses);
    }

    /// <summary>
    /// Tags a sentence given as word forms; returns (UPOS, XPOS) per word. Word forms carry no contextual vectors, so
    /// this is always the fast model (perceptron and window scorer), even when <see cref="Context"/> is set; its
    /// callers (NER's POS option, attribution training) were trained on the fast tags.
    /// </summary>
    public (string Upos, string Xpos)[] TagWords(IReadOnlyList<string> forms)
    {
        var words = new WordHashes[forms.Count];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = Model.Hashes(forms[i]);
        }

        var classes = new int[words.Length];
        float[]? network = null;
        if (Model.Network is { } scorer)
        {
            var (text, tokens) = Entities.NerTrainer.Join(forms);
            network = new float[tokens.Length * Model.ClassCount];
            scorer.Score(text, tokens, network);
        }

        TagSentence(words, classes, network);
        var result = new (string, string)[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            result[i] = (Model.Upos[classes[i]], Model.Xpos[classes[i]]);
        }

        return result;
    }

    /// <summary>Adds the contextual scorer's scaled log-probabilities of a sentence to <paramref name="network"/> (words x classes).</summary>
    private void AddContext(IReadOnlyList<string> forms, ReadOnlySpan<float> vectors, Span<float> network)
    {
        int size = forms.Count * Model.ClassCount;
        var scores = new float[size];
        Context!.Score(forms, vectors, _contextClasses, scores);
        for (int k = 0; k < size; k++)
        {
            network[k] += scores[k];
        }
    }

    /// <summary>Tags one sentence given its word hashes; writes class indices. Hashes carry no text, so a model's window scorer is not used here (<see cref="TagWords"/> and <see cref="Predict"/> use it).</summary>
    public void TagSentence(ReadOnlySpan<WordHashes> words, Span<int> classes) => TagSentence(words, classes, default);

    /// <summary>
    /// Tags one sentence; <paramref name="network"/> (words x classes, or empty) is added to the perceptron's scores
    /// of each word before its greedy decision (the model's window scorer output, already scaled).
    /// </summary>
    internal void TagSentence(ReadOnlySpan<WordHashes> words, Span<int> classes, ReadOnlySpan<float> network)
    {
        TagFirstPass(words, classes, network);
        if (Model.SecondPass is not { } second)
        {
            return;
        }

        Span<int> first = words.Length <= 256 ? stackalloc int[words.Length] : new int[words.Length];
        classes.CopyTo(first);
        Span<ulong> features = stackalloc ulong[TaggerFeatures.SecondPassCount];
        Span<float> scores = stackalloc float[Model.ClassCount];
        int p1 = -1, p2 = -2;
        for (int i = 0; i < words.Length; i++)
        {
            int c = Model.UnambiguousClass(words[i].Form);
            if (c < 0)
            {
                TaggerFeatures.ExtractSecondPass(words, i, p1, p2, first, features);
                second.Score(features, scores);
                c = SparseLinearModel.ArgMax(scores);
            }

            classes[i] = c;
            p2 = p1;
            p1 = c;
        }
    }

    private void TagFirstPass(ReadOnlySpan<WordHashes> words, Span<int> classes, ReadOnlySpan<float> network)
    {
        int count = Model.ClassCount;
        Span<ulong> features = stackalloc ulong[TaggerFeatures.Count];
        Span<float> scores = stackalloc float[Model.ClassCount];
        int p1 = -1, p2 = -2;
        for (int i = 0; i < words.Length; i++)
        {
            int c = Model.UnambiguousClass(words[i].Form);
            if (c < 0)
            {
                TaggerFeatures.Extract(words, i, p1, p2, features);
                Model.Model.Score(features, scores);
                if (!network.IsEmpty)
                {
                    var add = network.Slice(i * count, count);
                    for (int k = 0; k < count; k++)
                    {
                        scores[k] += add[k];
                    }
                }

                c = SparseLinearModel.ArgMax(scores);
            }

            classes[i] = c;
            p2 = p1;
            p1 = c;
        }
    }

    public override void Apply(Document document, TagPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prediction);
        var tokens = document.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i].Upos = prediction.Upos[i];
            tokens[i].Xpos = prediction.Xpos[i];
            tokens[i].Lemma = prediction.Lemmas[i];
            tokens[i].WordClass = prediction.Classes?[i] ?? default;
        }

        document.MarkPresent(Layers.PartOfSpeech | Layers.Lemmas | (prediction.Classes is null ? Layers.None : Layers.WordClasses));
    }
}
