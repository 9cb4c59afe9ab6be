namespace Hearsay.Ingest.Files;

/// <summary>A decoded input file: its text exactly as decoded (nothing removed yet), its kind and the charset used.</summary>
public sealed record RawInput(string Path, string Text, InputKind Kind, string Charset);
