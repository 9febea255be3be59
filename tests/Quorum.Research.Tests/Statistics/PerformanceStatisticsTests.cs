using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using Quorum.Research.Statistics;

namespace Quorum.Research.Tests.Statistics;

public sealed class PerformanceStatisticsTests
{
    private const long Hour = Timeframe.HourMs;
    private const long Day = Timeframe.DayMs;
    private const double Close = 1e-9;

    private static readonly Symbol BtcSpot = Symbol.Parse("BINANCE:BTCUSDT");
    private static readonly Symbol BtcPerp = Symbol.Parse("BINANCE:BTCUSDT.P");
    private static readonly Symbol EthSpot = Symbol.Parse("BINANCE:ETHUSDT");

    /// <summary>Hourly points t = 0 … 9 h.</summary>
    private static readonly long[] Times = [.. Enumerable.Range(0, 10).Select(i => i * Hour)];

    /// <summary>
    /// 1 000 compounded by the returns +2 %, +5 %, −10 %, 0, −5 %, +10 %, +8 %, −2 %, +4 % (every value exact in decimal).
    /// </summary>
    private static readonly decimal[] Equity =
        [1_000m, 1_020m, 1_071m, 963.9m, 963.9m, 915.705m, 1_007.2755m, 1_087.85754m, 1_066.1003892m, 1_108.744404768m];

    /// <summary>
    /// Five trades (net = gross − fees + funding; R = net / risk):
    /// T1 ema_cross BTC long 0–2 h: 100 → 110 × 1, gross 10, fees 0.2 → net 9.8, risk 5 → R 1.96.
    /// T2 ema_cross BTC.P short 1–3 h: 200 → 210 × 0.5, gross −5, fees 0.2, funding +0.1 → net −5.1, risk 5 → R −1.02.
    /// T3 buy_and_hold ETH long 4–5 h: 50 → 56 × 2, gross 12, fees 0.1 → net 11.9, risk 4 → R 2.975.
    /// T4 buy_and_hold ETH long 6–7 h: 56 → 53 × 2, gross −6, fees 0.1 → net −6.1, no risk.
    /// T5 ema_cross BTC long 8–8.5 h: 110 → 110 × 1, nothing → net 0 (neither win nor loss), risk 2 → R 0.
    /// </summary>
    private static readonly TradeSummary[] FiveTrades =
    [
        Trade("T1", "ema_cross", BtcSpot, PositionSide.Long, 0, 2 * Hour, 100m, 110m, 1m, 10m, 0.2m, 0m, 5m),
        Trade("T2", "ema_cross", BtcPerp, PositionSide.Short, 1 * Hour, 3 * Hour, 200m, 210m, 0.5m, -5m, 0.2m, 0.1m, 5m),
        Trade("T3", "buy_and_hold", EthSpot, PositionSide.Long, 4 * Hour, 5 * Hour, 50m, 56m, 2m, 12m, 0.1m, 0m, 4m),
        Trade("T4", "buy_and_hold", EthSpot, PositionSide.Long, 6 * Hour, 7 * Hour, 56m, 53m, 2m, -6m, 0.1m, 0m, null),
        Trade("T5", "ema_cross", BtcSpot, PositionSide.Long, 8 * Hour, (8 * Hour) + (Hour / 2), 110m, 110m, 1m, 0m, 0m, 0m, 2m),
    ];

    [Fact]
    public void Compute_FiveTrades_TradeStatisticsMatchTheHandComputedValues()
    {
        var summary = PerformanceStatistics.Compute(FiveTrades, Times, Equity, 1_000m, Timeframe.H1);

        summary.Trades.ShouldBe(5);
        summary.Wins.ShouldBe(2);
        summary.Losses.ShouldBe(2);
        summary.WinRate.ShouldBe(0.4);
        summary.GrossProfit.ShouldBe(21.7m); // 9.8 + 11.9
        summary.GrossLoss.ShouldBe(11.2m); // 5.1 + 6.1
        summary.ProfitFactor!.Value.ShouldBe(1.9375, Close); // 21.7 / 11.2
        summary.NetPnl.ShouldBe(10.5m); // 9.8 − 5.1 + 11.9 − 6.1 + 0
        summary.Expectancy.ShouldBe(2.1m); // 10.5 / 5
        summary.ExpectancyR!.Value.ShouldBe(1.0375, Close); // (9.8 − 5.1 + 11.9 + 0) / (5 + 5 + 4 + 2) = 16.6 / 16
        summary.AverageR!.Value.ShouldBe(0.97875, Close); // (1.96 − 1.02 + 2.975 + 0) / 4
        summary.BestTrade.ShouldBe(11.9m);
        summary.WorstTrade.ShouldBe(-6.1m);
        summary.Fees.ShouldBe(0.6m);
        summary.Funding.ShouldBe(0.1m);
        summary.AverageTradeDurationMs.ShouldBe(4_680_000L); // (2 + 2 + 1 + 1 + 0.5) h / 5 = 1.3 h
        summary.Exposure!.Value.ShouldBe(5.5 / 9, Close); // union [0, 3] ∪ [4, 5] ∪ [6, 7] ∪ [8, 8.5] = 5.5 h of 9 h
    }

    [Fact]
    public void Compute_TenPointCurve_SharpeSortinoAndDrawdownMatchTheHandComputedValues()
    {
        var summary = PerformanceStatistics.Compute(FiveTrades, Times, Equity, 1_000m, Timeframe.H1);

        // Returns 0.02, 0.05, −0.10, 0, −0.05, 0.10, 0.08, −0.02, 0.04: Σ = 0.12, mean = 0.12 / 9 = 0.013333….
        // Σ r² = 0.0004 + 0.0025 + 0.01 + 0 + 0.0025 + 0.01 + 0.0064 + 0.0004 + 0.0016 = 0.0338;
        // Σ (r − mean)² = 0.0338 − 9 × mean² = 0.0338 − 0.0016 = 0.0322; sample variance 0.0322 / 8 = 0.004025;
        // deviation √0.004025 = 0.0634428877; per period 0.0133333 / 0.0634428877 = 0.2101627750;
        // annualized × √8 760 (1h bars: 365 × 24) = × 93.5948717 → Sharpe 19.6701579524.
        summary.PeriodsPerYear.ShouldBe(8_760d);
        summary.Sharpe!.Value.ShouldBe(19.670157952381455, 1e-9);

        // Downside: (0.01 + 0.0025 + 0.0004) / 9 = 0.0129 / 9 = 0.00143333; √ = 0.0378593890;
        // 0.0133333 / 0.0378593890 = 0.3521803625 × 93.5948717 → Sortino 32.9622758302.
        summary.Sortino!.Value.ShouldBe(32.96227583021197, 1e-9);

        // Peak 1 071 (t = 2 h), trough 915.705 (t = 5 h): 155.295 / 1 071 = 14.5 %; back above 1 071 at 1 087.85754 (t = 7 h):
        // 5 h under water. The later dip 1 087.85754 → 1 066.1003892 (2 %) recovers in 2 h.
        summary.MaxDrawdownPct.ShouldBe(14.5, Close);
        summary.MaxDrawdownDurationMs.ShouldBe(5 * Hour);
        summary.InitialEquity.ShouldBe(1_000m);
        summary.FinalEquity.ShouldBe(1_108.744404768m);
        summary.ReturnPct.ShouldBe(10.8744404768, Close);
    }

    [Fact]
    public void Compute_TwoYears_CagrAndCalmar()
    {
        // 1 000 → 900 after one year → 1 210 after two: CAGR √1.21 − 1 = 10 %; max drawdown 100 / 1 000 = 10 %; Calmar 1.
        // Under water from the initial peak at t = 0 to t = 2 years.
        long[] times = [0, 365 * Day, 730 * Day];
        decimal[] equity = [1_000m, 900m, 1_210m];

        var summary = PerformanceStatistics.Compute([], times, equity, 1_000m, Timeframe.D1);

        summary.CagrPct!.Value.ShouldBe(10, Close);
        summary.MaxDrawdownPct.ShouldBe(10, Close);
        summary.Calmar!.Value.ShouldBe(1, Close);
        summary.MaxDrawdownDurationMs.ShouldBe(730 * Day);
        summary.ReturnPct.ShouldBe(21, Close);
    }

    [Fact]
    public void Compute_ByStrategyAndBySymbol_AreOrdinalSubsetsWithRealizedCurves()
    {
        var summary = PerformanceStatistics.Compute(FiveTrades.Reverse().ToArray(), Times, Equity, 1_000m, Timeframe.H1);

        summary.ByStrategy.Keys.ShouldBe(["buy_and_hold", "ema_cross"]);
        summary.BySymbol.Keys.ShouldBe(["BINANCE:BTCUSDT", "BINANCE:BTCUSDT.P", "BINANCE:ETHUSDT"]);

        var buyAndHold = summary.ByStrategy["buy_and_hold"];
        buyAndHold.Trades.ShouldBe(2);
        buyAndHold.NetPnl.ShouldBe(5.8m); // 11.9 − 6.1
        buyAndHold.ProfitFactor!.Value.ShouldBe(11.9 / 6.1, Close);
        buyAndHold.ByStrategy.ShouldBeEmpty();
        buyAndHold.BySymbol.ShouldBeEmpty();

        // Realized curve: 1 000 until T3 exits at 5 h (1 011.9), T4 exits at 7 h (1 005.8):
        // drawdown 6.1 / 1 011.9 = 0.6028263662 %, under water from the last point at the peak (6 h) to the end (9 h).
        buyAndHold.FinalEquity.ShouldBe(1_005.8m);
        buyAndHold.MaxDrawdownPct.ShouldBe(0.6028263662417235, 1e-9);
        buyAndHold.MaxDrawdownDurationMs.ShouldBe(3 * Hour);
        buyAndHold.Exposure!.Value.ShouldBe(2.0 / 9, Close);

        var emaCross = summary.ByStrategy["ema_cross"];
        emaCross.Trades.ShouldBe(3);
        emaCross.Wins.ShouldBe(1);
        emaCross.Losses.ShouldBe(1);
        emaCross.NetPnl.ShouldBe(4.7m); // 9.8 − 5.1 + 0
        emaCross.ExpectancyR!.Value.ShouldBe(4.7 / 12, Close); // risks 5 + 5 + 2

        var perp = summary.BySymbol["BINANCE:BTCUSDT.P"];
        perp.Trades.ShouldBe(1);
        perp.Funding.ShouldBe(0.1m);
        perp.ProfitFactor.ShouldBe(0d); // no win, one loss: 0 / 5.1
    }

    [Fact]
    public void Compute_NoTrades_FlatEquity_UndefinedRatiosAreNull()
    {
        long[] times = [0, Hour, 2 * Hour, 3 * Hour];
        decimal[] equity = [1_000m, 1_000m, 1_000m, 1_000m];

        var summary = PerformanceStatistics.Compute([], times, equity, 1_000m, Timeframe.H1);

        summary.Trades.ShouldBe(0);
        summary.Wins.ShouldBe(0);
        summary.WinRate.ShouldBeNull();
        summary.ProfitFactor.ShouldBeNull();
        summary.Expectancy.ShouldBeNull();
        summary.ExpectancyR.ShouldBeNull();
        summary.AverageR.ShouldBeNull();
        summary.BestTrade.ShouldBeNull();
        summary.AverageTradeDurationMs.ShouldBeNull();
        summary.NetPnl.ShouldBe(0m);
        summary.Sharpe.ShouldBeNull(); // zero deviation
        summary.Sortino.ShouldBeNull(); // no losing period
        summary.MaxDrawdownPct.ShouldBe(0d);
        summary.MaxDrawdownDurationMs.ShouldBe(0L);
        summary.Calmar.ShouldBeNull();
        summary.CagrPct.ShouldBe(0d);
        summary.Exposure.ShouldBe(0d);
        summary.ReturnPct.ShouldBe(0d);
        summary.ByStrategy.ShouldBeEmpty();
        summary.BySymbol.ShouldBeEmpty();
    }

    [Fact]
    public void Compute_AllWins_ProfitFactorIsNullAndWinRateIsOne()
    {
        var wins = FiveTrades.Where(t => t.NetPnl > 0m).ToArray();

        var summary = PerformanceStatistics.Compute(wins, Times, Equity, 1_000m, Timeframe.H1);

        summary.Trades.ShouldBe(2);
        summary.WinRate.ShouldBe(1d);
        summary.Losses.ShouldBe(0);
        summary.GrossLoss.ShouldBe(0m);
        summary.ProfitFactor.ShouldBeNull(); // infinite: no losses
    }

    [Fact]
    public void Compute_EmptyCurve_EquityFiguresAreNeutralOrNull()
    {
        var summary = PerformanceStatistics.Compute(FiveTrades, [], [], 1_000m, Timeframe.H1);

        summary.FinalEquity.ShouldBe(1_000m);
        summary.ReturnPct.ShouldBe(0d);
        summary.CagrPct.ShouldBeNull();
        summary.Exposure.ShouldBeNull();
        summary.Sharpe.ShouldBeNull();
        summary.MaxDrawdownPct.ShouldBe(0d);
        summary.Trades.ShouldBe(5);
    }

    [Fact]
    public void Compute_FromTheLedgerCurve_UsesItsTimesAndValues()
    {
        var curve = new EquityCurve(capacity: 4);
        for (var i = 0; i < Times.Length; i++)
        {
            curve.Add(Times[i], Equity[i]);
        }

        var fromCurve = PerformanceStatistics.Compute(FiveTrades, curve, 1_000m, Timeframe.H1);
        var fromSpans = PerformanceStatistics.Compute(FiveTrades, Times, Equity, 1_000m, 8_760d);

        fromCurve.Sharpe.ShouldBe(fromSpans.Sharpe);
        fromCurve.MaxDrawdownPct.ShouldBe(fromSpans.MaxDrawdownPct);
        fromCurve.FinalEquity.ShouldBe(fromSpans.FinalEquity);
    }

    [Fact]
    public void Compute_TwiceWithTradesInAnotherOrder_GivesIdenticalFigures()
    {
        var forward = PerformanceStatistics.Compute(FiveTrades, Times, Equity, 1_000m, Timeframe.H1);
        var backward = PerformanceStatistics.Compute(FiveTrades.Reverse().ToArray(), Times, Equity, 1_000m, Timeframe.H1);

        Comparable(backward).ShouldBe(Comparable(forward));
        foreach (var key in forward.ByStrategy.Keys)
        {
            Comparable(backward.ByStrategy[key]).ShouldBe(Comparable(forward.ByStrategy[key]));
        }
    }

    [Theory]
    [InlineData("1m", 525_600d)]
    [InlineData("5m", 105_120d)]
    [InlineData("1h", 8_760d)]
    [InlineData("4h", 2_190d)]
    [InlineData("1d", 365d)]
    [InlineData("1w", 365d / 7)]
    public void PeriodsPerYear_Is365DaysOfBars(string timeframe, double expected)
    {
        PerformanceStatistics.PeriodsPerYear(Timeframe.Parse(timeframe)).ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Compute_WhenTimesDoNotIncrease_Throws()
    {
        Should.Throw<ArgumentException>(() => PerformanceStatistics.Compute([], [0L, 0L], [1m, 1m], 1m, 365d))
            .Message.ShouldContain("equity time #1 = 0 is not after #0 = 0");
    }

    [Fact]
    public void Compute_WhenTimesAndValuesDiffer_Throws()
    {
        Should.Throw<ArgumentException>(() => PerformanceStatistics.Compute([], [0L, 1L], [1m], 1m, 365d))
            .Message.ShouldContain("2 times but 1 values");
    }

    [Fact]
    public void Compute_WhenInitialEquityIsNotPositive_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PerformanceStatistics.Compute([], [], [], 0m, 365d));
        Should.Throw<ArgumentOutOfRangeException>(() => PerformanceStatistics.Compute([], [], [], 1m, double.NaN));
    }

    [Fact]
    public void TradeSummary_DerivesNetPnlAndR_AndRejectsAnExitBeforeTheEntry()
    {
        var trade = FiveTrades[1];
        trade.NetPnl.ShouldBe(-5.1m); // −5 − 0.2 + 0.1
        trade.RMultiple.ShouldBe(-1.02m);
        FiveTrades[3].RMultiple.ShouldBeNull();

        Should.Throw<ArgumentOutOfRangeException>(
            () => Trade("X", "s", BtcSpot, PositionSide.Long, 10, 9, 1m, 1m, 1m, 0m, 0m, 0m, null))
            .Message.ShouldContain("exit time 9 is before entry time 10");
        Should.Throw<ArgumentOutOfRangeException>(
            () => Trade("X", "s", BtcSpot, PositionSide.Long, 0, 1, 1m, 1m, 1m, 0m, 0m, 0m, 0m));
    }

    private static TradeSummary Trade(
        string id, string strategy, Symbol symbol, PositionSide side, long entry, long exit, decimal entryPrice, decimal exitPrice,
        decimal quantity, decimal gross, decimal fees, decimal funding, decimal? risk) =>
        new(id, strategy, symbol, side, entry, exit, entryPrice, exitPrice, quantity, gross, fees, funding, risk, "test");

    /// <summary>The summary without its breakdown dictionaries (compared by reference in record equality).</summary>
    private static PerformanceSummary Comparable(PerformanceSummary summary) =>
        summary with { ByStrategy = EmptyBreakdown, BySymbol = EmptyBreakdown };

    private static readonly IReadOnlyDictionary<string, PerformanceSummary> EmptyBreakdown = new Dictionary<string, PerformanceSummary>();
}
