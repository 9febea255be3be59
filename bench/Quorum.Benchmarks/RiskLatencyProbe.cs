using System.Diagnostics;
using System.Globalization;

namespace Quorum.Benchmarks;

/// <summary>
/// <c>-- risk-latency [--calls N]</c>: per-call latency of <see cref="Risk.RiskGate.Evaluate"/> on the approve path
/// (p50/p99/p99.9/max over N calls after a warm-up of N/10) and the bytes allocated per call on this thread.
/// </summary>
internal static class RiskLatencyProbe
{
    public static int Run(string[] args)
    {
        var calls = args.Length >= 2 && args[0] == "--calls" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var setup = new RiskSetup();
        for (var i = 0; i < calls / 10; i++)
        {
            setup.Approve();
        }

        var samples = new long[calls];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gcBefore = GC.CollectionCount(0);
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            setup.Approve();
            samples[i] = Stopwatch.GetTimestamp() - start;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var collections = GC.CollectionCount(0) - gcBefore;
        Array.Sort(samples);
        double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        double Percentile(double p) => Micros(samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(p * samples.Length) - 1)]);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"risk gate approve path, {calls:N0} calls: p50 {Percentile(0.50):F2} us, p99 {Percentile(0.99):F2} us, p99.9 {Percentile(0.999):F2} us, max {Micros(samples[^1]):F1} us; " +
            $"{(double)allocated / calls:F0} B allocated per call (the plan), {collections} gen0 collections"));
        return 0;
    }
}
