namespace Hearsay.Ingest.Files;

/// <summary>
/// Reads the files and folders a user names, one result per file: a decoded input or a
/// problem naming the file and what is wrong (missing, unreadable, empty, binary, too large,
/// undecodable). A bad file never stops the batch.
/// </summary>
public sealed class InputReader
{
    private readonly InputReaderOptions _options;

    public InputReader(InputReaderOptions? options = null)
    {
        _options = options ?? new InputReaderOptions();
    }

    /// <summary>Expands paths: a folder yields its readable files (recursively, sorted), a file itself.</summary>
    public IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => _options.Extensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal);
                foreach (var f in files)
                {
                    yield return f;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    public InputReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return InputReadResult.Fail(path, "is a folder with no .txt or .html files");
        }

        if (!File.Exists(path))
        {
            return InputReadResult.Fail(path, "no such file");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxBytes)
            {
                return InputReadResult.Fail(path, $"file is {length / (1024.0 * 1024):0.#} MB, over the {_options.MaxBytes / (1024.0 * 1024):0.#} MB limit");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            return InputReadResult.Fail(path, "permission denied");
        }
        catch (IOException e)
        {
            return InputReadResult.Fail(path, "cannot be read: " + e.Message);
        }

        return Decode(path, bytes);
    }

    /// <summary>Decodes bytes already in memory (a download, a WARC record) with the same checks as a file.</summary>
    public InputReadResult Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _options.MaxBytes)
        {
            return InputReadResult.Fail(path, $"input is over the {_options.MaxBytes / (1024.0 * 1024):0.#} MB limit");
        }

        if (bytes.IsEmpty)
        {
            return InputReadResult.Fail(path, "file is empty");
        }

        if (LooksBinary(bytes))
        {
            return InputReadResult.Fail(path, "looks like a binary file, not text or HTML");
        }

        var kind = GuessKind(path, bytes);
        var (text, charset, problem) = CharsetDecoder.Decode(bytes, kind == InputKind.Html);
        if (text is null)
        {
            return InputReadResult.Fail(path, problem ?? "cannot be decoded");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return InputReadResult.Fail(path, "file contains only whitespace");
        }

        return InputReadResult.Ok(new RawInput(path, text, kind, charset));
    }

    /// <summary>
    /// NUL bytes do not occur in text encodings other than UTF-16/32 (which carry a BOM here), and
    /// many C0 control characters mean a binary format.
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        int control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                control++;
            }
        }

        return control > sample.Length / 20;
    }

    private static InputKind GuessKind(string path, ReadOnlySpan<byte> bytes)
    {
        var ext = Path.GetExtension(path);
        if (ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase) || ext.Equals(".xhtml", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.Html;
        }

        if (ext.Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return InputKind.PlainText;
        }

        // Unknown extension: sniff the start, as browsers do.
        var head = System.Text.Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? InputKind.Html
            : InputKind.PlainText;
    }
}
