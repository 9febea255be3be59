using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class AtrTests
{
    [Fact]
    public void AtrWilder_WithLeanFirstBar_MatchesSpyAtrWilderToItsPrintedDigits()
    {
        // LEAN (like TradingView) counts the first bar's high − low as a true range, so its ATR starts at bar 14.
        var table = ReferenceTable.Load("spy_atr_wilder.txt");

        var streamed = Feed.Run(new Atr(14, AtrSmoothing.Wilder, TrueRangeStart.FirstBar), table.Bars())[0];

        IndicatorContract.MatchesPrinted(table, "Average True Range 14", streamed, "atr_14 (first bar) vs spy_atr_wilder.txt");
        double.IsNaN(streamed[12]).ShouldBeTrue();
        double.IsNaN(streamed[13]).ShouldBeFalse();
    }

    [Fact]
    public void AtrWilder_TaLibDefault_DiffersFromSpyAtrWilderOnlyBySeedWhichDecays()
    {
        // Convention: the default starts true ranges at the second bar (TA-Lib; spy_natr.txt proves it to
        // 1e-15). LEAN's file seeds with one different true range; Wilder smoothing shrinks that seed
        // difference by 13/14 a bar, so from bar 200 on ((13/14)^186 < 1e-5) the file matches to its digits.
        var table = ReferenceTable.Load("spy_atr_wilder.txt");
        var bars = table.Bars();

        var taLib = Feed.Run(new Atr(14), bars)[0];
        var lean = Feed.Run(new Atr(14, AtrSmoothing.Wilder, TrueRangeStart.FirstBar), bars)[0];

        double.IsNaN(taLib[13]).ShouldBeTrue("TA-Lib's ATR 14 starts at bar 15");
        Math.Abs(taLib[14] - lean[14]).ShouldBeGreaterThan(0.01, "the seeds differ");
        IndicatorContract.MatchesPrinted(table, "Average True Range 14", taLib, "atr_14 vs spy_atr_wilder.txt after the seed decayed", from: 200);
    }

    [Fact]
    public void AtrWilder_EqualsTextbookRecursion()
    {
        var bars = IndicatorContract.SpyBars();
        var ranges = Enumerable.Range(1, bars.Length - 1)
            .Select(i => Math.Max(bars.High[i] - bars.Low[i], Math.Max(Math.Abs(bars.High[i] - bars.Close[i - 1]), Math.Abs(bars.Low[i] - bars.Close[i - 1]))))
            .ToArray();
        var expected = new double[bars.Length];
        Array.Fill(expected, double.NaN);
        var atr = ranges.Take(14).Average();
        expected[14] = atr;
        for (var i = 15; i < bars.Length; i++)
        {
            atr = ((atr * 13) + ranges[i - 1]) / 14;
            expected[i] = atr;
        }

        ReferenceAssert.Matches(expected, Feed.Run(new Atr(14), bars)[0], "atr_14 vs textbook Wilder recursion", tolerance: 1e-12);
    }

    [Fact]
    public void AtrSimple_MatchesSpyAtrToTheFilesPrecision()
    {
        // spy_atr.txt prints 6 decimals but was written by software whose running sum carries rounding:
        // its values differ from the exact mean of its own bars' true ranges by up to 4.7e-6. We compare
        // at 5e-6 relative and prove the exact simple mean against a naive recomputation below.
        var table = ReferenceTable.Load("spy_atr.txt");

        var streamed = Feed.Run(new Atr(14, AtrSmoothing.Simple), table.Bars())[0];

        ReferenceAssert.Matches(table.Column("Average True Range 14"), streamed, "atr_sma_14 vs spy_atr.txt", tolerance: 5e-6);
    }

    [Fact]
    public void AtrSimple_EqualsNaiveMeanOfTheLastTrueRanges()
    {
        var bars = IndicatorContract.SpyBars();
        var ranges = new double[bars.Length];
        TrueRange.Batch(bars.High, bars.Low, bars.Close, ranges);
        var expected = Enumerable.Range(0, bars.Length).Select(i => i < 14 ? double.NaN : ranges[(i - 13)..(i + 1)].Average()).ToArray();

        ReferenceAssert.Matches(expected, Feed.Run(new Atr(14, AtrSmoothing.Simple), bars)[0], "atr_sma_14 vs naive mean", tolerance: 1e-12);
    }

    [Fact]
    public void Names_FollowTheRegistry()
    {
        new Atr(14).Name.ShouldBe("atr_14");
        new Atr(14, AtrSmoothing.Simple).Name.ShouldBe("atr_sma_14");
        IndicatorRegistry.Create("atr:14").OutputNames.ShouldBe(["atr_14"]);
        IndicatorRegistry.Create("atr_sma:14").OutputNames.ShouldBe(["atr_sma_14"]);
    }

    [Theory]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.SecondBar, 1)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.SecondBar, 14)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.FirstBar, 1)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.FirstBar, 14)]
    [InlineData(AtrSmoothing.Simple, TrueRangeStart.SecondBar, 14)]
    [InlineData(AtrSmoothing.Simple, TrueRangeStart.FirstBar, 14)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(AtrSmoothing smoothing, TrueRangeStart start, int period)
    {
        var atr = new Atr(period, smoothing, start);

        atr.WarmUpPeriod.ShouldBe(start == TrueRangeStart.SecondBar ? period + 1 : period);
        IndicatorContract.WarmsUpExactly(atr, IndicatorContract.SpyBars());
    }

    [Theory]
    [InlineData(AtrSmoothing.Wilder)]
    [InlineData(AtrSmoothing.Simple)]
    public void Reset_ForgetsEverything(AtrSmoothing smoothing) =>
        IndicatorContract.ResetsToNew(() => new Atr(14, smoothing), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.SecondBar, 14)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.FirstBar, 14)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.SecondBar, 1)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.FirstBar, 1)]
    [InlineData(AtrSmoothing.Simple, TrueRangeStart.SecondBar, 14)]
    [InlineData(AtrSmoothing.Simple, TrueRangeStart.FirstBar, 7)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.SecondBar, 600)]
    public void Batch_EqualsStreaming(AtrSmoothing smoothing, TrueRangeStart start, int period)
    {
        var bars = IndicatorContract.SpyBars();
        var batch = new double[bars.Length];

        Atr.Batch(bars.High, bars.Low, bars.Close, batch, period, smoothing, start);

        IndicatorContract.Identical(Feed.Run(new Atr(period, smoothing, start), bars)[0], batch, "atr batch vs streaming");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample(double bad) =>
        IndicatorContract.RejectsNonFiniteBar(new Atr(3), bad);

    [Fact]
    public void Batch_NonFiniteInput_ThrowsNamingColumnAndSample()
    {
        var bars = IndicatorContract.SpyBars();

        var error = Should.Throw<ArgumentOutOfRangeException>(() =>
            Atr.Batch(bars.High, bars.Low, IndicatorContract.WithBad(bars.Close, 41, double.PositiveInfinity), new double[bars.Length], 14));

        error.Message.ShouldContain("atr_14: close #42 is ");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_PeriodBelowOne_Throws(int period)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Atr(period)).Message.ShouldContain($"period {period} is out of range (period ≥ 1)");
        Should.Throw<ArgumentOutOfRangeException>(() => Atr.Batch([1.0], [1.0], [1.0], new double[1], period));
    }

    [Theory]
    [InlineData(AtrSmoothing.Wilder)]
    [InlineData(AtrSmoothing.Simple)]
    public void NoLookAhead_OnSpyBars(AtrSmoothing smoothing) =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            Atr.Batch(bars.High, bars.Low, bars.Close, output, 14, smoothing);
            return [output];
        });

    [Fact]
    public void AtrSimple_AfterOneMillionUpdates_EqualsNaiveRecomputation()
    {
        var close = IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 3);
        var bars = IndicatorContract.BarsAround(close, seed: 4);
        var atr = new Atr(50, AtrSmoothing.Simple);

        Feed.Run(atr, bars);

        var n = bars.Length;
        var naive = Enumerable.Range(n - 50, 50).Select(i => TrueRange.Of(bars.High[i], bars.Low[i], bars.Close[i - 1])).Average();
        atr.Value.ShouldBe(naive, naive * 1e-12);
    }
}
