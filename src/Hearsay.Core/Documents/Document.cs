using System.Security.Cryptography;
using System.Text;

namespace Hearsay.Core.Documents;

/// <summary>
/// A document: its immutable <see cref="Text"/>, metadata, and one annotation layer per stage.
/// Every offset in every layer is a 0-based, end-exclusive UTF-16 position in <see cref="Text"/>.
/// Stages write layers through the <c>Set*</c> methods, which record the layer as present so that
/// later stages (and the pipeline's checks) can rely on it.
/// </summary>
public sealed class Document
{
    private Token[] _tokens = [];
    private Sentence[] _sentences = [];
    private IReadOnlyList<Mention> _mentions = [];
    private IReadOnlyList<Entity> _entities = [];
    private IReadOnlyList<TimeExpression> _times = [];
    private IReadOnlyList<Attribution> _attributions = [];
    private TokenVectors? _contextVectors;

    public Document(string text, DocumentMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Id = ComputeId(text);
        Metadata = metadata ?? new DocumentMetadata();
        Present = Layers.Text;
        if (Metadata.Language is not null)
        {
            Present |= Layers.Language;
        }

        if (Metadata.Published is not null)
        {
            Present |= Layers.DocumentDate;
        }
    }

    /// <summary>Content hash of <see cref="Text"/>: the same text is the same document.</summary>
    public string Id { get; }

    public string Text { get; }

    public DocumentMetadata Metadata { get; private set; }

    public Layers Present { get; private set; }

    public AnalysisStatus Status { get; set; } = AnalysisStatus.Pending;

    /// <summary>Why the status is what it is, when it is not <see cref="AnalysisStatus.Analyzed"/> (e.g. "no article body found").</summary>
    public string? StatusReason { get; set; }

    /// <summary>Name and version of each stage that wrote a layer, in pipeline order.</summary>
    public List<StageVersion> Provenance { get; } = [];

    /// <summary>Tokens as a struct array; stages annotate them in place (POS, heads).</summary>
    public Token[] Tokens => _tokens;

    public IReadOnlyList<Sentence> Sentences => _sentences;

    public IReadOnlyList<Mention> Mentions => _mentions;

    public IReadOnlyList<Entity> Entities => _entities;

    public IReadOnlyList<TimeExpression> TimeExpressions => _times;

    public IReadOnlyList<Attribution> Attributions => _attributions;

    /// <summary>One contextual vector per token (<see cref="Layers.ContextVectors"/>); null until an encoder stage ran.</summary>
    public TokenVectors? ContextVectors => _contextVectors;

    public bool Has(Layers layers) => (Present & layers) == layers;

    public void MarkPresent(Layers layers) => Present |= layers;

    public void SetTokens(Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
        Present |= Layers.Tokens;
    }

    public void SetSentences(Sentence[] sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        _sentences = sentences;
        Present |= Layers.Sentences;
    }

    public void SetMentions(IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        _mentions = mentions;
        Present |= Layers.Mentions;
    }

    public void SetEntities(IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        _entities = entities;
        Present |= Layers.Entities;
    }

    public void SetTimeExpressions(IReadOnlyList<TimeExpression> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        _times = times;
        Present |= Layers.TimeExpressions;
    }

    public void SetAttributions(IReadOnlyList<Attribution> attributions)
    {
        ArgumentNullException.ThrowIfNull(attributions);
        _attributions = attributions;
        Present |= Layers.Attributions;
    }

    public void SetContextVectors(TokenVectors vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count != _tokens.Length)
        {
            throw new ArgumentException($"{vectors.Count} context vectors for {_tokens.Length} tokens.", nameof(vectors));
        }

        _contextVectors = vectors;
        Present |= Layers.ContextVectors;
    }

    /// <summary>Replaces metadata (language detection, date inference); the text never changes.</summary>
    public void UpdateMetadata(Func<DocumentMetadata, DocumentMetadata> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Metadata = update(Metadata);
        if (Metadata.Language is not null)
        {
            Present |= Layers.Language;
        }

        if (Metadata.Published is not null)
        {
            Present |= Layers.DocumentDate;
        }
    }

    public string Slice(CharRange range) => Text.Substring(range.Start, range.Length);

    /// <summary>Characters covered by a token range, without the last token's trailing whitespace.</summary>
    public CharRange CharRangeOf(TokenRange tokens)
    {
        if (tokens.IsEmpty)
        {
            int at = tokens.Start < _tokens.Length ? _tokens[tokens.Start].Start : Text.Length;
            return new CharRange(at, at);
        }

        return new CharRange(_tokens[tokens.Start].Start, _tokens[tokens.End - 1].End);
    }

    /// <summary>Index of the token containing <paramref name="position"/>, or of the next token when it falls in whitespace; -1 past the end.</summary>
    public int TokenAt(int position)
    {
        int lo = 0, hi = _tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_tokens[mid].EndWithWhitespace <= position)
            {
                lo = mid + 1;
            }
            else if (_tokens[mid].Start > position)
            {
                hi = mid - 1;
            }
            else
            {
                return position >= _tokens[mid].End ? (mid + 1 < _tokens.Length ? mid + 1 : -1) : mid;
            }
        }

        return lo < _tokens.Length ? lo : -1;
    }

    /// <summary>Token range covering every token that overlaps <paramref name="range"/>.</summary>
    public TokenRange TokenRangeOf(CharRange range)
    {
        int first = TokenAt(range.Start);
        if (first < 0)
        {
            return new TokenRange(_tokens.Length, _tokens.Length);
        }

        int end = first;
        while (end < _tokens.Length && _tokens[end].Start < range.End)
        {
            end++;
        }

        return new TokenRange(first, Math.Max(first, end));
    }

    /// <summary>Index of the sentence containing a token, or -1.</summary>
    public int SentenceOf(int tokenIndex)
    {
        int lo = 0, hi = _sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = _sentences[mid].Tokens;
            if (tokenIndex < s.Start)
            {
                hi = mid - 1;
            }
            else if (tokenIndex >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    public static string ComputeId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..12]);
    }
}
