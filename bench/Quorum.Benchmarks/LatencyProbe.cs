using System.Diagnostics;
using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Engine;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;

namespace Quorum.Benchmarks;

/// <summary>
/// Console mode <c>latency</c>: closed-bar → order-command latency of the reference strategy through the full bot
/// (exchange matching, ledger, OMS, ATR, strategy, sizer, bracket submit), including GC, over every decision of the run.
/// Two paths over the same bars: (1) the synchronous backtest path — <see cref="BacktestLoop"/> into the exchange, the
/// start stamp taken when the loop hands the bar over; (2) the paper/live path — a producer thread posts each bar into
/// an <see cref="EventLoop"/>'s channel (stamping it just before the post) and waits until the loop thread has handled
/// it before posting the next, so every bar meets an idle loop as a live bar would (the loop's wake-up is included).
/// On the loop thread a router advances the paper-on-replay clock to the bar's close and hands the bar to the exchange.
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
        Console.WriteLine($"paper/live path (EventLoop channel, producer thread): {paper}");
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
        var session = new BacktestSession(series, BacktestStrategies.Reference(series, fast, slow), new BacktestBracketSizer(risk), recorder);
        var posted = new long[total];
        var router = new PaperRouter(session.Clock, session.Exchange, recorder, posted);
        var loop = new EventLoop(router, session.Scheduler);
        var running = loop.RunAsync();
        var gcBefore = GC.CollectionCount(0);
        var count = series[0].Count;
        var sequence = 0;
        var spin = default(SpinWait);
        for (var i = 0; i < count; i++)
        {
            foreach (var s in series)
            {
                posted[sequence] = Stopwatch.GetTimestamp();
                if (!loop.TryPost(EngineEvent.ForBar(s.Symbol, s.Timeframe, in s.Span[i])))
                {
                    throw new InvalidOperationException($"the event loop refused bar {sequence}");
                }

                sequence++;
                spin.Reset();
                while (router.Handled < sequence)
                {
                    if (running.IsCompleted)
                    {
                        running.GetAwaiter().GetResult();
                    }

                    spin.SpinOnce(sleep1Threshold: -1);
                }
            }
        }

        loop.Complete();
        running.GetAwaiter().GetResult();
        Console.WriteLine($"//   paper path: gen0 collections during the run {GC.CollectionCount(0) - gcBefore}, trades {session.Oms.TradesCreated:N0}, events dispatched {loop.DispatchedCount:N0}");
        return recorder.Summarize();
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Stamps each bar as the backtest loop hands it to the exchange.</summary>
    private sealed class TimedTarget(IMarketReplayTarget inner, LatencyRecorder recorder) : IMarketReplayTarget
    {
        public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role)
        {
            var start = Stopwatch.GetTimestamp();
            recorder.Begin();
            inner.OnReplayBar(symbol, timeframe, bar, role);
            recorder.End(start);
        }

        public void OnReplayFunding(FundingRate rate) => inner.OnReplayFunding(rate);
    }

    /// <summary>
    /// The loop's listener in paper-on-replay: advances the simulated clock to the bar's close and hands the bar to the
    /// exchange, which matches it and delivers it (and its reports) to the bot synchronously.
    /// </summary>
    private sealed class PaperRouter(SimulatedClock clock, SimulatedExchange exchange, LatencyRecorder recorder, long[] posted) : IVenueListener
    {
        private int _sequence;
        private int _handled;

        public int Handled => Volatile.Read(ref _handled);

        public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
        {
            var start = posted[_sequence++];
            var closeMs = timeframe.CloseTime(bar.OpenTimeMs);
            if (clock.UtcNowMs < closeMs)
            {
                clock.AdvanceTo(closeMs);
            }

            recorder.Begin();
            exchange.OnReplayBar(symbol, timeframe, bar, BarRole.MatchAndDeliver);
            recorder.End(start);
            Volatile.Write(ref _handled, _sequence);
        }

        public void OnExecutionReport(ExecutionReport report) =>
            throw new InvalidOperationException($"paper router: the simulated exchange reports to the bot directly, not through the loop (got {report})");

        public void OnFunding(FundingPayment payment) =>
            throw new InvalidOperationException($"paper router: no funding in this probe (got {payment})");
    }
}
