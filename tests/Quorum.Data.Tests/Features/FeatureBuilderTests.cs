using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Features;
using Quorum.Data.Readers;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Volatility;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Features;

public sealed class FeatureBuilderTests
{
    private static readonly Symbol BtcPerp = Symbol.Parse("BINANCE:BTCUSDT.P");

    private static readonly string[] SeedFeatures =
    [
        "atr_14", "adx_14", "hv_20", "ema_200", "ema_200_slope_20", "bb_20_2_width", "donchian_20_high", "donchian_20_low", "volume_z_20",
    ];

    [Fact]
    public void Build_RealPerpWithFunding_HasEverySeedFeatureAlignedOnBarTime()
    {
        var (bars, funding) = LoadPerpWithFunding(3_000);

        var frame = FeatureBuilder.Build(bars, new ExtraStreams(funding));

        frame.Time.ShouldBe(bars.Span.ToArray().Select(b => b.OpenTimeMs).ToArray());
        foreach (var name in SeedFeatures.Append("funding_rate").Append("funding_delta"))
        {
            frame.Contains(name).ShouldBeTrue(name);
            frame[name].Length.ShouldBe(bars.Count);
        }
    }

    [Fact]
    public void Build_NaNOnlyDuringWarmUp_ForEveryColumn()
    {
        var (bars, funding) = LoadPerpWithFunding(3_000);

        var frame = FeatureBuilder.Build(bars, new ExtraStreams(funding));

        foreach (var name in frame.Names)
        {
            var values = frame[name];
            var firstValue = Array.FindIndex(values, v => !double.IsNaN(v));
            firstValue.ShouldBeGreaterThanOrEqualTo(0, $"{name} never leaves warm-up");
            firstValue.ShouldBeLessThan(300, $"{name} warms up too late");
            values.Skip(firstValue).ShouldAllBe(v => double.IsFinite(v), $"{name} has a NaN after warm-up");
        }

        Array.FindIndex(frame["ema_200"], v => !double.IsNaN(v)).ShouldBe(199);
        Array.FindIndex(frame["ema_200_slope_20"], v => !double.IsNaN(v)).ShouldBe(199 + 19);
    }

    [Fact]
    public void Build_ValuesEqualTheStreamingIndicators()
    {
        var (bars, _) = LoadPerpWithFunding(1_500);
        var frame = FeatureBuilder.Build(bars);
        var atr = new Atr(14);
        var ema = new Ema(200);
        var slope = new LinearRegressionSlope(20, normalized: true);

        for (var i = 0; i < bars.Count; i++)
        {
            var point = OhlcvPoint.From(bars[i]);
            atr.Update(point);
            ema.Update(point.Close);
            if (ema.IsReady)
            {
                slope.Update(ema.Value);
            }

            frame["atr_14"][i].ShouldBe(atr.GetOutput(0), $"atr_14 at {i}");
            frame["ema_200"][i].ShouldBe(ema.Value, $"ema_200 at {i}");
            frame["ema_200_slope_20"][i].ShouldBe(slope.Value, $"slope at {i}");
        }
    }

    [Fact]
    public void Build_FundingInForceAtBarClose_IncludesTheEventInsideTheBar()
    {
        var (bars, funding) = LoadPerpWithFunding(40_000);
        var frame = FeatureBuilder.Build(bars, new ExtraStreams(funding));
        var at = Array.IndexOf(frame.Time, DateTimeOffset.Parse("2023-01-08T00:00:00Z").ToUnixTimeMilliseconds());
        at.ShouldBeGreaterThan(0);

        // fundingTime 1673136000015 (00:00:00.015 UTC) falls inside the 00:00 bar, which closes at 01:00.
        frame["funding_rate"][at].ShouldBe(5.657e-05, 1e-15);
        frame["funding_rate"][at - 1].ShouldNotBe(frame["funding_rate"][at]);
        frame["funding_delta"][at].ShouldBe(5.657e-05 - frame["funding_rate"][at - 1], 1e-15);
    }

    [Fact]
    public void Build_NoLookAhead_OnlyWhatIsKnownAtABarsCloseDecidesItsValues()
    {
        // Perp bars around the start of the spot file, so every column (funding and basis included) is exercised.
        var perp = BarFileReader.Read(SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv"), Timeframe.H1).Bars;
        var spot = BarFileReader.Read(SharedData.Require("ohlcv/binance-spot_2020-12_2021-07_freqtrade-json/BTC_USDT-1h.json"), Timeframe.H1).Bars;
        var funding = FundingFileReader.Read(SharedData.Require("funding/BTC-USDT_binance_2020-01-01_2024-01-01_funding_history.csv"), BtcPerp);
        var start = Array.FindIndex(perp, b => b.OpenTimeMs == spot[0].OpenTimeMs) - 300;
        var bars = perp[start..(start + 2_000)];
        var full = FeatureBuilder.Build(new BarSeries(BtcPerp, Timeframe.H1, bars), Extras(funding, spot, long.MaxValue));
        full.Names.ShouldContain("basis");
        full.Names.ShouldContain("funding_rate");

        Prop.ForAll(
            Gen.Choose(1, bars.Length).ToArbitrary(),
            length =>
            {
                // The extra streams are cut too, to what had happened by the last bar's close: a join that reads a later
                // funding event or a later spot bar then sees a different (or no) value and the comparison fails.
                var truncated = FeatureBuilder.Build(
                    new BarSeries(BtcPerp, Timeframe.H1, bars[..length]),
                    Extras(funding, spot, Timeframe.H1.CloseTime(bars[length - 1].OpenTimeMs)));
                foreach (var name in full.Names)
                {
                    for (var i = 0; i < length; i++)
                    {
                        if (!truncated[name][i].Equals(full[name][i]))
                        {
                            throw new InvalidOperationException($"{name}[{i}] is {truncated[name][i]} on {length} bars but {full[name][i]} on {bars.Length}");
                        }
                    }
                }
            }).QuickCheckThrowOnFailure();

        static ExtraStreams Extras(FundingRate[] funding, Bar[] spot, long knownBeforeMs) => new(
            [.. funding.Where(f => f.FundingTimeMs < knownBeforeMs)],
            new BarSeries(Symbol.Parse("BINANCE:BTCUSDT"), Timeframe.H1, [.. spot.Where(b => Timeframe.H1.CloseTime(b.OpenTimeMs) <= knownBeforeMs)]));
    }

    [Fact]
    public void Build_BasisReferenceOfAnotherTimeframe_IsRejected()
    {
        var perp = Bars.Series(Timeframe.H1, 50);
        var daily = Bars.Series(Timeframe.D1, 5);

        Should.Throw<ArgumentException>(() => FeatureBuilder.Build(perp, new ExtraStreams(BasisReference: daily)))
            .Message.ShouldContain("has timeframe 1d, the bars have 1h");
    }

    [Fact]
    public void Build_ColumnNames_DoNotDependOnTheCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // The app runs with invariant globalization, so a comma-decimal culture is built by hand.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;

            var frame = FeatureBuilder.Build(Bars.Series(Timeframe.H1, 50), options: FeatureOptions.Default with { BollingerMultiplier = 2.5 });

            frame.Contains("bb_20_2.5_width").ShouldBeTrue(string.Join(", ", frame.Names));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Build_Basis_UsesTheLatestSpotBarNotAfterThePerpBar()
    {
        var perp = BarFileReader.Read(SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv"), Timeframe.H1).Bars;
        var spot = BarFileReader.Read(SharedData.Require("ohlcv/binance-spot_2020-12_2021-07_freqtrade-json/BTC_USDT-1h.json"), Timeframe.H1).Bars;
        var start = Array.FindIndex(perp, b => b.OpenTimeMs == spot[0].OpenTimeMs);
        var window = new BarSeries(BtcPerp, Timeframe.H1, perp[(start - 5)..(start + 500)]);

        var frame = FeatureBuilder.Build(window, new ExtraStreams(BasisReference: new BarSeries(Symbol.Parse("BINANCE:BTCUSDT"), Timeframe.H1, spot)));

        frame["basis"][..5].ShouldAllBe(v => double.IsNaN(v));
        frame["basis"][5].ShouldBe(((double)perp[start].Close / (double)spot[0].Close) - 1.0);
        frame["basis_delta_1"][6].ShouldBe(frame["basis"][6] - frame["basis"][5]);
        frame["basis"][5..].ShouldAllBe(v => Math.Abs(v) < 0.05);
    }

    [Theory]
    [InlineData("EmaPeriod", 0)]
    [InlineData("HistoricalVolatilityPeriod", 1)]
    [InlineData("EmaSlopePeriod", 1)]
    public void Build_BadOption_ThrowsNamingIt(string option, int value)
    {
        var options = option switch
        {
            "EmaPeriod" => FeatureOptions.Default with { EmaPeriod = value },
            "HistoricalVolatilityPeriod" => FeatureOptions.Default with { HistoricalVolatilityPeriod = value },
            _ => FeatureOptions.Default with { EmaSlopePeriod = value },
        };

        Should.Throw<ArgumentOutOfRangeException>(() => FeatureBuilder.Build(Bars.Series(Timeframe.H1, 50), options: options)).Message.ShouldContain(option);
    }

    [Fact]
    public void Build_ShortSeries_IsAllWarmUp()
    {
        var frame = FeatureBuilder.Build(Bars.Series(Timeframe.H1, 30));

        frame["ema_200"].ShouldAllBe(v => double.IsNaN(v));
        frame["ema_200_slope_20"].ShouldAllBe(v => double.IsNaN(v));
        double.IsNaN(frame["atr_14"][29]).ShouldBeFalse();
    }

    private static (BarSeries Bars, FundingRate[] Funding) LoadPerpWithFunding(int count)
    {
        var all = BarFileReader.Read(SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv"), Timeframe.H1).Bars;
        var funding = FundingFileReader.Read(SharedData.Require("funding/BTC-USDT_binance_2020-01-01_2024-01-01_funding_history.csv"), BtcPerp);
        return (new BarSeries(BtcPerp, Timeframe.H1, all[..Math.Min(count, all.Length)]), funding);
    }
}
