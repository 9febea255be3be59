using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class KeltnerChannelTests
{
    [Fact]
    public void Keltner20_WithLeanFirstBar_MatchesSpyWithKeltnerToItsPrintedDigits()
    {
        // LEAN's Keltner(20, 1.5): SMA of typical price ± 1.5 · simple ATR 20, the first bar's high − low
        // counted as a true range, so its first value is at bar 20.
        var table = ReferenceTable.Load("spy_with_keltner.csv");

        var keltner = Feed.Run(new KeltnerChannel(20, 1.5, TrueRangeStart.FirstBar), table.Bars());

        IndicatorContract.MatchesPrinted(table, "Middle Band", keltner[0], "keltner_20_1.5_middle vs spy_with_keltner.csv");
        IndicatorContract.MatchesPrinted(table, "Keltner Channels 20 Top", keltner[1], "keltner_20_1.5_upper vs spy_with_keltner.csv");
        IndicatorContract.MatchesPrinted(table, "Keltner Channels 20 Bottom", keltner[2], "keltner_20_1.5_lower vs spy_with_keltner.csv");
    }

    [Fact]
    public void Keltner20_TaLibTrueRangeStart_MatchesFromBar21()
    {
        // Default convention: true ranges from the second bar, so the first value is at bar 21; from there
        // the windows hold the same bars and the file matches.
        var table = ReferenceTable.Load("spy_with_keltner.csv");

        var keltner = Feed.Run(new KeltnerChannel(20, 1.5), table.Bars());

        double.IsNaN(keltner[0][19]).ShouldBeTrue();
        IndicatorContract.MatchesPrinted(table, "Keltner Channels 20 Top", keltner[1], "keltner_20_1.5_upper vs spy_with_keltner.csv", from: 20);
        IndicatorContract.MatchesPrinted(table, "Keltner Channels 20 Bottom", keltner[2], "keltner_20_1.5_lower vs spy_with_keltner.csv", from: 20);
    }

    [Fact]
    public void OutputNames_FollowTheRegistry()
    {
        IndicatorRegistry.Create("keltner:20").OutputNames.ShouldBe(["keltner_20_2_middle", "keltner_20_2_upper", "keltner_20_2_lower"]);
        IndicatorRegistry.Create("keltner:20:1.5").Name.ShouldBe("keltner_20_1.5");
    }

    [Theory]
    [InlineData(1, TrueRangeStart.SecondBar)]
    [InlineData(20, TrueRangeStart.SecondBar)]
    [InlineData(20, TrueRangeStart.FirstBar)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period, TrueRangeStart start) =>
        IndicatorContract.WarmsUpExactly(new KeltnerChannel(period, 2, start), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new KeltnerChannel(20, 2), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(20, TrueRangeStart.SecondBar)]
    [InlineData(20, TrueRangeStart.FirstBar)]
    [InlineData(1, TrueRangeStart.SecondBar)]
    public void Batch_EqualsStreaming(int period, TrueRangeStart start)
    {
        var bars = IndicatorContract.SpyBars();
        var n = bars.Length;
        double[][] batch = [new double[n], new double[n], new double[n]];

        KeltnerChannel.Batch(bars.High, bars.Low, bars.Close, batch[0], batch[1], batch[2], period, 2, start);

        IndicatorContract.Identical(Feed.Run(new KeltnerChannel(period, 2, start), bars), batch, "keltner batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample() =>
        IndicatorContract.RejectsNonFiniteBar(new KeltnerChannel(20, 2), double.NaN);

    [Fact]
    public void Batch_NonFiniteInput_ThrowsNamingColumnAndSample()
    {
        var bars = IndicatorContract.SpyBars();
        var n = bars.Length;

        Should.Throw<ArgumentOutOfRangeException>(() =>
            KeltnerChannel.Batch(bars.High, IndicatorContract.WithBad(bars.Low, 2, double.NaN), bars.Close, new double[n], new double[n], new double[n]))
            .Message.ShouldContain("keltner_20_2: low #3 is NaN");
    }

    [Theory]
    [InlineData(0, 2.0)]
    [InlineData(20, -1.0)]
    public void Constructor_BadParameters_Throw(int period, double multiplier) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new KeltnerChannel(period, multiplier));

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var n = bars.Length;
            double[][] outputs = [new double[n], new double[n], new double[n]];
            KeltnerChannel.Batch(bars.High, bars.Low, bars.Close, outputs[0], outputs[1], outputs[2]);
            return outputs;
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        var bars = IndicatorContract.BarsAround(IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 21), seed: 22);
        var keltner = new KeltnerChannel(20, 2);

        Feed.Run(keltner, bars);

        var n = bars.Length;
        var middle = Enumerable.Range(n - 20, 20).Select(i => (bars.High[i] + bars.Low[i] + bars.Close[i]) / 3.0).Average();
        var atr = Enumerable.Range(n - 20, 20).Select(i => TrueRange.Of(bars.High[i], bars.Low[i], bars.Close[i - 1])).Average();
        keltner.Middle.ShouldBe(middle, middle * 1e-14);
        (keltner.Upper - keltner.Middle).ShouldBe(2 * atr, atr * 1e-9);
    }
}
