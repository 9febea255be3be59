using System.Diagnostics;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Strategies;

namespace Quorum.Benchmarks;

/// <summary>
/// Console mode <c>backtest-memory</c>: one run of the reference strategy (and of the silent strategy) per dataset —
/// 1 symbol × 1 year of 1m and 100 symbols × 1 year of 5m — printing the bars/s of that single run, the bytes this
/// thread allocated during the replay (per bar and per order command), and the managed heap the run keeps (full
/// collection after it, session alive) next to the bytes of the bar arrays: "memory proportional to the data loaded,
/// not to the number of events". Usage: <c>backtest-memory [--only 1m|5m] [--strategy silent|reference] [--repeat N] [--by-type]</c>
/// (repeats after the first are warm). <c>--by-type</c> also prints what the replay allocates by type, from the runtime's
/// allocation sampling (one event per ~100 KB allocated, so types under ~1 % are noise).
/// </summary>
internal static class BacktestMemoryProbe
{
    public static int Run(string[] args)
    {
        var only = OptionText(args, "--only");
        var strategy = OptionText(args, "--strategy");
        var repeat = int.Parse(OptionText(args, "--repeat") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var byType = args.Contains("--by-type");
        if (only is null or "1m")
        {
            var series = BacktestMarket.Generate(1, Timeframe.M1, BacktestMarket.MinuteBarsPerYear);
            for (var r = 0; r < repeat; r++)
            {
                Measure("1 symbol x 1y of 1m", series, 1m, strategy, byType);
            }
        }

        if (only is null or "5m")
        {
            var series = BacktestMarket.Generate(100, Timeframe.M5, BacktestMarket.FiveMinuteBarsPerYear);
            for (var r = 0; r < repeat; r++)
            {
                Measure("100 symbols x 1y of 5m", series, 0.01m, strategy, byType);
            }
        }

        return 0;
    }

    private static string? OptionText(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static void Measure(string name, BarSeries[] series, decimal risk, string? strategy, bool byType)
    {
        var bars = series.Sum(s => (long)s.Count);
        var dataBytes = BacktestMarket.DataBytes(series);
        Console.WriteLine($"{name}: {bars:N0} bars, bar arrays {dataBytes / 1048576.0:F1} MiB");
        if (strategy is null or "silent")
        {
            Once("silent   ", series, new BacktestStrategies.Silent(BacktestStrategies.Universe(series)), risk, bars, dataBytes, byType);
        }

        if (strategy is null or "reference")
        {
            Once("reference", series, BacktestStrategies.Reference(series), risk, bars, dataBytes, byType);
        }
    }

    private static void Once(string label, BarSeries[] series, IStrategy strategy, decimal risk, long bars, long dataBytes, bool byType)
    {
        var heapBefore = FullCollect();
        var recorder = new LatencyRecorder(0);
        var session = new BacktestSession(series, strategy, new BacktestBracketSizer(risk), recorder);
        var heapSession = FullCollect();
        var gc0 = GC.CollectionCount(0);
        var gc2 = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        using var sampler = byType ? new AllocationSampler() : null;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        session.Run();
        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var allocatedByType = sampler?.Stop();
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var collections = $"gen0 {GC.CollectionCount(0) - gc0}, gen2 {GC.CollectionCount(2) - gc2}, GC pauses {pause.TotalMilliseconds:F0} ms = {pause / elapsed * 100:F0}% of the run";
        var heapAfter = FullCollect();
        GC.KeepAlive(session);
        var commands = recorder.Commands;
        Console.WriteLine(
            $"  {label}: {bars / elapsed.TotalSeconds / 1e6:F2} M bars/s ({elapsed.TotalSeconds:F2} s), allocated {allocated / (double)bars:F2} B/bar" +
            $"{(commands > 0 ? $" = {allocated / (double)commands:N0} B per order command ({commands:N0} commands, {session.Oms.TradesCreated:N0} trades, {session.Bot.Signals:N0} signals)" : string.Empty)}, {collections}");
        Console.WriteLine(
            $"    heap: data+setup {heapBefore / 1048576.0:F1} MiB, session built {(heapSession - heapBefore) / 1048576.0:F1} MiB (equity curve preallocated), " +
            $"kept after the run {(heapAfter - heapSession) / 1048576.0:F1} MiB ({(heapAfter - heapSession) / (double)Math.Max(1, session.Oms.TradesCreated):N0} B per trade) " +
            $"= {(heapAfter - heapBefore) * 100.0 / dataBytes:F1}% of the bar arrays");
        if (allocatedByType is not null)
        {
            var sampled = Math.Max(1L, allocatedByType.Values.Sum());
            var trades = Math.Max(1L, session.Oms.TradesCreated);
            Console.WriteLine($"    allocated by type (sampled {sampled / 1048576.0:F1} MiB of {allocated / 1048576.0:F1} MiB):");
            foreach (var (type, amount) in allocatedByType.OrderByDescending(pair => pair.Value).Take(30))
            {
                Console.WriteLine($"      {amount * 100.0 / sampled,5:F1}%  {amount / 1048576.0,8:F1} MiB  {amount / (double)trades,7:N0} B per trade  {type}");
            }
        }
    }

    private static long FullCollect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
