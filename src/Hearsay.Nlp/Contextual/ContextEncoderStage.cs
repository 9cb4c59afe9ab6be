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
        var values = new float[document.Tokens.Length * ContextEncoder.Dimension];
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var words = Words(document, sentence.Tokens);
            _encoder.Encode(words, values.AsSpan(sentence.Tokens.Start * ContextEncoder.Dimension, words.Count * ContextEncoder.Dimension));
        }

        return new TokenVectors(values, ContextEncoder.Dimension, ContextEncoder.SourceName);
    }

    /// <summary>
    /// Sets the vectors of training documents from <see cref="ContextVectorCache"/>, every sentence of every document
    /// in one cache entry (so a corpus is encoded once, whatever part of it an experiment then uses). The words are
    /// those <see cref="Predict"/> encodes, so training sees what run time sees (up to the cache's float16 rounding).
    /// </summary>
    public static void AttachCached(ContextEncoder encoder, IReadOnlyList<Document> documents, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var sentences = documents.SelectMany(d => d.Sentences.Select(s => Words(d, s.Tokens))).ToList();
        var vectors = ContextVectorCache.Encode(encoder, sentences, log);
        int next = 0;
        foreach (var document in documents)
        {
            var values = new float[document.Tokens.Length * ContextEncoder.Dimension];
            foreach (var sentence in document.Sentences)
            {
                vectors[next++].CopyTo(values.AsSpan(sentence.Tokens.Start * ContextEncoder.Dimension));
            }

            document.SetContextVectors(new TokenVectors(values, ContextEncoder.Dimension, ContextEncoder.SourceName));
        }
    }

    private static List<string> Words(Document document, TokenRange range)
    {
        var words = new List<string>(range.End - range.Start);
        for (int t = range.Start; t < range.End; t++)
        {
            var token = document.Tokens[t];
            words.Add(document.Text.Substring(token.Start, token.Range.Length));
        }

        return words;
    }

    public override void Apply(Document document, TokenVectors prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetContextVectors(prediction);
    }
}
