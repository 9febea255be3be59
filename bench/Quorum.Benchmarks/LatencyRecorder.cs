using System.Diagnostics;
using Quorum.Execution.Oms;

namespace Quorum.Benchmarks;

/// <summary>
/// Measures closed-bar → order-command latency: the caller marks the start of a bar event (<see cref="Begin"/>) and its
/// end (<see cref="End"/>); the OMS's <see cref="IOmsListener.OnOrderCommandSent"/> in between stamps the first command
/// of that bar. A bar that sent at least one command is one decision, recorded as first-command time − the bar's start
/// stamp (<see cref="Stopwatch.GetTimestamp"/> ticks). Samples are kept in a preallocated array (no allocation per sample).
/// </summary>
internal sealed class LatencyRecorder(int capacity) : IOmsListener
{
    private readonly long[] _samples = new long[capacity];
    private long _firstCommand;

    public int Count { get; private set; }

    public long Commands { get; private set; }

    public void OnOrderCommandSent(OrderCommand command)
    {
        Commands++;
        if (_firstCommand == 0)
        {
            _firstCommand = Stopwatch.GetTimestamp();
        }
    }

    public void Begin() => _firstCommand = 0;

    /// <summary>Closes the bar event that started at <paramref name="startTimestamp"/>; records a sample when it sent a command.</summary>
    public void End(long startTimestamp)
    {
        if (_firstCommand != 0 && Count < _samples.Length)
        {
            _samples[Count++] = _firstCommand - startTimestamp;
        }
    }

    /// <summary>The p50/p99/p99.9/max of the samples, in microseconds.</summary>
    public LatencySummary Summarize()
    {
        var sorted = _samples.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        return new LatencySummary(Count, Commands, Percentile(sorted, 0.50), Percentile(sorted, 0.99), Percentile(sorted, 0.999), sorted.Length == 0 ? 0 : Micros(sorted[^1]));
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Micros(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)]);

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}

/// <summary>Latency percentiles in microseconds over <see cref="Decisions"/> bars that sent an order command.</summary>
internal readonly record struct LatencySummary(int Decisions, long Commands, double P50, double P99, double P999, double Max)
{
    public override string ToString() =>
        $"decisions {Decisions:N0} (commands {Commands:N0}): p50 {P50:F1} us, p99 {P99:F1} us, p99.9 {P999:F1} us, max {Max:F1} us";
}
