namespace Hearsay.Cli;

public enum OutputFormat
{
    Text,
    Json,
    Jsonl,
}
