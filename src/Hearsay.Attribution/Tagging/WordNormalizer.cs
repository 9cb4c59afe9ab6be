using System.Text;

using System.Runtime.CompilerServices;

namespace Hearsay.Attribution.Tagging;

/// <summary>
/// Maps token spellings from different tokenizers onto one form, so that a model trained on
/// curly-quote news text reads PTB-escaped sentence files the same way (“ `` " are one quote).
/// </summary>
public static class WordNormalizer
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Normalize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        switch (word)
        {
            case "``" or "''" or "“" or "”" or "\"" or "„" or "«" or "»":
                return "\"";
            case "`" or "‘" or "’" or "'":
                return "'";
            case "-LRB-" or "-LCB-":
                return "(";
            case "-RRB-" or "-RCB-":
                return ")";
            case "-LSB-":
                return "[";
            case "-RSB-":
                return "]";
            case "—" or "–" or "--" or "---":
                return "--";
            default:
                break;
        }

        // Most words are already lowercase letters: return them as they are, without allocating.
        bool plain = true;
        foreach (var c in word)
        {
            if (c is not ((>= 'a' and <= 'z') or '-' or '.' or ','))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return word;
        }

        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            sb.Append(c switch
            {
                '’' or '‘' => '\'',
                >= '0' and <= '9' => '0',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    /// <summary>Whether a normalized token is a double or single quotation mark.</summary>
    public static bool IsQuote(string normalized) => normalized is "\"" or "'";

    /// <summary>Word shape with repeated classes collapsed: "Obama" Xx, "U.S." X.X., "2016" d.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Shape(string word)
    {
        var sb = new StringBuilder(8);
        char last = '\0';
        foreach (var c in word)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k != last)
            {
                sb.Append(k);
                last = k;
            }

            if (sb.Length >= 6)
            {
                break;
            }
        }

        return sb.ToString();
    }
}
