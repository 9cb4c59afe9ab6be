using System.Text;
using Hearsay.Core.Articles;
using Hearsay.Core.Documents;
using Hearsay.Extraction.Language;

namespace Hearsay.Extraction.PlainText;

/// <summary>
/// Removes whole lines that are CMS or scraper junk (ad labels, share rows, cookie notices, "Read more",
/// subscription prompts, broken-block placeholders) from plain text. Everything else is kept exactly as
/// it was, so offsets into the text before the first removed line stay valid.
/// </summary>
public sealed class PlainTextCleaner : IPlainTextCleaner
{
    private readonly LanguageDetector languageDetector = new();

    public Article Clean(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new Article { Text = string.Empty, FailureReason = "the input is empty" };
        }

        var lines = SplitLines(text);
        var keep = new bool[lines.Count];
        var removed = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            keep[i] = true;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var content = lines[i].Content(text);
            if (!JunkLine.IsJunk(content))
            {
                continue;
            }

            keep[i] = false;
            removed.Add(content.Trim().ToString());

            // A junk line that stood as its own paragraph leaves two blank-line separators behind; drop the
            // one after it so the paragraph structure reads as if the line had never been there.
            var blankBefore = i == 0 || IsBlank(lines[i - 1], text);
            if (blankBefore && i + 1 < lines.Count && IsBlank(lines[i + 1], text))
            {
                keep[i + 1] = false;
            }
        }

        var cleaned = removed.Count == 0 ? text : Join(text, lines, keep);
        if (cleaned.AsSpan().Trim().IsEmpty)
        {
            return new Article
            {
                Text = string.Empty,
                RemovedLines = removed,
                FailureReason = removed.Count == 0 ? "the input holds only whitespace" : "every line of the input was junk",
            };
        }

        var title = FindTitle(lines, keep, text);
        return new Article
        {
            Text = cleaned,
            Title = title,
            Language = languageDetector.Detect(cleaned.AsSpan()),
            Paragraphs = FindParagraphs(lines, keep, text, skipFirstBlock: title is not null),
            RemovedLines = removed,
        };
    }

    private static bool IsBlank(Line line, string text) => line.Content(text).IsWhiteSpace();

    private static string Join(string text, List<Line> lines, bool[] keep)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                sb.Append(text, lines[i].Start, lines[i].FullEnd - lines[i].Start);
            }
        }

        return sb.ToString();
    }

    private static string? FindTitle(List<Line> lines, bool[] keep, string text)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var content = lines[i].Content(text).Trim();
            if (content.IsEmpty)
            {
                continue;
            }

            // A headline is one short line without closing sentence punctuation, standing on its own.
            var nextIsBreak = i + 1 >= lines.Count || IsBlank(lines[i + 1], text);
            if (!nextIsBreak || content.Length > 200 || CountWords(content) > 30)
            {
                return null;
            }

            var last = content[^1];
            if (last is '.' or '!' or ',' or ';' or ':')
            {
                return null;
            }

            return content.ToString();
        }

        return null;
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = !char.IsWhiteSpace(c);
            if (w && !inWord)
            {
                n++;
            }

            inWord = w;
        }

        return n;
    }

    /// <summary>Paragraphs are runs of non-blank kept lines; source ranges point into the original input.</summary>
    private static List<ArticleParagraph> FindParagraphs(List<Line> lines, bool[] keep, string text, bool skipFirstBlock)
    {
        var result = new List<ArticleParagraph>();
        var outPos = 0;
        int blockOutStart = -1, blockOutEnd = -1, blockSrcStart = -1, blockSrcEnd = -1;
        var skip = skipFirstBlock;

        void Flush()
        {
            if (blockOutStart < 0)
            {
                return;
            }

            if (skip)
            {
                skip = false;
            }
            else
            {
                result.Add(new ArticleParagraph(new CharRange(blockOutStart, blockOutEnd), new CharRange(blockSrcStart, blockSrcEnd)));
            }

            blockOutStart = -1;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!keep[i])
            {
                // A removed line ends the paragraph: the source range must not straddle junk.
                Flush();
                continue;
            }

            var content = line.Content(text);
            if (content.IsWhiteSpace())
            {
                Flush();
            }
            else
            {
                var lead = content.Length - content.TrimStart().Length;
                var trail = content.Length - content.TrimEnd().Length;
                var cs = line.Start + lead;
                var ce = line.End - trail;
                var os = outPos + lead;
                var oe = outPos + (line.End - line.Start) - trail;
                if (blockOutStart < 0)
                {
                    blockOutStart = os;
                    blockSrcStart = cs;
                }

                blockOutEnd = oe;
                blockSrcEnd = ce;
            }

            outPos += line.FullEnd - line.Start;
        }

        Flush();
        return result;
    }

    private static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                var end = i;
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                lines.Add(new Line(start, end, i));
                start = i;
            }
            else
            {
                i++;
            }
        }

        if (start < text.Length)
        {
            lines.Add(new Line(start, text.Length, text.Length));
        }

        return lines;
    }

    /// <summary>A line: content [Start, End), terminator [End, FullEnd).</summary>
    private readonly record struct Line(int Start, int End, int FullEnd)
    {
        public ReadOnlySpan<char> Content(string text) => text.AsSpan(Start, End - Start);
    }
}
