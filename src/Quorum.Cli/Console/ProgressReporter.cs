using System.Diagnostics;
using Spectre.Console;

namespace Quorum.Cli.Console;

/// <summary>
/// Shows progress of long work (percentage, items/s, ETA) on an interactive terminal and a
/// single completion line otherwise. Reads the wall clock for display only — exempt from the
/// wall-clock ban by name in the architecture tests; no trading logic depends on it.
/// </summary>
internal static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/> with a progress bar fed by an <see cref="IProgress{T}"/> of 0..1.</summary>
    public static T Run<T>(
        IAnsiConsole console,
        string description,
        Func<IProgress<double>, T> work,
        Func<T, long>? itemCount = null,
        string unit = "bars")
    {
        var stopwatch = Stopwatch.StartNew();
        T result = default!;
        if (console.Profile.Capabilities.Interactive)
        {
            console.Progress()
                .AutoClear(false)
                .Columns(
                    new TaskDescriptionColumn(),
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new ElapsedTimeColumn(),
                    new RemainingTimeColumn(),
                    new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask(description, maxValue: 1.0);
                    result = work(new Progress(task));
                    task.Value = 1.0;
                });
        }
        else
        {
            result = work(new Progress(null));
        }

        var seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-6);
        var rate = itemCount is null ? string.Empty : $" ({itemCount(result) / seconds:N0} {unit}/s)";
        console.MarkupLineInterpolated($"[grey]{description}: done in {seconds:F2} s{rate}[/]");
        return result;
    }

    private sealed class Progress(ProgressTask? task) : IProgress<double>
    {
        public void Report(double value)
        {
            if (task is not null)
            {
                task.Value = Math.Clamp(value, 0, 1);
            }
        }
    }
}
