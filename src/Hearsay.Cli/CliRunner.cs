namespace Hearsay.Cli;

/// <summary>Runs a verb body so that user errors become one clear stderr line and an exit code, never a stack trace.</summary>
public static class CliRunner
{
    public static int Guard(string verb, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"hearsay {verb}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"hearsay {verb}: cancelled.");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"hearsay {verb}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    public static async Task<int> GuardAsync(string verb, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync($"hearsay {verb}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"hearsay {verb}: cancelled.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"hearsay {verb}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
