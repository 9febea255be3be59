using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class NatrTests
{
    [Fact]
    public void Natr5_MatchesTaLibReference_SpyNatr()
    {
        var table = ReferenceTable.Load("spy_natr.txt");

        var streamed = Feed.Run(new Natr(5), table.Bars())[0];

        ReferenceAssert.Matches(table.Column("NATR_5"), streamed, "natr_5 vs spy_natr.txt");
        double.IsNaN(streamed[4]).ShouldBeTrue("TA-Lib's NATR 5 starts at bar 6");
    }

    [Fact]
    public void IsReady_FlipsExactlyAtWarmUpPeriod() =>
        IndicatorContract.WarmsUpExactly(new Natr(14), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new Natr(14), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(TrueRangeStart.SecondBar)]
    [InlineData(TrueRangeStart.FirstBar)]
    public void Batch_EqualsStreaming(TrueRangeStart start)
    {
        var bars = IndicatorContract.SpyBars();
        var batch = new double[bars.Length];

        Natr.Batch(bars.High, bars.Low, bars.Close, batch, 14, start);

        IndicatorContract.Identical(Feed.Run(new Natr(14, start), bars)[0], batch, "natr batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample() =>
        IndicatorContract.RejectsNonFiniteBar(new Natr(3), double.NaN);

    [Fact]
    public void Batch_NonFiniteInput_ThrowsNamingIndicator()
    {
        var bars = IndicatorContract.SpyBars();

        Should.Throw<ArgumentOutOfRangeException>(() =>
            Natr.Batch(IndicatorContract.WithBad(bars.High, 0, double.NaN), bars.Low, bars.Close, new double[bars.Length], 14))
            .Message.ShouldContain("natr_14: high #1 is NaN");
    }

    [Fact]
    public void ZeroClose_AfterWarmUp_IsZeroNotNaN_LikeTaLib()
    {
        // TA-Lib's NATR writes 0 when |close| < 1e-14; a plain 100·ATR/close would give NaN (0/0) or ±∞
        // after the warm-up, breaking "NaN only during warm-up".
        var close = new double[] { 2, 1, 0, 0, 0, 0, 0 };
        var bars = new OhlcvColumns(Enumerable.Range(0, close.Length).Select(i => (long)i).ToArray(), close, close, close, close, new double[close.Length]);
        var batch = new double[close.Length];

        var streamed = Feed.Run(new Natr(3), bars)[0];
        Natr.Batch(bars.High, bars.Low, bars.Close, batch, 3);

        double.IsNaN(streamed[2]).ShouldBeTrue("warm-up");
        streamed[3..].ShouldAllBe(v => v == 0, "zero close after the warm-up");
        IndicatorContract.Identical(streamed, batch, "natr batch vs streaming on zero closes");
    }

    [Fact]
    public void Constructor_PeriodBelowOne_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Natr(0)).Message.ShouldContain("period 0 is out of range");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            Natr.Batch(bars.High, bars.Low, bars.Close, output, 14);
            return [output];
        });
}
