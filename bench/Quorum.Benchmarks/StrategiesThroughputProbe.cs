using System.Diagnostics;
using System.Globalization;
using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Synthetic;
using Quorum.Execution.Engine;
using Quorum.Research.Backtest;
using Quorum.Strategies;

namespace Quorum.Benchmarks;

/// <summary>
/// Console mode <c>strategies-throughput</c> (issue 5): every registered strategy but the all-in <c>buy_and_hold</c> baseline
/// together in one backtest over
/// <c>--symbols</c> (10) synthetic USDT-M perpetuals × <c>--days</c> (365) of 5m bars, each with its spot twin as context
/// (the basis of <c>funding_rev</c>) and a funding rate every 8 h. Prints, per run, the wall time and 5m bars/s of
/// (1) the full backtest — engine, resampling, simulated exchange, OMS, ledger, sizing, every strategy — and (2) the signal
/// path alone — the same replay delivered straight to the strategies — with the bytes allocated on bars where no strategy
/// emitted a signal. Usage: <c>strategies-throughput [--days N] [--symbols N] [--repeat N]</c> (runs after the first are warm).
/// </summary>
internal static class StrategiesThroughputProbe
{
    public static int Run(string[] args)
    {
        var days = IntOption(args, "--days", 365);
        var symbolCount = IntOption(args, "--symbols", 10);
        var repeat = IntOption(args, "--repeat", 2);
        var directory = Directory.CreateTempSubdirectory("quorum-strategies-throughput-");
        try
        {
            var (perps, funding) = WriteMarket(directory.FullName, symbolCount, days);
            var catalog = new DataCatalog(directory.FullName);
            var options = new BacktestOptions
            {
                // buy_and_hold is the all-in baseline: it would take every unit of cash and leave the others nothing to size.
                Strategies = [.. StrategyRegistry.BuiltIn.Names.Where(n => n != Strategies.BuiltIn.BuyAndHold.StrategyName)],
                Symbols = perps,
                Timeframe = Timeframe.M5,
                Funding = funding,
                Governance = AllowingDca(directory.FullName),
            };
            var fiveMinuteBars = (long)symbolCount * days * 288;
            Console.WriteLine($"{options.Strategies.Count} strategies ({string.Join(", ", options.Strategies)})");
            Console.WriteLine($"{symbolCount} perpetuals x {days} days of 5m = {fiveMinuteBars:N0} traded 5m bars (+ {fiveMinuteBars:N0} spot context bars)");
            for (var r = 0; r < repeat; r++)
            {
                FullBacktest(catalog, options, fiveMinuteBars);
                SignalPath(catalog, options, fiveMinuteBars);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return 0;
    }

    private static void FullBacktest(DataCatalog catalog, BacktestOptions options, long fiveMinuteBars)
    {
        GC.Collect();
        var runner = new BacktestRunner(catalog);
        var watch = Stopwatch.StartNew();
        var result = runner.Run(options);
        watch.Stop();
        Console.WriteLine(
            $"full backtest: {watch.Elapsed.TotalSeconds:F1} s, {fiveMinuteBars / watch.Elapsed.TotalSeconds:N0} traded 5m bars/s " +
            $"({result.Run.Bars:N0} bars replayed incl. context and resampled; {result.Signals:N0} signals, {result.Trades.Count:N0} trades, " +
            $"{result.SkippedSignals.Count:N0} skipped, {result.OrderCommands:N0} order commands{(result.Risk is { } risk ? "; " + risk.Summary : string.Empty)})");
        foreach (var group in result.SkippedSignals.GroupBy(s => (s.Signal.Strategy, Reason: Shorten(s.Reason))).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine($"  skipped {group.Count(),9:N0} × {group.Key.Strategy}: {group.Key.Reason}");
        }
    }

    private static void SignalPath(DataCatalog catalog, BacktestOptions options, long fiveMinuteBars)
    {
        GC.Collect();
        var universe = new StrategyUniverse(options.Symbols, options.Timeframe);
        var strategies = options.Strategies.Select(name => StrategyRegistry.BuiltIn.Create(name, parameters: (IEnumerable<KeyValuePair<string, string>>?)null, universe)).ToList();
        var feed = BacktestFeed.Plan(strategies, options.Symbols, options.Timeframe);
        var data = BacktestData.Load(catalog, feed.Symbols, options.Timeframe, null, null);
        var replay = MarketReplay.For(feed.Delivered(data), feed.Undelivered(data));
        foreach (var (symbol, rates) in options.Funding.OrderBy(f => f.Key))
        {
            replay.AddFunding(symbol, rates);
        }

        var clock = new SimulatedClock(data.Min(s => s.FirstOpenTimeMs));
        var target = new StrategiesOnly(strategies);
        var watch = Stopwatch.StartNew();
        new BacktestLoop(clock, new EngineScheduler(clock)).Run(replay, target);
        watch.Stop();
        Console.WriteLine(
            $"signal path:   {watch.Elapsed.TotalSeconds:F1} s, {fiveMinuteBars / watch.Elapsed.TotalSeconds:N0} traded 5m bars/s " +
            $"({target.Deliveries:N0} OnBar calls, {target.Signals:N0} signals; {target.SilentBytes:N0} bytes allocated over {target.SilentBars:N0} silent deliveries)");
        foreach (var (name, bytes) in target.SilentBytesByStrategy.Where(p => p.Value > 0).OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  {name}: {bytes:N0} bytes on silent deliveries");
        }
    }

    /// <summary>Writes one synthetic spot series per coin (5m) and its perpetual twin, and returns the perpetuals with 8-hourly funding.</summary>
    private static (IReadOnlyList<Symbol> Perps, Dictionary<Symbol, IReadOnlyList<FundingRate>> Funding) WriteMarket(string root, int symbols, int days)
    {
        var specs = Enumerable.Range(0, symbols)
            .Select(i => new SyntheticSymbolSpec(Symbol.Parse($"SYNTH:COIN{i}USDT"), StartPrice: 100m + (i * 37m), TickSize: 0.01m, VolumeScale: 10_000m, Beta: 1.0 + (i * 0.05), VolatilityMultiplier: 1.0 + (i * 0.07), VolumeDecimals: 3))
            .ToList();
        var market = SyntheticMarketGenerator.Generate(DemoDataset.Options with { Symbols = specs, Correlation = null, BarCount = days * 288 });
        var catalog = new DataCatalog(root);
        var perps = new List<Symbol>();
        var funding = new Dictionary<Symbol, IReadOnlyList<FundingRate>>();
        foreach (var spec in specs)
        {
            var spot = market.GetSeries(spec.Symbol);
            var perp = new Symbol(spec.Symbol.Venue, spec.Symbol.BaseAsset, spec.Symbol.QuoteAsset, MarketType.Perpetual);
            catalog.Write(spot, CatalogWriteMode.Replace);
            catalog.Write(new BarSeries(perp, Timeframe.M5, spot.Span.ToArray()), CatalogWriteMode.Replace);
            perps.Add(perp);
            var first = spot[0].OpenTimeMs;
            var rates = new List<FundingRate>();
            for (var t = first + (8 * Timeframe.HourMs); t < first + (days * 24L * Timeframe.HourMs); t += 8 * Timeframe.HourMs)
            {
                // Funding swings between −0.05 % and +0.15 % over about two weeks, so extremes occur.
                var phase = (t - first) / (double)(14 * 24 * Timeframe.HourMs) * 2 * Math.PI;
                rates.Add(new FundingRate(perp, t, decimal.Round((decimal)(0.0005 + (0.001 * Math.Sin(phase + perps.Count))), 6)));
            }

            funding.Add(perp, rates);
        }

        return (perps, funding);
    }

    /// <summary>The shipped governance.yaml with <c>no_martingale: false</c> (so the DCA strategy runs too) and the daily lock and kill switch at their maxima.</summary>
    private static GovernanceConfig AllowingDca(string directory)
    {
        var source = FindRepositoryGovernance();
        var path = Path.Combine(directory, ConfigLoader.GovernanceFileName);
        // The benchmark measures a year of trading: with the shipped daily lock (1.8 %) and kill switch (3.5 %) 15 strategies on
        // a synthetic market halt within weeks, so this copy raises both to their allowed maxima (10 %, 25 %).
        File.WriteAllText(path, File.ReadAllText(source)
            .Replace("no_martingale: true", "no_martingale: false", StringComparison.Ordinal)
            .Replace("max_daily_loss_pct: 1.8", "max_daily_loss_pct: 10", StringComparison.Ordinal)
            .Replace("kill_switch_drawdown_72h: 3.5", "kill_switch_drawdown_72h: 25", StringComparison.Ordinal));
        return ConfigLoader.LoadGovernance(path);
    }

    private static string FindRepositoryGovernance()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "configs", ConfigLoader.GovernanceFileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"configs/governance.yaml not found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}: run from the repository");
    }

    /// <summary>A skip reason without its numbers, so equal reasons group together.</summary>
    private static string Shorten(string reason) =>
        new([.. reason.TakeWhile(c => c != '(').Where(c => !char.IsDigit(c))]);

    private static int IntOption(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    /// <summary>The replay target of the signal-path run: delivered bars and funding go to the strategies, nothing else.</summary>
    private sealed class StrategiesOnly : IMarketReplayTarget, ISignalSink
    {
        private readonly List<IStrategy> _strategies;
        private readonly Dictionary<StrategySubscription, IStrategy[]> _listeners = [];

        public StrategiesOnly(List<IStrategy> strategies)
        {
            _strategies = strategies;
            foreach (var subscription in strategies.SelectMany(s => s.Subscriptions).Distinct())
            {
                _listeners.Add(subscription, [.. strategies.Where(s => s.Subscriptions.Contains(subscription))]);
            }
        }

        public long Deliveries { get; private set; }

        public long Signals { get; private set; }

        public long SilentBars { get; private set; }

        public long SilentBytes { get; private set; }

        public Dictionary<string, long> SilentBytesByStrategy { get; } = [];

        public void Emit(Core.Trading.Signal signal) => Signals++;

        public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role)
        {
            if ((role & BarRole.Deliver) == 0 || !_listeners.TryGetValue(new StrategySubscription(symbol, timeframe), out var listeners))
            {
                return;
            }

            foreach (var strategy in listeners)
            {
                var signals = Signals;
                var inner = (strategy as IComposedStrategy)?.InnerSignalCount ?? 0;
                var before = GC.GetAllocatedBytesForCurrentThread();
                strategy.OnBar(symbol, timeframe, bar, this);
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Deliveries++;

                // A silent delivery: neither the strategy nor, for the cluster, one of its modules emitted a signal.
                if (Signals == signals && ((strategy as IComposedStrategy)?.InnerSignalCount ?? 0) == inner)
                {
                    SilentBars++;
                    SilentBytes += allocated;
                    if (allocated > 0)
                    {
                        SilentBytesByStrategy[strategy.Name] = SilentBytesByStrategy.GetValueOrDefault(strategy.Name) + allocated;
                    }
                }
            }
        }

        public void OnReplayFunding(FundingRate rate)
        {
            foreach (var strategy in _strategies)
            {
                if (strategy is IFundingAwareStrategy aware)
                {
                    aware.OnFunding(rate.Symbol, rate, this);
                }
            }
        }
    }
}
