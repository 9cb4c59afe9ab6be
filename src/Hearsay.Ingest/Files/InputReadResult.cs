namespace Hearsay.Ingest.Files;

/// <summary>Either a decoded input or the problem that stopped it; never both.</summary>
public readonly record struct InputReadResult(RawInput? Input, InputProblem? Problem)
{
    public static InputReadResult Ok(RawInput input) => new(input, null);

    public static InputReadResult Fail(string path, string reason) => new(null, new InputProblem(path, reason));
}
