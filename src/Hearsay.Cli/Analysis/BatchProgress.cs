using Spectre.Console;

namespace Hearsay.Cli.Analysis;

/// <summary>
/// Progress for a batch, on stderr only (stdout carries results). A bar when stderr is a terminal and
/// the batch has more than one item; otherwise nothing, so that logs and pipes stay clean.
/// </summary>
public static class BatchProgress
{
    public static async Task RunAsync(string title, int total, Func<Action, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (total <= 1 || Console.IsErrorRedirected)
        {
            await body(() => { }).ConfigureAwait(false);
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(title, maxValue: total);
                await body(() => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }
}
