using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;
using Quorum.Indicators.Volume;

namespace Quorum.Indicators.Tests.Volume;

public sealed class VwapTests
{
    [Fact]
    public void MovingVwap50_OfOhlcAverage_MatchesLeanReference_SpyWithVwap()
    {
        // Convention named: LEAN weights each bar's (open + high + low + close)/4; our default weights the
        // typical price (high + low + close)/3, so the file is matched with PriceSource.Average.
        var table = ReferenceTable.Load("spy_with_vwap.txt");

        var vwap = Feed.Run(new Vwap(50, PriceSource.Average), table.Bars())[0];

        IndicatorContract.MatchesPrinted(table, "Moving VWAP 50", vwap, "vwap_50_average vs spy_with_vwap.txt");
    }

    [Fact]
    public void TypicalPriceVwap_EqualsNaiveRecomputation()
    {
        var bars = IndicatorContract.SpyBars();

        var vwap = Feed.Run(new Vwap(50), bars)[0];

        for (var t = 49; t < bars.Length; t++)
        {
            var weighted = 0.0;
            var volume = 0.0;
            for (var i = t - 49; i <= t; i++)
            {
                weighted += (bars.High[i] + bars.Low[i] + bars.Close[i]) / 3.0 * bars.Volume[i];
                volume += bars.Volume[i];
            }

            vwap[t].ShouldBe(weighted / volume, 1e-12 * vwap[t], $"bar {t}");
        }
    }

    [Fact]
    public void ZeroVolumeWindow_IsThePlainMeanOfPrices_EvenAfterHugeVolumes()
    {
        var vwap = new Vwap(3, PriceSource.Close);
        vwap.Update(new OhlcvPoint(0, 1, 1, 1, 1, 1e12));
        vwap.Update(new OhlcvPoint(1, 1, 1, 1, 1, 3.3e11));
        foreach (var close in new[] { 10.0, 20.0, 30.0 })
        {
            vwap.Update(new OhlcvPoint(2, close, close, close, close, 0));
        }

        vwap.Value.ShouldBe(20);
    }

    [Fact]
    public void Names_FollowTheRegistry()
    {
        IndicatorRegistry.Create("vwap:50").Name.ShouldBe("vwap_50");
        IndicatorRegistry.Create("vwap:50:average").Name.ShouldBe("vwap_50_average");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period) =>
        IndicatorContract.WarmsUpExactly(new Vwap(period), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new Vwap(50), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(1, PriceSource.Typical)]
    [InlineData(50, PriceSource.Typical)]
    [InlineData(20, PriceSource.Average)]
    public void Batch_EqualsStreaming(int period, PriceSource source)
    {
        var bars = IndicatorContract.SpyBars();
        var batch = new double[bars.Length];

        Vwap.Batch(bars, batch, period, source);

        IndicatorContract.Identical(Feed.Run(new Vwap(period, source), bars)[0], batch, "vwap batch vs streaming");
    }

    [Fact]
    public void Update_BadInput_ThrowsNamingIndicatorAndSample()
    {
        IndicatorContract.RejectsNonFiniteBar(new Vwap(5), double.NaN);
        var vwap = new Vwap(5);
        vwap.Update(IndicatorContract.Bar());
        Should.Throw<ArgumentOutOfRangeException>(() => vwap.Update(new OhlcvPoint(1, 1, 1, 1, 1, -3))).Message.ShouldContain("vwap_5: volume #2 is -3");
        Should.Throw<ArgumentOutOfRangeException>(() => Vwap.Batch([1.0, double.NaN], [1.0, 1], new double[2], 5)).Message.ShouldContain("vwap_5: price #2 is NaN");
    }

    [Fact]
    public void Constructor_PeriodBelowOne_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Vwap(0)).Message.ShouldContain("vwap: period 0 is out of range");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            Vwap.Batch(bars, output, 50);
            return [output];
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        var bars = IndicatorContract.BarsAround(IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 91), seed: 92);
        var vwap = new Vwap(50);

        Feed.Run(vwap, bars);

        double weighted = 0, volume = 0;
        for (var i = bars.Length - 50; i < bars.Length; i++)
        {
            weighted += (bars.High[i] + bars.Low[i] + bars.Close[i]) / 3.0 * bars.Volume[i];
            volume += bars.Volume[i];
        }

        vwap.Value.ShouldBe(weighted / volume, vwap.Value * 1e-13);
    }
}
