using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class TrueRangeTests
{
    [Fact]
    public void TrueRange_MatchesLeanReference_SpyTr()
    {
        var table = ReferenceTable.Load("spy_tr.txt");

        var streamed = Feed.Run(new TrueRange(), table.Bars())[0];

        ReferenceAssert.Matches(table.Column("TR"), streamed, "tr vs spy_tr.txt");
        double.IsNaN(streamed[0]).ShouldBeTrue("the first bar has no previous close");
    }

    [Fact]
    public void FirstBarStart_TakesTheFirstBarsHighMinusLow()
    {
        var indicator = new TrueRange(TrueRangeStart.FirstBar);

        indicator.Update(new OhlcvPoint(0, 10, 12, 9, 11, 1));

        indicator.IsReady.ShouldBeTrue();
        indicator.Value.ShouldBe(3);
    }

    [Fact]
    public void Of_TakesTheLargestOfRangeAndGapsToThePreviousClose()
    {
        TrueRange.Of(high: 12, low: 10, previousClose: 11).ShouldBe(2);  // inside: the bar's range
        TrueRange.Of(high: 12, low: 10, previousClose: 7).ShouldBe(5);   // gap up: high − previous close
        TrueRange.Of(high: 12, low: 10, previousClose: 16).ShouldBe(6);  // gap down: previous close − low
    }

    [Theory]
    [InlineData(TrueRangeStart.SecondBar)]
    [InlineData(TrueRangeStart.FirstBar)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(TrueRangeStart start) =>
        IndicatorContract.WarmsUpExactly(new TrueRange(start), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new TrueRange(), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(TrueRangeStart.SecondBar)]
    [InlineData(TrueRangeStart.FirstBar)]
    public void Batch_EqualsStreaming(TrueRangeStart start)
    {
        var bars = IndicatorContract.SpyBars();
        var batch = new double[bars.Length];

        TrueRange.Batch(bars.High, bars.Low, bars.Close, batch, start);

        IndicatorContract.Identical(Feed.Run(new TrueRange(start), bars)[0], batch, "tr batch vs streaming");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample(double bad) =>
        IndicatorContract.RejectsNonFiniteBar(new TrueRange(), bad);

    [Fact]
    public void Batch_NonFiniteInput_ThrowsNamingColumnAndSample()
    {
        var bars = IndicatorContract.SpyBars();

        var error = Should.Throw<ArgumentOutOfRangeException>(() =>
            TrueRange.Batch(bars.High, IndicatorContract.WithBad(bars.Low, 7, double.NaN), bars.Close, new double[bars.Length]));

        error.Message.ShouldContain("tr: low #8 is NaN");
    }

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            TrueRange.Batch(bars.High, bars.Low, bars.Close, output);
            return [output];
        });
}
