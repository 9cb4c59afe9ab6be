namespace Hearsay.Ingest.Files;

public sealed record InputReaderOptions
{
    /// <summary>Files larger than this are refused (default 50 MB).</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>File extensions read when a folder is given.</summary>
    public IReadOnlySet<string> Extensions { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".html", ".htm", ".xhtml" };
}
