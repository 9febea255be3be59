using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Synthetic;
using Quorum.Execution.Accounting;
using Quorum.Execution.Engine;
using Quorum.Execution.Oms;
using Quorum.Execution.Simulation;
using Quorum.Research.Statistics;
using Quorum.Strategies;


namespace Quorum.Research.Backtest;

/// <summary>
/// Runs one strategy, or several together on one account, over catalog data through the same engine, exchange, OMS and accounting code the
/// bot uses: <see cref="MarketReplay"/> → <see cref="BacktestLoop"/> (or, with <see cref="BacktestEngine.EventLoop"/>, a
/// <see cref="ReplayFeeder"/> into the paper/live <see cref="EventLoop"/>: same results) → <see cref="SimulatedExchange"/> →
/// the backtest bot (<see cref="PortfolioLedger"/>, <see cref="OrderManager"/>, the strategy, the
/// <see cref="IPlanSizer"/>). Equity is recorded at the start and at every primary-timeframe close (an
/// engine timer, which fires after every bar of that instant). At the end every open trade is closed at
/// market and filled at the last close: one matching-only bar O=H=L=C=last close follows each symbol's
/// last bar, so the statistics cover every trade. See docs/backtest.md.
/// </summary>
public sealed class BacktestRunner(DataCatalog catalog, StrategyRegistry? registry = null)
{
    /// <summary>Exit note of trades closed because the data ended (<c>end_of_data</c> in trades.csv).</summary>
    public const string EndOfDataNote = "end of data";

    /// <summary>Volume of the closing bar: large enough that the participation cap never splits the final exits.</summary>
    private const decimal ClosingBarVolume = 1_000_000_000_000m;

    private readonly DataCatalog _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    private readonly StrategyRegistry _registry = registry ?? StrategyRegistry.BuiltIn;

    /// <summary>Runs <paramref name="options"/>; <paramref name="progress"/> receives the fraction done (0–1).</summary>
    /// <exception cref="ArgumentException">Bad options: unknown strategy or parameter, out-of-range value, mixed quote assets.</exception>
    /// <exception cref="CatalogException">The data is not in the catalog.</exception>
    public BacktestResult Run(BacktestOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var timeframe = options.Timeframe;
        var universe = new StrategyUniverse(options.Symbols, timeframe);
        var strategies = new List<BotStrategy>(options.Strategies.Count);
        var riskGate = options.Governance is { } governance ? new RiskGateSizer(governance, options.GovernanceSha256) : null;
        foreach (var name in options.Strategies)
        {
            var descriptor = _registry.Get(name);
            if (StrategyStartCheck.Refusal(descriptor, options.Governance) is { } refusal)
            {
                throw new ArgumentException(refusal);
            }

            var strategy = _registry.Create(name, options.ParametersOf(name), universe);
            strategies.Add(new BotStrategy(strategy, descriptor, PlanSizing.For(strategy.Name, options.RiskPercent, riskGate), BacktestFeed.ManagementTimeframeOf(strategy, descriptor)));
        }

        var feed = BacktestFeed.Plan([.. strategies.Select(s => s.Strategy)], options.Symbols, timeframe);
        var loading = progress is null ? null : new ScaledProgress(progress, 0.0, 0.25);
        var data = BacktestData.Load(_catalog, feed.Symbols, timeframe, options.FromMs, options.ToMs, loading);
        var series = data.Where(s => options.Symbols.Contains(s.Symbol)).ToList();
        var instruments = series.Select(s => BacktestInstruments.For(s.Symbol, s.Span)).ToList();
        var contextInstruments = data.Where(s => !options.Symbols.Contains(s.Symbol)).Select(s => BacktestInstruments.For(s.Symbol, s.Span));
        var quote = options.Symbols[0].QuoteAsset;
        var startMs = series.Min(s => s.FirstOpenTimeMs);
        var endMs = series.Max(s => timeframe.CloseTime(s.LastOpenTimeMs));
        var fillSeries = options.FillTimeframe is { } fillTimeframe
            ? BacktestData.Load(_catalog, options.Symbols, fillTimeframe, startMs, endMs)
            : [];
        var delivered = feed.Delivered(data);
        var detail = fillSeries.Count > 0 ? fillSeries : feed.Undelivered(data);

        var clock = new SimulatedClock(startMs);
        var scheduler = new EngineScheduler(clock);
        var exchange = new SimulatedExchange(ExchangeOptions(options, [.. instruments, .. contextInstruments], quote), clock);
        var barCount = series.Sum(s => (long)s.Count);
        var ledger = new PortfolioLedger(quote, options.InitialCapital, checked((int)Math.Min(int.MaxValue - 64, (barCount / series.Count) + 64)));
        // Perpetuals trade at --leverage, else at governance's leverage cap (floored; the risk gate keeps gross leverage under
        // the cap), so the venue's margin and the risk layer agree; without either, at leverage 1.
        var leverage = options.Exchange.LeverageUnder(options.Governance);
        foreach (var instrument in instruments.Where(i => i.Symbol.IsPerpetual && leverage > 1))
        {
            exchange.SetLeverage(instrument.Symbol, leverage);
        }

        var bot = new BacktestBot(ledger, strategies, instruments, leverage);
        exchange.Connect(bot);
        // Closed trades are summarised as they close (ClosedTradeRecorder) and dropped by the OMS: memory follows the open trades.
        var oms = new OrderManager(exchange, clock, options.Oms.ToOmsOptions("1", feed.ManagementTimeframe, retainClosedTrades: false));
        bot.Oms = oms;
        oms.AddListener(bot);
        if (riskGate is not null)
        {
            riskGate.Attach(oms, ledger);
            oms.AddListener(riskGate);
        }

        var hasher = new OrderListHasher();
        oms.AddListener(hasher);
        var closedTrades = new ClosedTradeRecorder();
        oms.AddListener(closedTrades);
        foreach (var subscription in strategies.SelectMany(s => s.Strategy.Subscriptions).Distinct())
        {
            exchange.Subscribe(subscription.Symbol, subscription.Timeframe);
        }

        var replay = MarketReplay.For(delivered, detail);
        long fundingEvents = 0;
        foreach (var (symbol, rates) in WithSyntheticFunding(options, data).OrderBy(f => f.Key))
        {
            var inRange = rates.Where(r => r.FundingTimeMs > startMs && r.FundingTimeMs <= endMs).OrderBy(r => r.FundingTimeMs).ToList();
            if (inRange.Count > 0)
            {
                replay.AddFunding(symbol, inRange);
                fundingEvents += inRange.Count;
            }
        }

        ledger.RecordEquity(startMs);
        var equityTimer = scheduler.Every(feed.PrimaryTimeframe.Milliseconds, ledger.RecordEquity, alignToPeriod: false);
        var replayProgress = progress is null ? null : new ReplayProgressAdapter(new ScaledProgress(progress, 0.25, 0.95));
        var target = new FundingToStrategy(exchange, bot);
        if (options.Engine == BacktestEngine.EventLoop)
        {
            // Paper-on-replay: the same replay posted into the paper/live event loop; the bot runs on the loop's thread.
            new ReplayFeeder(clock, scheduler).RunAsync(replay, target, replayProgress, cancellationToken).GetAwaiter().GetResult();
        }
        else
        {
            new BacktestLoop(clock, scheduler).Run(replay, target, replayProgress, cancellationToken);
        }

        scheduler.Cancel(equityTimer);

        CloseAtLastClose(fillSeries.Count > 0 ? fillSeries : series, clock, exchange, oms, ledger);
        progress?.Report(0.97);

        var trades = closedTrades.InExitOrder();
        var curve = ledger.EquityCurve;
        var summary = PerformanceStatistics.Compute(trades, curve.Times, curve.Equity, options.InitialCapital, timeframe);
        var run = new BacktestRunInfo(
            string.Join("+", strategies.Select(s => s.Strategy.Name)),
            string.Join("+", strategies.Select(s => s.Strategy.Version)),
            strategies.Count == 1
                ? [.. strategies[0].Strategy.Parameters.Values]
                : [.. strategies.SelectMany(s => s.Strategy.Parameters.Values.Select(p => KeyValuePair.Create($"{s.Strategy.Name}.{p.Key}", p.Value)))],
            options.Symbols,
            timeframe,
            options.FillTimeframe,
            options.FromMs,
            options.ToMs,
            startMs,
            endMs,
            options.InitialCapital,
            quote,
            options.Exchange,
            leverage,
            options.Oms,
            options.RiskPercent,
            string.Join("; ", strategies.Select(s => s.Sizer.Description).Distinct()),
            replay.BarCount,
            fundingEvents,
            options.Symbols.Any(s => s.Venue.IsSynthetic));
        progress?.Report(1.0);
        return new BacktestResult(
            run,
            summary,
            trades,
            curve.TimesToArray(),
            curve.EquityToArray(),
            series,
            hasher.Finish(),
            hasher.Count,
            bot.Signals,
            bot.Skipped,
            oms.OpenTrades.Count())
        {
            SkippedSignalCount = bot.SkippedCount,
            Risk = riskGate?.Log,
        };
    }

    private static SimulatedExchangeOptions ExchangeOptions(BacktestOptions options, IReadOnlyList<Instrument> instruments, string quote) => new()
    {
        Instruments = instruments,
        AccountAsset = quote,
        InitialBalances = new Dictionary<string, decimal>(StringComparer.Ordinal) { [quote] = options.InitialCapital },
        Fees = options.Exchange.Fees(),
        Slippage = options.Exchange.Slippage(),
        IntrabarPath = options.Exchange.IntrabarPath,
        LimitFillsOnTouch = options.Exchange.LimitFillsOnTouch,
        ParticipationCap = options.Exchange.ParticipationCap,
    };

    /// <summary>Closes what is still open at market and fills it on one matching-only bar after each symbol's last matching bar, at its close.</summary>
    private static void CloseAtLastClose(
        IReadOnlyList<BarSeries> series, SimulatedClock clock, SimulatedExchange exchange, OrderManager oms, PortfolioLedger ledger)
    {
        var open = oms.OpenTrades.ToList();
        if (open.Count == 0)
        {
            return;
        }

        foreach (var trade in open)
        {
            oms.CloseTrade(trade.TradeId, TradeExitReason.Manual, EndOfDataNote);
        }

        var closing = series
            .Where(s => open.Any(t => t.Symbol == s.Symbol))
            .Select(s => (s.Symbol, s.Timeframe, Bar: ClosingBar(s, s.Timeframe, clock.UtcNowMs)))
            .OrderBy(c => c.Bar.OpenTimeMs).ThenBy(c => c.Symbol)
            .ToList();
        foreach (var (symbol, timeframe, bar) in closing)
        {
            var closeMs = timeframe.CloseTime(bar.OpenTimeMs);
            if (clock.UtcNowMs < closeMs)
            {
                clock.AdvanceTo(closeMs);
            }

            exchange.OnReplayBar(symbol, timeframe, bar, BarRole.Match);
        }

        var times = ledger.EquityCurve.Times;
        if (times.IsEmpty || clock.UtcNowMs > times[^1])
        {
            ledger.RecordEquity(clock.UtcNowMs);
        }
    }

    /// <summary>The bar after the series' last one, moved later by whole periods until it closes after <paramref name="nowMs"/>.</summary>
    private static Bar ClosingBar(BarSeries series, Timeframe timeframe, long nowMs)
    {
        var last = series[series.Count - 1];
        var open = last.OpenTimeMs + timeframe.Milliseconds;
        while (timeframe.CloseTime(open) <= nowMs)
        {
            open += timeframe.Milliseconds;
        }

        return new Bar(open, last.Close, last.Close, last.Close, last.Close, ClosingBarVolume);
    }

    /// <summary>
    /// The funding of the run: the given files, plus — for a traded <c>SYNTH</c> perpetual without one — the funding derived
    /// from it and its spot twin (<see cref="SyntheticPerpetual.Funding"/>: Binance's formula on the synthetic premium).
    /// </summary>
    private Dictionary<Symbol, IReadOnlyList<FundingRate>> WithSyntheticFunding(BacktestOptions options, IReadOnlyList<BarSeries> data)
    {
        var funding = new Dictionary<Symbol, IReadOnlyList<FundingRate>>(options.Funding);
        foreach (var perpetual in options.Symbols)
        {
            if (!perpetual.Venue.IsSynthetic || !perpetual.IsPerpetual || funding.ContainsKey(perpetual) || data.FirstOrDefault(s => s.Symbol == perpetual) is not { } series)
            {
                continue;
            }

            var spot = new Symbol(perpetual.Venue, perpetual.BaseAsset, perpetual.QuoteAsset, MarketType.Spot);
            var spotSeries = data.FirstOrDefault(s => s.Symbol == spot)
                ?? BacktestData.Load(_catalog, [spot], options.Timeframe, options.FromMs, options.ToMs)[0];
            funding.Add(perpetual, SyntheticPerpetual.Funding(series, spotSeries));
        }

        return funding;
    }

    /// <summary>The replay target of a run: the exchange, then — for funding rates — the bot, so a funding-aware strategy sees each rate after it was settled.</summary>
    private sealed class FundingToStrategy(SimulatedExchange exchange, BacktestBot bot) : IMarketReplayTarget
    {
        public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role) => exchange.OnReplayBar(symbol, timeframe, bar, role);

        public void OnReplayFunding(FundingRate rate)
        {
            exchange.OnReplayFunding(rate);
            bot.OnFundingRate(rate);
        }
    }

    private sealed class ScaledProgress(IProgress<double> inner, double from, double to) : IProgress<double>
    {
        public void Report(double value) => inner.Report(from + ((to - from) * Math.Clamp(value, 0, 1)));
    }

    private sealed class ReplayProgressAdapter(IProgress<double> inner) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => inner.Report(value.Fraction);
    }
}
