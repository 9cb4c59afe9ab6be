namespace Hearsay.Ingest.Files;

/// <summary>An input that could not be read, with a one-line reason naming what is wrong.</summary>
public sealed record InputProblem(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
