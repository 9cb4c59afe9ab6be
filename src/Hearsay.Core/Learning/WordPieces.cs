using System.Globalization;
using System.Text;

namespace Hearsay.Core.Learning;

/// <summary>
/// MiniLM's uncased WordPiece vocabulary: maps a token to the embedding-table rows that stand for it, the
/// whole word's row when the vocabulary has it, else the greedy longest-match pieces of each letter/digit run
/// and each punctuation character (as BERT's tokenizer splits them). Lookups allocate nothing for short words.
/// </summary>
public sealed class WordPieces
{
    /// <summary>At most this many rows per token (long tokens keep their first pieces: enough to say what they are).</summary>
    public const int MaxPieces = 16;

    private const int MaxChars = 64;
    private readonly Dictionary<string, int> _rows;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _unknown;

    /// <summary>Longest entry: longer candidates cannot match, so the greedy search starts there (names are often split).</summary>
    private readonly int _longest;

    public WordPieces(IReadOnlyList<string> vocabulary)
    {
        Vocabulary = vocabulary;
        _rows = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (int i = 0; i < vocabulary.Count; i++)
        {
            _rows.TryAdd(vocabulary[i], i);
            _longest = Math.Max(_longest, vocabulary[i].Length);
        }

        _lookup = _rows.GetAlternateLookup<ReadOnlySpan<char>>();
        _unknown = _rows.TryGetValue("[UNK]", out int unk) ? unk : 0;
    }

    /// <summary>Row i's entry ("##" marks a continuation piece).</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>
    /// Writes the rows of <paramref name="word"/> to <paramref name="rows"/> (length at least <see cref="MaxPieces"/>)
    /// and returns how many; <paramref name="whole"/> says whether the word is one vocabulary entry.
    /// </summary>
    public int Split(ReadOnlySpan<char> word, Span<int> rows, out bool whole)
    {
        Span<char> buffer = stackalloc char[MaxChars];
        int length = Normalize(word, buffer);
        var lower = buffer[..length];
        whole = false;
        if (length == 0)
        {
            rows[0] = _unknown;
            return 1;
        }

        if (_lookup.TryGetValue(lower, out int row))
        {
            rows[0] = row;
            whole = true;
            return 1;
        }

        int count = 0;
        int start = 0;
        while (start < length && count < MaxPieces)
        {
            int end = start + 1;
            if (char.IsLetterOrDigit(lower[start]))
            {
                while (end < length && char.IsLetterOrDigit(lower[end]))
                {
                    end++;
                }
            }

            count += SplitRun(lower[start..end], rows[count..]);
            start = end;
        }

        return count;
    }

    /// <summary>Greedy longest-match-first WordPiece of one run; an unmatched rest is [UNK], as in BERT.</summary>
    private int SplitRun(ReadOnlySpan<char> run, Span<int> rows)
    {
        Span<char> piece = stackalloc char[MaxChars + 2];
        piece[0] = '#';
        piece[1] = '#';
        int count = 0;
        int start = 0;
        while (start < run.Length && count < rows.Length)
        {
            int found = -1, end = Math.Min(run.Length, start + _longest);
            for (; end > start; end--)
            {
                var candidate = run[start..end];
                scoped ReadOnlySpan<char> key = candidate;
                if (start > 0)
                {
                    candidate.CopyTo(piece[2..]);
                    key = piece[..(candidate.Length + 2)];
                }

                if (_lookup.TryGetValue(key, out int row))
                {
                    found = row;
                    break;
                }
            }

            if (found < 0)
            {
                rows[count++] = _unknown;
                break;
            }

            rows[count++] = found;
            start = end;
        }

        return count;
    }

    /// <summary>Lower case without accents (the uncased model's normalisation), cut to <see cref="MaxChars"/>.</summary>
    private static int Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        bool ascii = true;
        foreach (char c in word)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }

        if (!ascii)
        {
            var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder(decomposed.Length);
            foreach (char c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    kept.Append(c);
                }
            }

            word = kept.ToString();
        }

        int n = Math.Min(word.Length, buffer.Length);
        return word[..n].ToLowerInvariant(buffer[..n]);
    }
}
