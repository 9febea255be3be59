using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.TestKit;

namespace Quorum.Core.Tests.MarketData;

public sealed class BarTests
{
    [Theory]
    [InlineData(100, 101, 99, 100.5, 1, true)]
    [InlineData(100, 100, 100, 100, 0, true)] // a flat bar with no trades is sane
    [InlineData(100, 99, 98, 98.5, 1, false)] // open above high
    [InlineData(100, 101, 100.5, 100.7, 1, false)] // open below low
    [InlineData(100, 101, 99, 101.5, 1, false)] // close above high
    [InlineData(100, 101, 99, 98, 1, false)] // close below low
    [InlineData(100, 101, 0, 100, 1, false)] // zero low
    [InlineData(100, 101, 99, 100, -1, false)] // negative volume
    public void IsSane_ChecksOhlcOrderingPositivePricesAndNonNegativeVolume(double open, double high, double low, double close, double volume, bool sane)
    {
        var bar = new Bar(Bars.Jan2021, (decimal)open, (decimal)high, (decimal)low, (decimal)close, (decimal)volume);

        bar.IsSane.ShouldBe(sane);
    }

    [Fact]
    public void Bar_ToString_ShowsOpenTimeValuesAndAFormingBar()
    {
        var bar = new Bar(Bars.Jan2021, 1m, 2m, 0.5m, 1.5m, 10m, IsClosed: false);

        bar.ToString().ShouldBe("2021-01-01 00:00 O=1 H=2 L=0.5 C=1.5 V=10 (open)");
        bar.OpenTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(Bars.Jan2021));
    }

    [Fact]
    public void FundingRate_Time_IsTheUtcFundingTime()
    {
        var rate = new FundingRate(Symbol.Parse("BINANCE:BTCUSDT.P"), Bars.Jan2021 + (8 * Timeframe.HourMs), 0.0001m);

        rate.FundingTime.ShouldBe(DateTimeOffset.Parse("2021-01-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }
}
