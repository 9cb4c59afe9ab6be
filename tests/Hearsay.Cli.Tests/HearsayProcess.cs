using System.Diagnostics;

namespace Hearsay.Cli.Tests;

/// <summary>Starts the built CLI (hearsay.dll beside the tests) as a child process, for tests that need a real process (kill, serve, env).</summary>
internal static class HearsayProcess
{
    public static Process Start(string workingDirectory, IEnumerable<string> args, IEnumerable<(string Name, string Value)>? env = null)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hearsay.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // Tests name their database explicitly; an inherited HEARSAY_DB must not leak in.
        info.Environment.Remove("HEARSAY_DB");
        foreach (var (name, value) in env ?? [])
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }
}
