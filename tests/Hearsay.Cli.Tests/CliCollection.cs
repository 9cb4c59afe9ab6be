namespace Hearsay.Cli.Tests;

/// <summary>CLI tests swap Console.Out and Console.Error, so they run one at a time.</summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection
{
}
