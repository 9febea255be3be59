using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class BollingerBandsTests
{
    [Fact]
    public void Bands_MatchLeanReference_SpyBollingerBands()
    {
        var table = ReferenceTable.Load("spy_bollinger_bands.txt");

        var bb = Feed.Run(new BollingerBands(20, 2), table.Bars());

        IndicatorContract.MatchesPrinted(table, "Moving Average 20", bb[0], "bb_20_2_middle vs spy_bollinger_bands.txt");
        IndicatorContract.MatchesPrinted(table, "Bollinger Bands® 20 2 Top", bb[1], "bb_20_2_upper vs spy_bollinger_bands.txt");
        IndicatorContract.MatchesPrinted(table, "Bollinger Bands® 20 2 Bottom", bb[2], "bb_20_2_lower vs spy_bollinger_bands.txt");
    }

    [Fact]
    public void Bands_UsePopulationDeviation_TheSampleDeviationMissesTheFile()
    {
        // Convention check: with the sample deviation (÷ n − 1) the upper band would be wider by
        // σ·2·(√(20/19) − 1); the file is off from that by far more than its printed digits.
        var table = ReferenceTable.Load("spy_bollinger_bands.txt");
        var bb = Feed.Run(new BollingerBands(20, 2), table.Bars());
        var top = table.Column("Bollinger Bands® 20 2 Top");

        var worst = Enumerable.Range(19, table.RowCount - 19)
            .Max(i => Math.Abs(bb[0][i] + ((bb[1][i] - bb[0][i]) * Math.Sqrt(20.0 / 19)) - top[i]));

        worst.ShouldBeGreaterThan(0.1);
    }

    [Fact]
    public void WidthAndPercentB_MatchLeanReference_WithinTheRoundingOfTheFilesBands()
    {
        // The file derives BandWidth = 100·(top − bottom)/middle and %B = (close − bottom)/(top − bottom)
        // from its bands as printed (4 decimals), so its columns carry that rounding: each row's bound is
        // the printed half-unit plus the effect of the bands' half-units on the formula.
        var table = ReferenceTable.Load("spy_bollinger_bands.txt");
        var bars = table.Bars();
        var bb = Feed.Run(new BollingerBands(20, 2), bars);
        var middle = IndicatorContract.PrintedCells(table, "Moving Average 20");
        var top = IndicatorContract.PrintedCells(table, "Bollinger Bands® 20 2 Top");
        var bottom = IndicatorContract.PrintedCells(table, "Bollinger Bands® 20 2 Bottom");
        var width = IndicatorContract.PrintedCells(table, "BandWidth");
        var percentB = IndicatorContract.PrintedCells(table, "%B");

        var compared = 0;
        for (var i = 19; i < table.RowCount; i++)
        {
            var (m, dm) = middle[i];
            var (u, du) = top[i];
            var (l, dl) = bottom[i];
            var spread = u - l;
            var widthBound = width[i].HalfUnit + (100 * (du + dl) / m) + (100 * spread * dm / (m * m)) + 1e-9;
            Math.Abs(bb[3][i] - width[i].Value).ShouldBeLessThanOrEqualTo(widthBound, $"bb_20_2_width row {i}");
            var c = bars.Close[i];
            var percentBound = percentB[i].HalfUnit + (((dl * Math.Abs(u - c)) + (du * Math.Abs(c - l))) / (spread * spread)) + 1e-9;
            Math.Abs(bb[4][i] - percentB[i].Value).ShouldBeLessThanOrEqualTo(percentBound, $"bb_20_2_percent_b row {i}");
            compared++;
        }

        compared.ShouldBeGreaterThan(400);
    }

    [Fact]
    public void Bands_EqualNaiveTwoPassRecomputation()
    {
        var close = IndicatorContract.SpyBars().Close;
        var bb = new BollingerBands(20, 2.5);

        for (var i = 0; i < close.Length; i++)
        {
            bb.Update(close[i]);
            if (i < 19)
            {
                continue;
            }

            var window = close[(i - 19)..(i + 1)];
            var mean = window.Average();
            var sigma = Math.Sqrt(window.Sum(x => (x - mean) * (x - mean)) / 20);
            bb.Middle.ShouldBe(mean, 1e-12 * mean);
            bb.Upper.ShouldBe(mean + (2.5 * sigma), 1e-12 * mean);
            bb.Lower.ShouldBe(mean - (2.5 * sigma), 1e-12 * mean);
            bb.Width.ShouldBe(100 * 5 * sigma / mean, 1e-9);
            bb.PercentB.ShouldBe((close[i] - (mean - (2.5 * sigma))) / (5 * sigma), 1e-9);
        }
    }

    [Fact]
    public void ConstantInput_HasZeroWidthAndPercentBOneHalf()
    {
        var bb = new BollingerBands(5, 2);
        for (var i = 0; i < 8; i++)
        {
            bb.Update(42.5);
        }

        bb.Middle.ShouldBe(42.5);
        bb.Upper.ShouldBe(42.5);
        bb.Lower.ShouldBe(42.5);
        bb.Width.ShouldBe(0);
        bb.PercentB.ShouldBe(0.5);
    }

    [Fact]
    public void OutputNames_FollowTheIssue()
    {
        IndicatorRegistry.Create("bb:20:2").OutputNames
            .ShouldBe(["bb_20_2_middle", "bb_20_2_upper", "bb_20_2_lower", "bb_20_2_width", "bb_20_2_percent_b"]);
        IndicatorRegistry.Create("bb:20").Name.ShouldBe("bb_20_2");
        IndicatorRegistry.Create("bb:10:1.5").Name.ShouldBe("bb_10_1.5");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period) =>
        IndicatorContract.WarmsUpExactly(new BollingerBands(period, 2), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new BollingerBands(20, 2), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(20, 2.0)]
    [InlineData(1, 2.0)]
    [InlineData(7, 1.5)]
    [InlineData(333, 3.0)]
    public void Batch_EqualsStreaming(int period, double multiplier)
    {
        var bars = IndicatorContract.SpyBars();
        var n = bars.Length;
        double[][] batch = [new double[n], new double[n], new double[n], new double[n], new double[n]];

        BollingerBands.Batch(bars.Close, batch[0], batch[1], batch[2], batch[3], batch[4], period, multiplier);

        IndicatorContract.Identical(Feed.Run(new BollingerBands(period, multiplier), bars), batch, "bb batch vs streaming");
    }

    [Theory]
    [InlineData(20, 2.0)]
    [InlineData(3, 1.0)]
    public void Batch_BandsOnly_EqualsStreaming(int period, double multiplier)
    {
        var bars = IndicatorContract.SpyBars();
        var n = bars.Length;
        double[][] bands = [new double[n], new double[n], new double[n]];

        BollingerBands.Batch(bars.Close, bands[0], bands[1], bands[2], [], [], period, multiplier);

        IndicatorContract.Identical(Feed.Run(new BollingerBands(period, multiplier), bars)[..3], bands, "bb bands-only batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample()
    {
        IndicatorContract.RejectsNonFiniteBar(new BollingerBands(20, 2), double.NaN);
        var bb = new BollingerBands(20, 2);
        bb.Update(1.0);
        Should.Throw<ArgumentOutOfRangeException>(() => bb.Update(double.PositiveInfinity)).Message.ShouldContain("bb_20_2: input #2");
    }

    [Fact]
    public void Batch_NonFiniteInput_ThrowsBeforeWritingOutput()
    {
        var close = IndicatorContract.WithBad(IndicatorContract.SpyBars().Close, 30, double.NaN);
        var middle = new double[close.Length];

        Should.Throw<ArgumentOutOfRangeException>(() =>
            BollingerBands.Batch(close, middle, new double[close.Length], new double[close.Length], new double[close.Length], new double[close.Length]))
            .Message.ShouldContain("bb_20_2: input #31 is NaN");
        middle.ShouldAllBe(x => x == 0);
    }

    [Theory]
    [InlineData(0, 2.0, "period 0 is out of range")]
    [InlineData(20, 0.0, "multiplier 0 is out of range")]
    [InlineData(20, double.NaN, "multiplier NaN is out of range")]
    public void Constructor_BadParameters_Throw(int period, double multiplier, string message) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBands(period, multiplier)).Message.ShouldContain(message);

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var n = bars.Length;
            double[][] outputs = [new double[n], new double[n], new double[n], new double[n], new double[n]];
            BollingerBands.Batch(bars.Close, outputs[0], outputs[1], outputs[2], outputs[3], outputs[4]);
            return outputs;
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        // A price near 60 000 with a spread of a few units: the naive Σx² − (Σx)²/n form would keep
        // ~8 digits; a subtract-as-you-go running sum would drift over a million updates.
        var close = IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 11);
        var bb = new BollingerBands(20, 2);

        foreach (var x in close)
        {
            bb.Update(x);
        }

        var window = close[^20..];
        var mean = window.Average();
        var sigma = Math.Sqrt(window.Sum(x => (x - mean) * (x - mean)) / 20);
        bb.Middle.ShouldBe(mean, mean * 1e-14);
        (bb.Upper - bb.Middle).ShouldBe(2 * sigma, 2 * sigma * 1e-9);
    }
}
