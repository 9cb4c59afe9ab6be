using System.Text;

namespace Hearsay.Storage;

/// <summary>
/// Turns free user input into an FTS5 MATCH expression that can never be a syntax error:
/// every whitespace-separated word becomes a quoted phrase (FTS5 operators and punctuation lose
/// their meaning inside quotes), words are AND-ed, and a trailing <c>*</c> keeps its prefix meaning.
/// </summary>
internal static class FtsQuery
{
    /// <summary>The MATCH expression, or null when the input holds no searchable word.</summary>
    public static string? Build(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sb = new StringBuilder();

        // SQLite ends a string at NUL, which would leave a quote unterminated: control characters separate words.
        var cleaned = string.Create(input.Length, input, static (span, s) =>
        {
            for (int i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) ? ' ' : s[i];
            }
        });
        foreach (var raw in cleaned.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('"');
            bool prefix = word.EndsWith('*');
            word = word.TrimEnd('*');
            if (!HasWordCharacter(word))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append('"').Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (prefix)
            {
                sb.Append('*');
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    private static bool HasWordCharacter(string word)
    {
        foreach (char c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
