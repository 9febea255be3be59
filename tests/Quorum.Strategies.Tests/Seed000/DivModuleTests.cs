using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators.Oscillators;
using static Quorum.Strategies.Tests.Seed000.Seed000Bars;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed000;

public sealed class DivModuleTests
{
    private const string Fast = "rsi_period=5";
    private const string Pivots = "pivot_bars=1";

    // A sharp fall to a low at bar 9 (low 8.9, RSI(5) ≈ 27.12), a rally, then a slow zig-zag decline whose lows fall
    // strictly (no pivot low in between) to a lower low at bar 23 (low 8.8, RSI(5) ≈ 32.30): a regular bullish
    // divergence, confirmed by bar 24 (pivot_bars = 1). Opens are the previous close, highs max(open, close) + 0.1.
    private static readonly decimal[] Closes =
        [10, 10.5m, 11, 11.5m, 12, 12.5m, 13, 12, 11, 9, 10, 11, 12, 11.2m, 11.6m, 10.8m, 11.2m, 10.4m, 10.8m, 10.0m, 10.4m, 9.6m, 10.0m, 9.2m, 9.5m, 10.5m, 11];

    private static readonly decimal[] Lows =
        [9.9m, 9.9m, 10.4m, 10.9m, 11.4m, 11.9m, 12.4m, 11.9m, 10.9m, 8.9m, 8.9m, 9.9m, 10.9m, 11.1m, 11.05m, 10.7m, 10.65m, 10.3m, 10.25m, 9.9m, 9.85m, 9.5m, 9.45m, 8.8m, 9.1m, 9.4m, 10.4m];

    private static Bar[] Setup() => Ohlc([.. Closes.Select((c, i) =>
    {
        var open = i == 0 ? c : Closes[i - 1];
        return (open, Math.Max(open, c) + 0.1m, Lows[i], c);
    })]);

    private static double[] Rsi5()
    {
        var rsi = new Rsi(5);
        return [.. Closes.Select(c =>
        {
            rsi.Update((double)c);
            return rsi.Value;
        })];
    }

    [Fact]
    public void OnBar_RegularBullishDivergence_EntersLongAtTheConfirmingBar()
    {
        var rsi = Rsi5();
        rsi[9].ShouldBeLessThan(rsi[23]); // the RSI makes a higher low while price makes a lower low

        var signals = Run15(Module("div", Fast, Pivots), Setup());

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Long);
        signal.CreatedAtMs.ShouldBe(CloseOf(24));
        signal.Metadata["module"].ShouldBe("DIV");
        signal.Metadata["divergence"].ShouldBe("RegularBullish");
        signal.Exits!.StopPrice.ShouldBe(8.8m);
        // depth = (50 − RSI₁) / 50, spread = min(1, (RSI₂ − RSI₁) / 10)
        signal.Confidence.ShouldBe((((50 - rsi[9]) / 50) + Math.Min(1, (rsi[23] - rsi[9]) / 10)) / 2, 1e-12);
    }

    [Fact]
    public void OnBar_RegularBearishDivergence_EntersShort()
    {
        var signals = Run15(Module("div", Fast, Pivots), Mirror(Setup(), 20m));

        var signal = signals.ShouldHaveSingleItem();
        signal.Side.ShouldBe(PositionSide.Short);
        signal.Metadata["divergence"].ShouldBe("RegularBearish");
        signal.Exits!.StopPrice.ShouldBe(31.2m); // 2·20 − 8.8: the mirrored second pivot high
    }

    [Fact]
    public void OnBar_OversoldEdge_TheLowerRsiLowMustBeAtOrBelowIt()
    {
        var lower = Rsi5()[9];
        string Oversold(double x) => "oversold=" + x.ToString("R", CultureInfo.InvariantCulture);

        Run15(Module("div", Fast, Pivots, Oversold(lower)), Setup()).Count.ShouldBe(1);
        Run15(Module("div", Fast, Pivots, Oversold(lower - 1e-9)), Setup()).ShouldBeEmpty();
    }

    [Fact]
    public void OnBar_PivotsFartherApartThanAllowed_AreNotCompared()
    {
        // The pivots are 14 bars apart.
        Run15(Module("div", Fast, Pivots, "max_pivot_distance=14"), Setup()).Count.ShouldBe(1);
        Run15(Module("div", Fast, Pivots, "max_pivot_distance=13"), Setup()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("8.89", 1)] // a lower low in price: regular bullish divergence
    [InlineData("8.9", 0)] // an equal low: no divergence (strict)
    [InlineData("8.95", 0)] // a higher low with a higher RSI low: no divergence at all
    public void OnBar_SecondLowEdge_PriceMustMakeAStrictlyLowerLow(string secondLow, int expected)
    {
        var bars = Setup();
        bars[23] = bars[23] with { Low = decimal.Parse(secondLow, CultureInfo.InvariantCulture) };

        Run15(Module("div", Fast, Pivots, "oversold=50"), bars).Count.ShouldBe(expected);
    }

    [Fact]
    public void OnBar_DuringRsiWarmUp_EmitsNothing()
    {
        // rsi_period = 14: the first pivot (bar 9) has no RSI value yet, so it cannot anchor a divergence.
        var strategy = Module("div", "rsi_period=14", Pivots);
        strategy.WarmUpBars.ShouldBe(22);

        Run15(strategy, Setup()).ShouldBeEmpty();
    }

    [Fact]
    public void LookAhead_OnRealData_SignalsOnTruncatedDataEqualTheFullRun()
    {
        var bars = RealBtc5m(12_000);

        var count = AssertNoLookAhead(() => Module("div", "trend_ema=50"), Btc, Timeframe.M5, bars, Cuts(bars.Length));

        count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Hidden_OnRealData_AddsHiddenDivergencesAsContinuationsWithoutLookAhead()
    {
        var bars = RealBtc5m(12_000);

        var regular = RunResampled(Module("div"), Btc, Timeframe.M5, bars);
        var withHidden = RunResampled(Module("div", "hidden=1"), Btc, Timeframe.M5, bars);
        var count = AssertNoLookAhead(() => Module("div", "hidden=1"), Btc, Timeframe.M5, bars, Cuts(bars.Length));

        regular.ShouldAllBe(s => ((string)s.Metadata["divergence"]).StartsWith("Regular", StringComparison.Ordinal));
        var hidden = withHidden.Where(s => ((string)s.Metadata["divergence"]).StartsWith("Hidden", StringComparison.Ordinal)).ToList();
        hidden.ShouldNotBeEmpty();
        hidden.ShouldAllBe(s => s.Side == ((string)s.Metadata["divergence"] == "HiddenBullish" ? PositionSide.Long : PositionSide.Short));
        hidden.ShouldAllBe(s => s.Confidence > 0 && s.Confidence <= 1);
        count.ShouldBe(withHidden.Count);
    }
}
