using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.TestKit;

namespace Quorum.Core.Tests.MarketData;

public sealed class BarSeriesTests
{
    [Fact]
    public void Slice_HalfOpenWindow_KeepsBarsOpenedFromTheStartUpToButNotIncludingTheEnd()
    {
        var series = Bars.Series(Timeframe.H1, 10);
        var from = Bars.Jan2021 + (2 * Timeframe.HourMs);
        var to = Bars.Jan2021 + (5 * Timeframe.HourMs);

        var slice = series.Slice(from, to);

        slice.Count.ShouldBe(3);
        slice.FirstOpenTimeMs.ShouldBe(from);
        slice.LastOpenTimeMs.ShouldBe(to - Timeframe.HourMs);
        slice.Symbol.ShouldBe(series.Symbol);
        slice.Timeframe.ShouldBe(Timeframe.H1);
    }

    [Fact]
    public void Slice_BoundsBetweenBarsOrOutsideTheSeries_RoundInwardsAndMayBeEmpty()
    {
        var series = Bars.Series(Timeframe.H1, 10);

        series.Slice(Bars.Jan2021 + 1, Bars.Jan2021 + Timeframe.HourMs + 1).Span.ToArray().ShouldBe([series[1]]);
        series.Slice(long.MinValue, long.MaxValue).Count.ShouldBe(10);
        series.Slice(Bars.Jan2021 + (5 * Timeframe.HourMs), Bars.Jan2021).IsEmpty.ShouldBeTrue();
        series.Slice(Bars.Jan2021 + (20 * Timeframe.HourMs), long.MaxValue).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void FirstAndLastOpenTime_OfAnEmptySeries_ThrowNamingTheSeries()
    {
        var empty = new BarSeries(Bars.BtcSpot, Timeframe.M5, []);

        Should.Throw<InvalidOperationException>(() => empty.FirstOpenTimeMs).Message.ShouldBe("BINANCE:BTCUSDT 5m (0 bars) is empty");
        Should.Throw<InvalidOperationException>(() => empty.LastOpenTimeMs);
    }

    [Fact]
    public void ToDoubles_SelectedColumn_ConvertsEveryBarInOrder()
    {
        var series = Bars.Series(Timeframe.M1, 4);

        var closes = series.ToDoubles(bar => bar.Close);

        closes.ShouldBe(series.Span.ToArray().Select(bar => (double)bar.Close).ToArray());
    }

    [Fact]
    public void Constructor_DefaultSymbolOrTimeframe_Throws()
    {
        Should.Throw<ArgumentException>(() => new BarSeries(default, Timeframe.H1, [])).Message.ShouldContain("symbol is required");
        Should.Throw<ArgumentException>(() => new BarSeries(Bars.BtcSpot, default, [])).Message.ShouldContain("timeframe is required");
        Should.Throw<ArgumentNullException>(() => new BarSeries(Bars.BtcSpot, Timeframe.H1, null!));
    }
}
