namespace Hearsay.Ingest.Files;

public enum InputKind
{
    PlainText,
    Html,
}
