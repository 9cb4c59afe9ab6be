using System.Text;

namespace Hearsay.Extraction.Html;

/// <summary>
/// Turns the text of a walked subtree into paragraphs: collapses whitespace as a browser would, keeps
/// <c>pre</c> verbatim, makes a single <c>br</c> a line break and two of them a paragraph break.
/// </summary>
internal sealed class BlockWriter
{
    private readonly PageTree tree;
    private readonly StringBuilder buffer = new(1024);
    private readonly Stack<int> open = new();
    private int owner = -1;
    private int letters;
    private int linkLetters;
    private int linkDepth;
    private bool pendingSpace;

    public BlockWriter(PageTree tree)
    {
        this.tree = tree;
    }

    public List<TextBlock> Blocks { get; } = [];

    public void Begin(int element) => open.Push(element);

    public void End()
    {
        if (open.Count > 0)
        {
            open.Pop();
        }
    }

    public void BeginLink() => linkDepth++;

    public void EndLink() => linkDepth = Math.Max(0, linkDepth - 1);

    public void Append(string text)
    {
        var pre = open.Count > 0 && tree.Nodes[open.Peek()].Tag == "pre";
        foreach (var c in text)
        {
            if (pre)
            {
                if (c == '\r')
                {
                    continue;
                }

                Start();
                buffer.Append(c);
                Count(c);
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = buffer.Length > 0 && buffer[^1] != '\n';
                continue;
            }

            Start();
            if (pendingSpace)
            {
                buffer.Append(' ');
                pendingSpace = false;
            }

            buffer.Append(c);
            Count(c);
        }
    }

    private void Count(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            letters++;
            if (linkDepth > 0)
            {
                linkLetters++;
            }
        }
    }

    public void LineBreak()
    {
        if (buffer.Length == 0)
        {
            return;
        }

        if (buffer[^1] == '\n')
        {
            Flush();
            return;
        }

        buffer.Append('\n');
        pendingSpace = false;
    }

    public void Flush()
    {
        var text = buffer.ToString().Trim();
        if (text.Length > 0 && owner >= 0)
        {
            var tag = tree.Nodes[owner].Tag;
            Blocks.Add(new TextBlock(text, owner, letters, linkLetters, Boilerplate.IsHeading(tag)));
        }

        buffer.Clear();
        owner = -1;
        letters = 0;
        linkLetters = 0;
        pendingSpace = false;
    }

    private void Start()
    {
        if (owner < 0)
        {
            owner = open.Count > 0 ? open.Peek() : 0;
        }
    }
}
