using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Accounting;
using Quorum.Execution.Engine;
using Quorum.Execution.Oms;
using Quorum.Execution.Simulation;
using Quorum.Research.Backtest;
using Quorum.Strategies;

namespace Quorum.Benchmarks;

/// <summary>
/// One backtest wired exactly as <see cref="BacktestRunner.Run"/> wires it (clock, scheduler, <see cref="BacktestLoop"/>,
/// <see cref="SimulatedExchange"/> with the default fees and slippage, <see cref="PortfolioLedger"/> with an equity curve
/// sized to the data, the runner's <c>BacktestBot</c>, <see cref="OrderManager"/>, the order-list hasher, the equity timer
/// on every primary close), minus what the runner does before and after the replay (catalog loading, closing open
/// trades, statistics). Building it is not timed; <see cref="Run"/> is the replay users wait for.
/// </summary>
internal sealed class BacktestSession
{
    public const decimal InitialCapital = 1_000_000m;

    private readonly MarketReplay _replay;
    private readonly IMarketReplayTarget _target;

    public BacktestSession(IReadOnlyList<BarSeries> series, IStrategy strategy, IPlanSizer sizer, IOmsListener? probe = null, Func<IMarketReplayTarget, IMarketReplayTarget>? wrapTarget = null)
    {
        var timeframe = series[0].Timeframe;
        var instruments = series.Select(s => BacktestInstruments.For(s.Symbol, s.Span)).ToList();
        const string quote = "USDT";
        var startMs = series.Min(s => s.FirstOpenTimeMs);
        var barsPerSymbol = series.Sum(s => (long)s.Count) / series.Count;

        Clock = new SimulatedClock(startMs);
        Scheduler = new EngineScheduler(Clock);
        Loop = new BacktestLoop(Clock, Scheduler);
        Exchange = new SimulatedExchange(
            new SimulatedExchangeOptions
            {
                Instruments = instruments,
                AccountAsset = quote,
                InitialBalances = new Dictionary<string, decimal>(StringComparer.Ordinal) { [quote] = InitialCapital },
                Fees = FeeSchedule.Default,
                Slippage = SlippageModel.Default,
            },
            Clock);
        Ledger = new PortfolioLedger(quote, InitialCapital, checked((int)Math.Min(int.MaxValue - 64, barsPerSymbol + 64)));
        var descriptor = new StrategyDescriptor(strategy.Name, strategy.Version, "benchmark strategy", [], (_, _) => strategy);
        Bot = new BacktestBot(Ledger, [new BotStrategy(strategy, descriptor, sizer, timeframe)], instruments);
        Exchange.Connect(Bot);
        Oms = new OrderManager(Exchange, Clock, new OmsOptions { BotId = "1", RetainClosedTrades = false });
        Bot.Oms = Oms;
        Oms.AddListener(Bot);
        Hasher = new OrderListHasher();
        Oms.AddListener(Hasher);
        if (probe is not null)
        {
            Oms.AddListener(probe);
        }

        foreach (var s in series)
        {
            Exchange.Subscribe(s.Symbol, timeframe);
        }

        _replay = MarketReplay.For(series);
        Ledger.RecordEquity(startMs);
        Scheduler.Every(timeframe.Milliseconds, Ledger.RecordEquity, alignToPeriod: false);
        _target = wrapTarget is null ? Exchange : wrapTarget(Exchange);
    }

    public SimulatedClock Clock { get; }

    public EngineScheduler Scheduler { get; }

    public BacktestLoop Loop { get; }

    public SimulatedExchange Exchange { get; }

    public PortfolioLedger Ledger { get; }

    internal BacktestBot Bot { get; }

    public OrderManager Oms { get; }

    public OrderListHasher Hasher { get; }

    /// <summary>Replays every bar; returns the number of events processed.</summary>
    public long Run() => Loop.Run(_replay, _target).Events;

    /// <summary>Replays every bar through <paramref name="feeder"/> (paper-on-replay: the event loop's thread runs the bot); returns the number of events processed.</summary>
    public long RunPaper(ReplayFeeder feeder) => feeder.RunAsync(_replay, _target).GetAwaiter().GetResult().Events;
}
