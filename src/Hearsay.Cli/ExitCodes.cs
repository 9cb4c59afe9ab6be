namespace Hearsay.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Nothing could be processed (every input was bad), or a verb failed.</summary>
    public const int Failed = 1;

    /// <summary>Wrong usage: unknown task, missing option.</summary>
    public const int Usage = 2;

    /// <summary>A score fell below its floor in eval/floors.json.</summary>
    public const int BelowFloor = 3;
}
