using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Time;

/// <summary>
/// A TimeML (TempEval-3) document: the plain text of its TEXT element, its creation time (the DCT TIMEX3)
/// and its gold TIMEX3 tags; and the same file rewritten with other TIMEX3 tags, in the layout the
/// official TempEval-3 scorer reads (text unchanged, DCT kept, gold tags and links removed).
/// </summary>
public sealed partial class TimeMlDocument
{
    private readonly string _raw;
    private readonly int _textStart;
    private readonly int _textEnd;

    // Raw position of each plain-text character, and how many raw characters it spans (entities are longer).
    private readonly int[] _rawAt;
    private readonly int[] _rawLength;

    private TimeMlDocument(string name, string raw, int textStart, int textEnd, string text, int[] rawAt, int[] rawLength, DateOnly? creation, IReadOnlyList<TimeMlTimex> gold)
    {
        Name = name;
        _raw = raw;
        _textStart = textStart;
        _textEnd = textEnd;
        Text = text;
        _rawAt = rawAt;
        _rawLength = rawLength;
        CreationTime = creation;
        Gold = gold;
    }

    public string Name { get; }

    /// <summary>The TEXT element without tags, entities decoded.</summary>
    public string Text { get; }

    /// <summary>The document creation time (TIMEX3 functionInDocument="CREATION_TIME"), when it has one.</summary>
    public DateOnly? CreationTime { get; }

    /// <summary>Gold TIMEX3 tags inside TEXT that the official scorer counts (not the DCT, not tags with nested markup).</summary>
    public IReadOnlyList<TimeMlTimex> Gold { get; }

    /// <summary>Parses a TimeML file; throws <see cref="FormatException"/> naming <paramref name="name"/> when it is not one.</summary>
    public static TimeMlDocument Parse(string raw, string name)
    {
        ArgumentNullException.ThrowIfNull(raw);
        int open = raw.IndexOf("<TEXT>", StringComparison.Ordinal);
        int close = raw.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            throw new FormatException($"{name}: not a TimeML document (no <TEXT> element).");
        }

        DateOnly? creation = null;
        var dct = CreationTimex().Match(raw);
        if (dct.Success && DateOnly.TryParseExact(dct.Groups["v"].Value.AsSpan(0, Math.Min(10, dct.Groups["v"].Length)), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            creation = d;
        }

        int start = open + "<TEXT>".Length;
        var text = new StringBuilder(close - start);
        var rawAt = new List<int>(close - start);
        var rawLength = new List<int>(close - start);
        var gold = new List<TimeMlTimex>();
        int i = start;
        string? openTid = null;
        string openAttributes = "";
        int openPlain = 0;
        bool nested = false;
        while (i < close)
        {
            char ch = raw[i];
            if (ch == '<')
            {
                int end = raw.IndexOf('>', i);
                if (end < 0 || end > close)
                {
                    throw new FormatException($"{name}: unterminated tag at character {i}.");
                }

                var tag = raw.AsSpan(i, end - i + 1);
                if (tag.StartsWith("<TIMEX3", StringComparison.Ordinal))
                {
                    openAttributes = tag.ToString();
                    openTid = Attribute(openAttributes, "tid") ?? "";
                    openPlain = text.Length;
                    nested = false;
                }
                else if (tag.StartsWith("</TIMEX3", StringComparison.Ordinal))
                {
                    if (openTid is not null && !nested && text.Length > openPlain)
                    {
                        gold.Add(new TimeMlTimex(openTid, new CharRange(openPlain, text.Length), ParseType(Attribute(openAttributes, "type")), Attribute(openAttributes, "value") ?? ""));
                    }

                    openTid = null;
                }
                else if (openTid is not null)
                {
                    nested = true; // the official scorer only reads TIMEX3 tags with plain text inside
                }

                i = end + 1;
                continue;
            }

            if (ch == '&')
            {
                int semi = raw.IndexOf(';', i);
                if (semi > i && semi - i <= 10 && Decode(raw.AsSpan(i + 1, semi - i - 1)) is { } decoded)
                {
                    text.Append(decoded);
                    rawAt.Add(i);
                    rawLength.Add(semi - i + 1);
                    i = semi + 1;
                    continue;
                }
            }

            text.Append(ch);
            rawAt.Add(i);
            rawLength.Add(1);
            i++;
        }

        return new TimeMlDocument(name, raw, start, close, text.ToString(), [.. rawAt], [.. rawLength], creation, gold);
    }

    /// <summary>
    /// The file with its TEXT tags replaced by <paramref name="times"/> (tids t1, t2, ...) and its links and
    /// event instances dropped; the header, the DCT and the text itself stay byte for byte.
    /// </summary>
    public string WithTimexes(IReadOnlyList<TimeExpression> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var sorted = times.OrderBy(t => t.Range.Start).ToList();
        var sb = new StringBuilder(_raw.Length);
        sb.Append(_raw, 0, _textStart);
        int next = 0;
        int tid = 1;
        TimeExpression? open = null;
        for (int p = 0; p < Text.Length; p++)
        {
            if (open is null)
            {
                while (next < sorted.Count && sorted[next].Range.Start < p)
                {
                    next++; // overlapping predictions cannot be written as XML; drop them
                }

                if (next < sorted.Count && sorted[next].Range.Start == p && sorted[next].Range.End <= Text.Length && !sorted[next].Range.IsEmpty)
                {
                    open = sorted[next++];
                    sb.Append("<TIMEX3 tid=\"t").Append(tid++.ToString(CultureInfo.InvariantCulture)).Append("\" type=\"")
                        .Append(TypeName(open.Type)).Append("\" value=\"").Append(Escape(open.Value)).Append("\">");
                }
            }

            sb.Append(_raw, _rawAt[p], _rawLength[p]);
            if (open is not null && open.Range.End == p + 1)
            {
                sb.Append("</TIMEX3>");
                open = null;
            }

            // Between two characters the old annotation's tags are dropped; everything else stays as written.
            int to = p + 1 < Text.Length ? _rawAt[p + 1] : _textEnd;
            for (int i = _rawAt[p] + _rawLength[p]; i < to; i++)
            {
                if (_raw[i] == '<')
                {
                    int end = _raw.IndexOf('>', i);
                    i = end < 0 ? to : end;
                    continue;
                }

                sb.Append(_raw[i]);
            }
        }

        if (Text.Length == 0)
        {
            sb.Append(_raw, _textStart, _textEnd - _textStart);
        }

        var tail = _raw.AsSpan(_textEnd);
        foreach (var line in tail.EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("<TLINK", StringComparison.Ordinal) || trimmed.StartsWith("<SLINK", StringComparison.Ordinal)
                || trimmed.StartsWith("<ALINK", StringComparison.Ordinal) || trimmed.StartsWith("<MAKEINSTANCE", StringComparison.Ordinal))
            {
                continue;
            }

            sb.Append(line).Append('\n');
        }

        // EnumerateLines adds a line break the file may not end with.
        if (!_raw.EndsWith('\n'))
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    public static string TypeName(TimexType type) => type switch
    {
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        TimexType.Set => "SET",
        _ => "DATE",
    };

    private static TimexType ParseType(string? type) => type switch
    {
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => TimexType.Date,
    };

    private static string Escape(string value) => value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, "\\s" + name + "=\"(?<v>[^\"]*)\"", RegexOptions.CultureInvariant);
        return m.Success ? m.Groups["v"].Value : null;
    }

    private static string? Decode(ReadOnlySpan<char> entity)
    {
        switch (entity)
        {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
        }

        if (entity.Length > 1 && entity[0] == '#')
        {
            bool hex = entity[1] is 'x' or 'X';
            if (int.TryParse(entity[(hex ? 2 : 1)..], hex ? NumberStyles.HexNumber : NumberStyles.Integer, CultureInfo.InvariantCulture, out int code) && code is > 0 and < 0x110000)
            {
                return char.ConvertFromUtf32(code);
            }
        }

        return null;
    }

    [GeneratedRegex("<TIMEX3(?=[^>]*functionInDocument=\"CREATION_TIME\")[^>]*\\svalue=\"(?<v>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex CreationTimex();
}
