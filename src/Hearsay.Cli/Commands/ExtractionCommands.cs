using System.CommandLine;
using System.Text.Json;
using Hearsay.Core.Articles;
using Hearsay.Core.Serialization;
using Hearsay.Extraction.Html;
using Hearsay.Extraction.PlainText;
using Spectre.Console;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay extract PATH... [--format text|json|jsonl] [--url URL]</c>: the article in each HTML page (or the
/// cleaned text of each .txt file); a folder is read as a batch with a progress bar on stderr.
/// </summary>
public static class ExtractionCommands
{
    private static readonly string[] PageExtensions = [".html", ".htm", ".xhtml", ".txt"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "HTML or .txt files, or folders of them.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format();
        var url = new Option<string?>("--url") { Description = "The page's URL (resolves links, dates in the URL); for a single file." };
        var cmd = new Command("extract", "Extract the article (text, title, byline, date, site, language) from web pages.") { paths, format, url };
        cmd.SetAction((parse, ct) => Task.FromResult(CliRunner.Guard("extract", () =>
        {
            var files = Expand(parse.GetValue(paths)!);
            Uri? baseUri = null;
            if (parse.GetValue(url) is { } u && !Uri.TryCreate(u, UriKind.Absolute, out baseUri))
            {
                throw new CliException($"--url '{u}': not an absolute URL");
            }

            return Run(files, parse.GetValue(format), files.Count == 1 ? baseUri : null, ct);
        })));
        return cmd;
    }

    private static int Run(List<string> files, OutputFormat format, Uri? baseUri, CancellationToken ct)
    {
        var html = new HtmlArticleExtractor();
        var text = new PlainTextCleaner();
        var results = new List<ExtractedPage>(files.Count);
        var failed = 0;

        void One(string file)
        {
            ct.ThrowIfCancellationRequested();
            ExtractedPage page;
            try
            {
                var bytes = File.ReadAllBytes(file);
                var decoded = HtmlDecoder.Decode(bytes);
                var article = file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? text.Clean(decoded) : html.Extract(decoded, baseUri);
                page = ExtractedPage.From(file, article);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                page = new ExtractedPage { Path = file, Text = string.Empty, FailureReason = $"cannot read: {e.Message}" };
            }

            if (page.Text.Length == 0)
            {
                failed++;
                Console.Error.WriteLine($"hearsay extract: {file}: {page.FailureReason}");
            }

            if (format == OutputFormat.Jsonl)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(page, HearsayJson.Options));
            }
            else if (format == OutputFormat.Text)
            {
                WriteText(page, files.Count > 1);
            }
            else
            {
                results.Add(page);
            }
        }

        if (files.Count > 1)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("extracting", maxValue: files.Count);
                foreach (var f in files)
                {
                    One(f);
                    task.Increment(1);
                }
            });
        }
        else
        {
            One(files[0]);
        }

        if (format == OutputFormat.Json)
        {
            Console.Out.WriteLine(files.Count == 1
                ? JsonSerializer.Serialize(results[0], HearsayJson.Indented)
                : JsonSerializer.Serialize(results, HearsayJson.Indented));
        }

        return failed == files.Count ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static void WriteText(ExtractedPage p, bool header)
    {
        if (header)
        {
            Console.Out.WriteLine($"==> {p.Path} <==");
        }

        Console.Out.WriteLine($"title: {p.Title}");
        Console.Out.WriteLine($"byline: {p.Byline}");
        Console.Out.WriteLine($"published: {p.Published}");
        Console.Out.WriteLine($"site: {p.Site}");
        Console.Out.WriteLine($"language: {p.Language}");
        Console.Out.WriteLine();
        Console.Out.WriteLine(p.Text);
        Console.Out.WriteLine();
    }

    private static List<string> Expand(string[] paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => PageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(p))
            {
                files.Add(p);
            }
            else
            {
                throw new CliException($"{p}: no such file or folder");
            }
        }

        if (files.Count == 0)
        {
            throw new CliException($"{string.Join(", ", paths)}: no .html, .htm or .txt files found");
        }

        return files;
    }

    /// <summary>The per-page output contract: path, title, byline, published, site, language, text.</summary>
    private sealed record ExtractedPage
    {
        public required string Path { get; init; }

        public string? Title { get; init; }

        public string? Byline { get; init; }

        public string? Published { get; init; }

        public string? Site { get; init; }

        public string? Language { get; init; }

        public required string Text { get; init; }

        public string? FailureReason { get; init; }

        public static ExtractedPage From(string path, Article a) => new()
        {
            Path = path,
            Title = a.Title,
            Byline = a.Byline,
            Published = a.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Site = a.Site,
            Language = a.Language,
            Text = a.Text,
            FailureReason = a.FailureReason,
        };
    }
}
