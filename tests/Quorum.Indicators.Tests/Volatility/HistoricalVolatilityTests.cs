using Quorum.Core.Time;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class HistoricalVolatilityTests
{
    [Fact]
    public void Value_EqualsSampleDeviationOfLogReturnsAnnualized_NaiveRecomputation()
    {
        // No reference file has historical volatility; the documented definition is recomputed naively.
        var close = IndicatorContract.SpyBars().Close;

        var streamed = Feed.Run(new HistoricalVolatility(20, Timeframe.D1), close);

        for (var t = 0; t < close.Length; t++)
        {
            if (t < 20)
            {
                double.IsNaN(streamed[t]).ShouldBeTrue();
                continue;
            }

            var returns = Enumerable.Range(t - 19, 20).Select(i => Math.Log(close[i] / close[i - 1])).ToArray();
            var mean = returns.Average();
            var expected = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 19) * Math.Sqrt(365);
            streamed[t].ShouldBe(expected, expected * 1e-10, $"bar {t}");
        }
    }

    [Theory]
    [InlineData("1m", 525_600.0)]
    [InlineData("1h", 8_760.0)]
    [InlineData("4h", 2_190.0)]
    [InlineData("1d", 365.0)]
    [InlineData("1w", 365.0 / 7)]
    public void PeriodsPerYear_AreRoundTheClock365DayYears(string timeframe, double expected) =>
        HistoricalVolatility.PeriodsPerYear(Timeframe.Parse(timeframe)).ShouldBe(expected, 1e-9);

    [Fact]
    public void Registry_TakesTheTimeframe()
    {
        var hv = IndicatorRegistry.Create("hv:20:1h");

        hv.Name.ShouldBe("hv_20_1h");
        ((HistoricalVolatility)hv).BarsPerYear.ShouldBe(8_760);
        Should.Throw<FormatException>(() => IndicatorRegistry.Create("hv:20")).Message.ShouldContain("missing timeframe");
        Should.Throw<FormatException>(() => IndicatorRegistry.Create("hv:20:2d")).Message.ShouldContain("'2d' is not a timeframe");
    }

    [Fact]
    public void IsReady_FlipsExactlyAtWarmUpPeriod()
    {
        var hv = new HistoricalVolatility(20, Timeframe.H1);

        hv.WarmUpPeriod.ShouldBe(21);
        IndicatorContract.WarmsUpExactly(hv, IndicatorContract.SpyBars());
    }

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new HistoricalVolatility(20, Timeframe.H1), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    [InlineData(300)]
    public void Batch_EqualsStreaming(int period)
    {
        var close = IndicatorContract.SpyBars().Close;
        var batch = new double[close.Length];

        HistoricalVolatility.Batch(close, batch, period, Timeframe.H4);

        IndicatorContract.Identical(Feed.Run(new HistoricalVolatility(period, Timeframe.H4), close), batch, "hv batch vs streaming");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void Update_NonFiniteOrNonPositiveInput_ThrowsNamingIndicatorAndSample(double bad)
    {
        var hv = new HistoricalVolatility(20, Timeframe.H1);
        hv.Update(100);

        Should.Throw<ArgumentOutOfRangeException>(() => hv.Update(bad)).Message.ShouldContain("hv_20_1h: input #2");
        Should.Throw<ArgumentOutOfRangeException>(() => HistoricalVolatility.Batch([100.0, bad], new double[2], 20, Timeframe.H1))
            .Message.ShouldContain("hv_20: input #2");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Constructor_PeriodBelowTwo_Throws(int period) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new HistoricalVolatility(period, Timeframe.H1))
            .Message.ShouldContain($"period {period} is out of range (period ≥ 2)");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            HistoricalVolatility.Batch(bars.Close, output, 20, Timeframe.D1);
            return [output];
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        var close = IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 31);
        var hv = new HistoricalVolatility(30, Timeframe.M1);

        foreach (var x in close)
        {
            hv.Update(x);
        }

        var n = close.Length;
        var returns = Enumerable.Range(n - 30, 30).Select(i => Math.Log(close[i] / close[i - 1])).ToArray();
        var mean = returns.Average();
        var expected = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 29) * Math.Sqrt(525_600);
        hv.Value.ShouldBe(expected, expected * 1e-9);
    }
}
