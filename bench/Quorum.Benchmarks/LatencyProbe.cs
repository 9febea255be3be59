using System.Diagnostics;
using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Engine;

namespace Quorum.Benchmarks;

/// <summary>
/// Console mode <c>latency</c>: closed-bar → order-command latency of the reference strategy through the full bot
/// (exchange matching, ledger, OMS, ATR, strategy, sizer, bracket submit), including GC, over every decision of the run.
/// Two paths over the same bars: (1) the synchronous backtest path — <see cref="BacktestLoop"/> into the exchange, the
/// start stamp taken when the loop hands the bar over; (2) the paper/live path — a <see cref="ReplayFeeder"/> in lockstep:
/// its producer posts each bar into an <see cref="EventLoop"/>'s channel (stamped just before the post,
/// <see cref="ReplayFeeder.BeforePost"/>) and waits until the loop thread has handled it before posting the next, so
/// every bar meets an idle loop as a live bar would (the loop's wake-up is included). On the loop thread the feeder
/// advances the paper-on-replay clock to the bar's close, fires the timers, and hands the bar to the exchange.
/// Usage: <c>latency [--symbols N] [--timeframe 1m] [--bars N] [--fast F] [--slow S]</c>.
/// </summary>
internal static class LatencyProbe
{
    public static int Run(string[] args)
    {
        var symbols = Option(args, "--symbols", 1);
        var timeframe = Timeframe.Parse(OptionText(args, "--timeframe") ?? "1m");
        var bars = Option(args, "--bars", BacktestMarket.MinuteBarsPerYear);
        var fast = Option(args, "--fast", 12);
        var slow = Option(args, "--slow", 26);
        var series = BacktestMarket.Generate(symbols, timeframe, bars);
        var total = symbols * bars;
        var risk = symbols == 1 ? 1m : 0.01m;
        Console.WriteLine($"// latency: ema_rsi_cross fast={fast} slow={slow}, {symbols} symbol(s) x {bars:N0} {timeframe} bars ({total:N0} bars), " +
                          $"GC server={System.Runtime.GCSettings.IsServerGC} latency mode={System.Runtime.GCSettings.LatencyMode}, {Environment.ProcessorCount} cores");

        var backtest = RunBacktestPath(series, fast, slow, risk, total);
        Console.WriteLine($"backtest path (BacktestLoop, synchronous): {backtest}");
        var paper = RunEventLoopPath(series, fast, slow, risk, total);
        Console.WriteLine($"paper/live path (ReplayFeeder in lockstep into the EventLoop channel): {paper}");
        return 0;
    }

    private static LatencySummary RunBacktestPath(BarSeries[] series, int fast, int slow, decimal risk, int total)
    {
        var recorder = new LatencyRecorder(total);
        var session = new BacktestSession(
            series, BacktestStrategies.Reference(series, fast, slow), new BacktestBracketSizer(risk), recorder, exchange => new TimedTarget(exchange, recorder));
        var gcBefore = GC.CollectionCount(0);
        session.Run();
        Console.WriteLine($"//   backtest path: gen0 collections during the run {GC.CollectionCount(0) - gcBefore}, trades {session.Oms.TradesCreated:N0}");
        return recorder.Summarize();
    }

    private static LatencySummary RunEventLoopPath(BarSeries[] series, int fast, int slow, decimal risk, int total)
    {
        var recorder = new LatencyRecorder(total);
        var posted = new long[total];
        var session = new BacktestSession(
            series, BacktestStrategies.Reference(series, fast, slow), new BacktestBracketSizer(risk), recorder, exchange => new TimedTarget(exchange, recorder, posted));
        var feeder = new ReplayFeeder(session.Clock, session.Scheduler)
        {
            Lockstep = true,
            BeforePost = sequence => posted[sequence] = Stopwatch.GetTimestamp(),
        };
        var gcBefore = GC.CollectionCount(0);
        var events = session.RunPaper(feeder);
        Console.WriteLine($"//   paper path: gen0 collections during the run {GC.CollectionCount(0) - gcBefore}, trades {session.Oms.TradesCreated:N0}, events {events:N0}");
        return recorder.Summarize();
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>
    /// Measures each bar handed to the exchange: from the moment the feeder posted it (<paramref name="posted"/>, by
    /// sequence number: the paper path) or, without stamps, from the moment the backtest loop hands it over.
    /// </summary>
    private sealed class TimedTarget(IMarketReplayTarget inner, LatencyRecorder recorder, long[]? posted = null) : IMarketReplayTarget
    {
        private int _sequence;

        public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role)
        {
            var start = posted is null ? Stopwatch.GetTimestamp() : posted[_sequence++];
            recorder.Begin();
            inner.OnReplayBar(symbol, timeframe, bar, role);
            recorder.End(start);
        }

        public void OnReplayFunding(FundingRate rate) => inner.OnReplayFunding(rate);
    }
}
