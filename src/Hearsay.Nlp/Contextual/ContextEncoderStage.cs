using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Nlp.Contextual;

/// <summary>
/// Writes every token's contextual vector (<see cref="Layers.ContextVectors"/>), sentence by sentence; the accurate
/// mode puts it before the stages whose models can read the vectors.
/// </summary>
public sealed class ContextEncoderStage : ModelStage<TokenVectors>
{
    private readonly ContextEncoder _encoder;

    public ContextEncoderStage(ContextEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        _encoder = encoder;
    }

    public override string Name => "context-encoder";

    public override string Version => ContextEncoder.SourceName;

    public override Layers Requires => Layers.Tokens | Layers.Sentences;

    public override Layers Provides => Layers.ContextVectors;

    public override TokenVectors Predict(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens;
        var values = new float[tokens.Length * ContextEncoder.Dimension];
        var words = new List<string>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            words.Clear();
            for (int t = sentence.Tokens.Start; t < sentence.Tokens.End; t++)
            {
                words.Add(document.Text.Substring(tokens[t].Start, tokens[t].Range.Length));
            }

            _encoder.Encode(words, values.AsSpan(sentence.Tokens.Start * ContextEncoder.Dimension, words.Count * ContextEncoder.Dimension));
        }

        return new TokenVectors(values, ContextEncoder.Dimension, ContextEncoder.SourceName);
    }

    public override void Apply(Document document, TokenVectors prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetContextVectors(prediction);
    }
}
