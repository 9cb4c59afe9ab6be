using Hearsay.Core.Documents;
using Hearsay.Core.Models;
using Hearsay.Core.Pipeline;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Named-entity recognition stage: tags each sentence's tokens with <see cref="NerModel"/> and writes
/// name mentions. The shipped model reads token text only (no POS), so it can run right after tokenization and is
/// not hurt by tagger errors; a model trained with POS features (<see cref="NerModel.UsesPos"/>, which did not score
/// better on dev) also requires the tagger's tags.
/// </summary>
public sealed class EntityRecognizer : ModelStage<IReadOnlyList<Mention>>
{
    /// <summary>The shipped model, relative to the models folder.</summary>
    public const string DefaultModelPath = "ner/en-ner.bin";

    /// <summary>The accurate mode's contextual scorer, beside the fast model (which stays untouched).</summary>
    public const string ContextModelPath = "ner/ner-context.bin";

    private readonly NerModel _model;

    public EntityRecognizer(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public override string Name => "ner";

    /// <summary>Whether the document-level <see cref="NameConsistency"/> pass runs (on by default, as in <c>hearsay eval ner</c>).</summary>
    public bool Consistency { get; init; } = true;

    public override string Version => "ner/" + _model.Version + (_model.Context is { } context ? "+context-" + context.Version : "");

    public override Layers Requires => Layers.Tokens | Layers.Sentences | (_model.UsesPos ? Layers.PartOfSpeech : Layers.None) | (_model.Context is null ? Layers.None : Layers.ContextVectors);

    public override Layers Provides => Layers.Mentions;

    /// <summary>Loads the shipped model found through <see cref="ModelPaths"/>.</summary>
    /// <exception cref="FileNotFoundException">The model file is not under the models folder.</exception>
    /// <param name="accurate">Also load the accurate mode's contextual scorer (<see cref="ContextModelPath"/>).</param>
    public static EntityRecognizer LoadDefault(bool accurate = false) => new(LoadModel(accurate));

    /// <summary>The shipped model, with its contextual scorer when <paramref name="accurate"/>.</summary>
    /// <exception cref="FileNotFoundException">A model file is not under the models folder.</exception>
    public static NerModel LoadModel(bool accurate)
    {
        var path = ModelPaths.Find(DefaultModelPath)
            ?? throw new FileNotFoundException($"NER model '{DefaultModelPath}' not found under the models folder ({ModelPaths.Root ?? "none found"}); set HEARSAY_MODELS or run 'hearsay train ner'.");
        var model = NerModel.Load(path);
        if (!accurate)
        {
            return model;
        }

        var contextPath = ModelPaths.Find(ContextModelPath)
            ?? throw new FileNotFoundException($"the accurate mode's NER model '{ContextModelPath}' not found under the models folder ({ModelPaths.Root ?? "none found"}).");
        return model.WithContext(Contextual.ContextTokenScorer.Load(contextPath));
    }

    public override IReadOnlyList<Mention> Predict(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens;
        var segments = new List<ArraySegment<Token>>(document.Sentences.Count);
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var range = sentence.Tokens;
            if (range.IsEmpty || range.End > tokens.Length)
            {
                continue;
            }

            var segment = new ArraySegment<Token>(tokens, range.Start, range.Length);
            segments.Add(segment);
        }

        List<float[]>? vectors = null;
        if (_model.Context is not null)
        {
            var all = document.ContextVectors ?? throw new InvalidOperationException("the NER contextual model needs the context encoder's vectors (Layers.ContextVectors).");
            if (all.Source != _model.Context.Source)
            {
                throw new InvalidOperationException($"the NER contextual model was trained on '{_model.Context.Source}' vectors, the document has '{all.Source}'.");
            }

            vectors = [.. segments.Select(segment => all.Rows(segment.Offset, segment.Count).ToArray())];
        }

        var spans = _model.PredictDocument(document.Text, segments, vectors);

        if (Consistency)
        {
            NameConsistency.Propagate(document.Text, segments, spans);
        }

        var mentions = new List<Mention>();
        for (int k = 0; k < segments.Count; k++)
        {
            foreach (var span in spans[k])
            {
                var tr = new TokenRange(segments[k].Offset + span.Start, segments[k].Offset + span.End);
                mentions.Add(new Mention(document.CharRangeOf(tr), tr, span.Label, MentionKind.Name));
            }
        }

        return mentions;
    }

    public override void Apply(Document document, IReadOnlyList<Mention> prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetMentions(prediction);
    }
}
