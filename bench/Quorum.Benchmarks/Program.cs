using BenchmarkDotNet.Running;

namespace Quorum.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suite: <c>dotnet run -c Release --project bench/Quorum.Benchmarks -- --filter '*'</c>.
/// Console modes: <c>-- latency [options]</c> (closed-bar → order-command percentiles, <see cref="LatencyProbe"/>) and
/// <c>-- backtest-memory</c> (heap after a run vs the data loaded, <see cref="BacktestMemoryProbe"/>),
/// <c>-- backtest-sweep</c> (ns per bar against trades per bar: the cost model of target b, <see cref="BacktestSweepProbe"/>),
/// <c>-- strategies-throughput</c> (every strategy together over 10 symbols × 1 year of 5m, <see cref="StrategiesThroughputProbe"/>) and
/// <c>-- risk-latency</c> (risk gate per-call percentiles, <see cref="RiskLatencyProbe"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "latency":
                Environment.ExitCode = LatencyProbe.Run(args[1..]);
                return;
            case "strategies-throughput":
                Environment.ExitCode = StrategiesThroughputProbe.Run(args[1..]);
                return;
            case "risk-latency":
                Environment.ExitCode = RiskLatencyProbe.Run(args[1..]);
                return;
            case "backtest-sweep":
                Environment.ExitCode = BacktestSweepProbe.Run(args[1..]);
                return;
            case "backtest-memory":
                Environment.ExitCode = BacktestMemoryProbe.Run(args[1..]);
                return;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return;
        }
    }
}
