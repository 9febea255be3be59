using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Data.Catalog;
using Quorum.Research.Backtest;
using Quorum.Strategies;
using Quorum.TestKit;
using static Quorum.Research.Tests.Backtest.BacktestSamples;

namespace Quorum.Research.Tests.Backtest;

/// <summary>How the backtest runs strategy API v2: resampled timeframes, shorts, the strategy's exits, limit entries, several trades per symbol, position hooks, funding, context symbols, the DCA start check.</summary>
public sealed class BacktestStrategyApiTests : IDisposable
{
    private static readonly Symbol BtcPerp = Symbol.Parse("BINANCE:BTCUSDT.P");
    private readonly TempDirectory _directory = new();
    private ScriptedStrategy? _strategy;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Run_WhenTheStrategyNeeds4hAndTheDataIs1h_Delivers4hBarsAtTheirCloseAndFillsOn1hBars()
    {
        var registry = Registry([new(Btc, Timeframe.H4)], (s, symbol, tf, bar, sink) =>
        {
            if (s.Bars.Count == 20)
            {
                sink.Emit(StrategySignals.Entry(ScriptedStrategy.StrategyName, symbol, tf, bar, PositionSide.Long, "20th 4h bar, ATR(14) of 4h ready"));
            }
        });

        var result = Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc], Timeframe = Timeframe.H1 });

        var wave = Wave(1_000);
        _strategy!.Bars.Count.ShouldBe(250);
        _strategy.Bars.ShouldAllBe(b => b.Timeframe == Timeframe.H4);
        var first = _strategy.Bars[0].Bar;
        first.OpenTimeMs.ShouldBe(Start);
        first.Open.ShouldBe(wave[0].Open);
        first.High.ShouldBe(wave[..4].Max(b => b.High));
        first.Low.ShouldBe(wave[..4].Min(b => b.Low));
        first.Close.ShouldBe(wave[3].Close);
        first.Volume.ShouldBe(wave[..4].Sum(b => b.Volume));
        // The signal at the close of the 20th 4h bar (80 h) fills at the open of the next 1h bar, stamped with that bar's close
        // (81 h), not at the next 4h close (84 h).
        result.Trades[0].EntryTimeMs.ShouldBe(Start + (81 * Timeframe.HourMs));
    }

    [Fact]
    public void Run_WhenTheStrategyNeedsAFinerTimeframeThanTheData_RefusesNamingBoth()
    {
        var registry = Registry([new(Btc, Timeframe.M15), new(Btc, Timeframe.H1)]);

        var error = Should.Throw<ArgumentException>(() =>
            Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc], Timeframe = Timeframe.H1 }));

        error.Message.ShouldBe("strategy scripted needs 15m bars of BINANCE:BTCUSDT, finer than the data timeframe 1h: run with --timeframe 15m (or finer data that divides it)");
    }

    [Fact]
    public void Run_ShortOnSpot_IsRefusedWithTheReasonAndTheStrategyHearsOfIt()
    {
        var registry = Registry([new(Btc, Timeframe.H1)], EntryAt(2, PositionSide.Short, null));

        var result = Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc] });

        result.Trades.ShouldBeEmpty();
        result.SkippedSignals.ShouldHaveSingleItem().Reason.ShouldBe("BINANCE:BTCUSDT is spot: a short needs a perpetual");
        _strategy!.Rejected.ShouldHaveSingleItem().Reason.ShouldBe("BINANCE:BTCUSDT is spot: a short needs a perpetual");
    }

    [Fact]
    public void Run_ManyRefusals_KeepsTheFirstTenThousandWithReasonsAndCountsThemAll()
    {
        // 12 shorts on spot per bar over 1 000 bars: 12 000 refusals, more than the bot keeps.
        var registry = Registry(
            [new(Btc, Timeframe.H1)],
            (s, symbol, tf, bar, sink) =>
            {
                for (var i = 0; i < 12; i++)
                {
                    sink.Emit(StrategySignals.Entry(ScriptedStrategy.StrategyName, symbol, tf, bar, PositionSide.Short, $"short {i}", 1.0, null));
                }
            });

        var result = Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc] });

        result.Signals.ShouldBe(12_000);
        result.SkippedSignalCount.ShouldBe(12_000);
        result.SkippedSignals.Count.ShouldBe(10_000);
        result.SkippedSignals[^1].Signal.Reason.ShouldBe("short 3"); // the 10 000th: bar 833, its 4th signal (833 × 12 + 4)
        result.SkippedSignals.ShouldAllBe(skip => skip.Reason == "BINANCE:BTCUSDT is spot: a short needs a perpetual");
    }

    [Fact]
    public void Run_ShortOnAPerpetualWithATimeStop_IsClosedByTheTimeStop()
    {
        WritePerp();
        var exits = new ExitSpec(stopAtrMultiple: 20m, timeStopMs: 3 * Timeframe.HourMs);
        var registry = Registry([new(BtcPerp, Timeframe.H1)], EntryAt(40, PositionSide.Short, exits));

        var result = Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [BtcPerp] });

        var trade = result.Trades.ShouldHaveSingleItem();
        trade.Side.ShouldBe(PositionSide.Short);
        trade.ExitReason.ShouldBe("time_stop");
        // The time stop is due 3 h after the entry fill; its market exit fills at the next bar.
        (trade.ExitTimeMs - trade.EntryTimeMs).ShouldBeInRange(3 * Timeframe.HourMs, 5 * Timeframe.HourMs);
        _strategy!.Closed.ShouldHaveSingleItem().ExitReason.ShouldBe("time_stop");
    }

    [Fact]
    public void Run_TheStrategysTakeProfitInR_BecomesThePlansTakeProfit()
    {
        // Bar 20 is on the rising leg of the wave (it rises until bar 30); a take-profit 0.05R away (R = 10×ATR) is reached within a few bars.
        var exits = new ExitSpec(stopAtrMultiple: 10m, takeProfits: [new TakeProfitAtR(0.05m, 1m)]);
        var registry = Registry([new(Btc, Timeframe.H1)], EntryAt(20, PositionSide.Long, exits));

        var result = Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc] });

        var trade = result.Trades.ShouldHaveSingleItem();
        trade.ExitReason.ShouldBe("take_profit");
        // The take-profit is 0.05R above the planned entry, where R = entry − stop (the initial risk per unit).
        var riskPerUnit = trade.InitialRisk!.Value / trade.Quantity;
        trade.AverageExitPrice.ShouldBeGreaterThan(trade.AverageEntryPrice);
        (trade.AverageExitPrice - trade.AverageEntryPrice).ShouldBeLessThan(riskPerUnit * 0.2m);
    }

    [Fact]
    public void Run_LimitEntriesBeyondTheMaximumPerSymbol_AreRefusedAndFilledOnesReachTheHooks()
    {
        var registry = ScriptedStrategy.Registry(
            universe => _strategy = new ScriptedStrategy([new(Btc, Timeframe.H1)])
            {
                OnBarScript = (s, symbol, tf, bar, sink) =>
                {
                    if (s.Bars.Count != 1)
                    {
                        return;
                    }

                    foreach (var below in new[] { 0.99m, 0.98m, 0.97m })
                    {
                        var limit = decimal.Round(bar.Close * below, 2);
                        var exits = new ExitSpec(stopPrice: decimal.Round(bar.Close * 0.5m, 2), takeProfits: [new TakeProfitAtR(0.02m, 1m)]);
                        sink.Emit(StrategySignals.LimitEntry(ScriptedStrategy.StrategyName, symbol, tf, bar, PositionSide.Long, limit, $"level {below}", 0.5, exits));
                    }
                },
            },
            maxOpenTradesPerSymbol: 2);

        var result = Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc] });

        var strategy = _strategy!;
        strategy.Rejected.ShouldHaveSingleItem().Reason.ShouldBe("BINANCE:BTCUSDT already has 2 open trades of scripted (at most 2)");
        strategy.Opened.Count.ShouldBe(2);
        strategy.Opened.Select(p => p.EntrySignal.Reason).ShouldBe(["level 0.99", "level 0.98"]);
        strategy.Opened.ShouldAllBe(p => p.AverageEntry <= p.EntrySignal.Entry!.Value);
        strategy.Closed.Count.ShouldBe(2);
        strategy.Closed.ShouldAllBe(c => c.ExitReason == "take_profit" && c.RealizedPnl == result.Trades.Single(t => t.TradeId == c.Position.TradeId).NetPnl);
        foreach (var position in strategy.Opened)
        {
            strategy.Events.IndexOf($"opened {position.TradeId}").ShouldBeLessThan(strategy.Events.IndexOf($"closed {position.TradeId} take_profit"));
        }
    }

    [Fact]
    public void Run_FundingRates_ReachAFundingAwareStrategyAfterTheBarsOfTheSameInstant()
    {
        WritePerp(count: 100);
        var rates = Enumerable.Range(1, 12).Select(i => new FundingRate(BtcPerp, Start + (i * 8 * Timeframe.HourMs), 0.0001m * i)).ToList();
        var registry = Registry([new(BtcPerp, Timeframe.H1)]);

        Run(registry, new BacktestOptions
        {
            Strategy = ScriptedStrategy.StrategyName,
            Symbols = [BtcPerp],
            Funding = new Dictionary<Symbol, IReadOnlyList<FundingRate>> { [BtcPerp] = rates },
        });

        // 100 hourly bars close at 01:00 … 100:00; the 12 funding times (8 h … 96 h) all fall inside.
        var strategy = _strategy!;
        strategy.FundingRates.ShouldBe(rates);
        foreach (var rate in rates)
        {
            var funding = strategy.Events.IndexOf($"funding {BtcPerp} {rate.FundingTimeMs}");
            strategy.Events.IndexOf($"bar {BtcPerp} 1h {rate.FundingTimeMs - Timeframe.HourMs}").ShouldBe(funding - 1);
        }
    }

    [Fact]
    public void Run_AContextSymbol_IsDeliveredButNotTraded()
    {
        WritePerp();
        var registry = Registry([new(BtcPerp, Timeframe.H1), new(Btc, Timeframe.H1)], EntryAt(20, PositionSide.Long, null, only: BtcPerp));

        var result = Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [BtcPerp] });

        _strategy!.Bars.Count(b => b.Symbol == Btc).ShouldBe(1_000);
        _strategy.Bars.Count(b => b.Symbol == BtcPerp).ShouldBe(1_000);
        result.Trades.ShouldHaveSingleItem().Symbol.ShouldBe(BtcPerp);
        result.Summary.BySymbol.Keys.ShouldBe(["BINANCE:BTCUSDT.P"]);
    }

    [Fact]
    public void Run_AStrategyThatAveragesDown_IsRefusedWhileNoMartingaleIsTrue()
    {
        var registry = ScriptedStrategy.Registry(_ => new ScriptedStrategy([new(Btc, Timeframe.H1)]), averagesDown: true);
        var shipped = ConfigLoader.LoadGovernance(Path.Combine(Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName));

        foreach (var governance in new[] { null, shipped })
        {
            var error = Should.Throw<ArgumentException>(() =>
                Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc], Governance = governance }));
            error.Message.ShouldBe(
                "strategy scripted averages down (it adds to a losing position), which governance.yaml forbids with no_martingale: true; " +
                "set no_martingale: false in governance.yaml to allow it");
        }

        var allowing = Path.Combine(_directory.Path, ConfigLoader.GovernanceFileName);
        File.WriteAllText(allowing, File.ReadAllText(Path.Combine(Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName)).Replace("no_martingale: true", "no_martingale: false", StringComparison.Ordinal));
        var result = Run(registry, new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc], Governance = ConfigLoader.LoadGovernance(allowing) });
        result.Run.Bars.ShouldBe(1_000);
    }

    [Fact]
    public void Run_SeveralStrategies_ShareTheAccountButKeepTheirOwnTradesLimitsAndStatistics()
    {
        var result = new BacktestRunner(Catalog(_directory.Path)).Run(
            new BacktestOptions { Strategies = ["ema_cross", "buy_and_hold"], Symbols = [Btc], Parameters = [new("ema_cross.fast", "5"), new("ema_cross.slow", "20")] },
            cancellationToken: TestContext.Current.CancellationToken);

        // buy_and_hold holds its one trade from the first bar to the end while ema_cross trades the same symbol.
        result.Run.Strategy.ShouldBe("ema_cross+buy_and_hold");
        result.Run.Parameters.ShouldBe([new("ema_cross.fast", 5.0), new("ema_cross.slow", 20.0)]);
        result.Trades.Count(t => t.Strategy == "buy_and_hold").ShouldBe(1);
        result.Trades.Count(t => t.Strategy == "ema_cross").ShouldBeGreaterThan(3);
        result.Summary.ByStrategy.Keys.ShouldBe(["buy_and_hold", "ema_cross"], ignoreOrder: true);
        var hold = result.Trades.Single(t => t.Strategy == "buy_and_hold");
        result.Trades.Where(t => t.Strategy == "ema_cross").ShouldAllBe(t => t.EntryTimeMs > hold.EntryTimeMs && t.ExitTimeMs <= hold.ExitTimeMs);
        result.Summary.FinalEquity.ShouldBe(result.Summary.InitialEquity + result.Trades.Sum(t => t.NetPnl));
    }

    [Theory]
    [InlineData("fast", "--param fast: with several strategies write NAME.key=value (e.g. --param ema_cross.fast=…)")]
    [InlineData("sma.fast", "--param sma.fast: sma is not one of the strategies of this run (ema_cross, buy_and_hold)")]
    [InlineData("ema_cross.fats", "strategy ema_cross has no parameter 'fats'")]
    public void Run_SeveralStrategiesWithABadParameter_RefusesNamingIt(string key, string expected)
    {
        var error = Should.Throw<ArgumentException>(() => new BacktestRunner(Catalog(_directory.Path)).Run(
            new BacktestOptions { Strategies = ["ema_cross", "buy_and_hold"], Symbols = [Btc], Parameters = [new(key, "5")] },
            cancellationToken: TestContext.Current.CancellationToken));

        error.Message.ShouldStartWith(expected);
    }

    private static Action<ScriptedStrategy, Symbol, Timeframe, Bar, ISignalSink> EntryAt(int barIndex, PositionSide side, ExitSpec? exits, Symbol? only = null) =>
        (s, symbol, tf, bar, sink) =>
        {
            if ((only is null || symbol == only) && s.Bars.Count(b => b.Symbol == symbol) == barIndex + 1)
            {
                sink.Emit(StrategySignals.Entry(ScriptedStrategy.StrategyName, symbol, tf, bar, side, $"bar {barIndex}", 1.0, exits));
            }
        };

    private StrategyRegistry Registry(IReadOnlyList<StrategySubscription> subscriptions, Action<ScriptedStrategy, Symbol, Timeframe, Bar, ISignalSink>? onBar = null) =>
        ScriptedStrategy.Registry(_ => _strategy = new ScriptedStrategy(subscriptions) { OnBarScript = onBar });

    private BacktestResult Run(StrategyRegistry registry, BacktestOptions options) =>
        new BacktestRunner(Catalog(_directory.Path), registry).Run(options, cancellationToken: TestContext.Current.CancellationToken);

    private void WritePerp(int count = 1_000) =>
        new DataCatalog(_directory.Path).Write(new BarSeries(BtcPerp, Timeframe.H1, Wave(count)), CatalogWriteMode.Replace);
}
