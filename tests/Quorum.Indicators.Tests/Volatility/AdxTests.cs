using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class AdxTests
{
    [Fact]
    public void Adx14_MatchesWildersWorksheet_SpyWithAdx()
    {
        // The file is StockCharts' worksheet of Wilder's method, printed to 2–4 decimals. The worksheet shows
        // ±DI from bar 15 and ADX from bar 28; ours are all NaN until ADXR exists (bar 41, row 40).
        var table = ReferenceTable.Load("spy_with_adx.txt");
        var indicator = new Adx(14);

        var adx = Feed.Run(indicator, table.Bars());
        var from = indicator.WarmUpPeriod - 1;

        IndicatorContract.MatchesPrinted(table, "ADX 14", adx[0], "adx_14 vs spy_with_adx.txt", from);
        IndicatorContract.MatchesPrinted(table, "+DI14", adx[1], "adx_14_plus_di vs spy_with_adx.txt", from);
        IndicatorContract.MatchesPrinted(table, "-DI14", adx[2], "adx_14_minus_di vs spy_with_adx.txt", from);
        IndicatorContract.MatchesPrinted(table, "ADXR 14", adx[3], "adx_14_adxr vs spy_with_adx.txt", from);
    }

    [Fact]
    public void Adx14_StepByStep_DxAndTrueRangeColumnsMatch()
    {
        // DX is not an output, but it follows from ±DI: the worksheet's DX column (2 decimals) checks the
        // step between DI and ADX; its TR column (2 decimals) checks the true ranges the sums start from.
        var table = ReferenceTable.Load("spy_with_adx.txt");
        var bars = table.Bars();
        var adx = Feed.Run(new Adx(14), bars);
        var dx = adx[1].Zip(adx[2], (p, m) => 100 * Math.Abs(p - m) / (p + m)).ToArray();
        var ranges = Feed.Run(new TrueRange(), bars)[0];

        IndicatorContract.MatchesPrinted(table, "DX", dx, "DX from adx_14's ±DI vs spy_with_adx.txt", from: 40);
        IndicatorContract.MatchesPrinted(table, "TR", ranges, "tr vs spy_with_adx.txt");
    }

    [Fact]
    public void OutputNames_FollowTheIssue() =>
        IndicatorRegistry.Create("adx:14").OutputNames.ShouldBe(["adx_14", "adx_14_plus_di", "adx_14_minus_di", "adx_14_adxr"]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(14)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period)
    {
        var adx = new Adx(period);

        adx.WarmUpPeriod.ShouldBe((3 * period) - 1);
        IndicatorContract.WarmsUpExactly(adx, IndicatorContract.SpyBars());
    }

    [Fact]
    public void Rating_IsTheMeanOfAdxAndAdxPeriodMinusOneBarsEarlier()
    {
        var bars = IndicatorContract.SpyBars();
        var adx = Feed.Run(new Adx(14), bars);

        for (var i = 60; i < bars.Length; i++)
        {
            adx[3][i].ShouldBe((adx[0][i] + adx[0][i - 13]) / 2, 1e-12);
        }
    }

    [Fact]
    public void FlatMarket_HasZeroDirectionalIndicatorsAndAdx()
    {
        var adx = new Adx(3);
        for (var i = 0; i < 10; i++)
        {
            adx.Update(new OhlcvPoint(i, 5, 5, 5, 5, 1));
        }

        adx.IsReady.ShouldBeTrue();
        adx.Value.ShouldBe(0);
        adx.PlusDirectionalIndicator.ShouldBe(0);
        adx.MinusDirectionalIndicator.ShouldBe(0);
        adx.Rating.ShouldBe(0);
    }

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new Adx(14), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(200)]
    public void Batch_EqualsStreaming(int period)
    {
        var bars = IndicatorContract.SpyBars();
        double[][] batch = [new double[bars.Length], new double[bars.Length], new double[bars.Length], new double[bars.Length]];

        Adx.Batch(bars.High, bars.Low, bars.Close, batch[0], batch[1], batch[2], batch[3], period);

        IndicatorContract.Identical(Feed.Run(new Adx(period), bars), batch, "adx batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample() =>
        IndicatorContract.RejectsNonFiniteBar(new Adx(14), double.NaN);

    [Fact]
    public void Batch_NonFiniteInput_ThrowsNamingColumnAndSample()
    {
        var bars = IndicatorContract.SpyBars();
        var n = bars.Length;

        Should.Throw<ArgumentOutOfRangeException>(() =>
            Adx.Batch(bars.High, bars.Low, IndicatorContract.WithBad(bars.Close, 99, double.NaN), new double[n], new double[n], new double[n], new double[n]))
            .Message.ShouldContain("adx_14: close #100 is NaN");
    }

    [Fact]
    public void Constructor_PeriodBelowOne_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Adx(0)).Message.ShouldContain("adx: period 0 is out of range (period ≥ 1)");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            double[][] outputs = [new double[bars.Length], new double[bars.Length], new double[bars.Length], new double[bars.Length]];
            Adx.Batch(bars.High, bars.Low, bars.Close, outputs[0], outputs[1], outputs[2], outputs[3]);
            return outputs;
        });
}
