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
