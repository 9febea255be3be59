using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Catalog;

/// <summary>The .qbars encoding itself: which columns use int64 mantissas, and that every value comes back exactly.</summary>
public sealed class QBarsCodecTests
{
    private const string Path = "test.qbars";

    [Fact]
    public void Encode_ZeroVolumesBesideAVolumeWithTwentyPlaces_KeepsInt64Mantissas()
    {
        // 0 must fit at any scale: it used to force the whole volume column to 16-byte decimals once the scale passed 18.
        Bar[] bars = [Bar(0, volume: 0m), Bar(1, volume: 0.00000000000000000001m), Bar(2, volume: 0m)];

        var (flags, decoded) = RoundTrip(bars);

        flags.ShouldNotContain("VolumeRaw");
        decoded.ShouldBe(bars);
    }

    [Fact]
    public void Encode_MantissaAtTheInt64Limit_StaysInt64AndOneMoreSwitchesTheColumnToRawDecimals()
    {
        var largest = new decimal(long.MaxValue) / 10_000m; // 922337203685477.5807 at scale 4
        var tooLarge = (new decimal(long.MaxValue) + 1m) / 10_000m;

        var (fits, fitsBars) = RoundTrip([Bar(0, high: largest), Bar(1)]);
        var (raw, rawBars) = RoundTrip([Bar(0, high: tooLarge), Bar(1)]);

        fits.ShouldNotContain("PricesRaw");
        fitsBars[0].High.ShouldBe(largest);
        raw.ShouldContain("PricesRaw");
        rawBars[0].High.ShouldBe(tooLarge);
    }

    [Fact]
    public void Encode_TwentyEightDecimalPlaces_RoundTripExactlyEitherWay()
    {
        var tiny = 0.0000000000000000000000000001m;
        var precise = 1.2345678901234567890123456789m; // 29 digits: needs the raw encoding at scale 28
        Bar[] tinyBars = [new(Hours(0), tiny, 3 * tiny, tiny, 2 * tiny, 0m), new(Hours(1), 2 * tiny, 2 * tiny, tiny, tiny, 1m)];

        var (smallFlags, smallBars) = RoundTrip(tinyBars);
        var (rawFlags, rawBars) = RoundTrip([Bar(0, high: precise), Bar(1)]);

        smallFlags.ShouldNotContain("PricesRaw");
        smallBars.ShouldBe(tinyBars);
        rawFlags.ShouldContain("PricesRaw");
        rawBars[0].High.ShouldBe(precise);
    }

    [Fact]
    public void Encode_NegativeValues_RoundTripExactly()
    {
        // The catalog refuses negative prices, but the codec encodes signs (and the most negative int64 mantissa) exactly.
        var mostNegative = -new decimal(long.MaxValue) / 100m;
        Bar[] bars = [new(Bars.Jan2021, -1.5m, mostNegative, -0.25m, 3m, -7m), Bar(1)];

        var (flags, decoded) = RoundTrip(bars);

        flags.ShouldNotContain("Raw");
        decoded.ShouldBe(bars);
    }

    [Fact]
    public void Encode_ValuesKeepTheirValueButTakeTheColumnsScale()
    {
        var (_, decoded) = RoundTrip([Bar(0, open: 42314.0m, high: 42603.25m), Bar(1)]);

        decoded[0].Open.ShouldBe(42314m);
        decoded[0].Open.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("42314.00");
    }

    [Fact]
    public void Decode_RangeSelectsHalfOpenIntervalOfAGappySeries()
    {
        Bar[] bars = [Bar(0), Bar(1), Bar(5), Bar(6), Bar(9)];
        var data = QBarsCodec.Encode(Bars.BtcSpot, Timeframe.H1, bars);

        QBarsCodec.Decode(data, Path, Hours(2), Hours(6)).Bars.ShouldBe([bars[2]]);
        QBarsCodec.Decode(data, Path, Hours(1), Hours(9) + 1).Bars.ShouldBe(bars[1..]);
        QBarsCodec.Decode(data, Path, Hours(7), Hours(9)).Bars.ShouldBeEmpty();
        QBarsCodec.Decode(data, Path, null, Hours(0)).Bars.ShouldBeEmpty();
    }

    private static long Hours(int count) => Bars.Jan2021 + (count * Timeframe.HourMs);

    private static Bar Bar(int hour, decimal open = 1m, decimal high = 2m, decimal low = 0.5m, decimal volume = 10m) =>
        new(Hours(hour), open, high, low, 1m, volume);

    private static (string Flags, Bar[] Bars) RoundTrip(Bar[] bars)
    {
        var data = QBarsCodec.Encode(Bars.BtcSpot, Timeframe.H1, bars);
        var (header, decoded) = QBarsCodec.Decode(data, Path, null, null);
        return (header.Flags.ToString(), decoded);
    }
}
