using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Resampling;
using Quorum.Data.Tests.Integrity;
using static Quorum.Data.Tests.Resampling.TestTimes;

namespace Quorum.Data.Tests.Resampling;

/// <summary>
/// Resampling Binance spot 1m bars (2021-04-20 20:40 → 2021-05-20 20:40) to 5m and 1h and
/// comparing with Binance's own 5m and 1h bars of the same period, as shipped in
/// ../shared/data. Only complete buckets are compared (all constituent 1m bars present).
/// </summary>
/// <remarks>
/// Open and close match everywhere, and so do high, low and volume (exactly: all files carry
/// the exchange's decimals, 2 for prices, 6 for BTC and 5 for ETH volume, so sums are exact)
/// except in the buckets named below, all on 2021-04-22 02:10–02:25 and 2021-04-23
/// 01:40–02:50 UTC. There Binance's 1m klines are missing trades that its 5m and 1h klines
/// contain: in every named bucket the 1m volume sum is lower than the file's volume (e.g.
/// BTC 2021-04-23 02:15: 87.714953 from 1m vs 843.67255 in 5m), the 5m/1h highs are higher and
/// lows lower, and successive 1m bars do not chain (01:55 closes 51057.32, 01:56 opens
/// 51150.0). Two independent downloads of the 5m bars (tooyipjee/freqtrade and
/// NostalgiaForInfinity) agree with each other in these buckets, so the difference is in
/// Binance's 1m data, not in the resampler. The test names each exception (time and field)
/// and fails if one disappears or a new one appears.
/// </remarks>
public sealed class ResamplerRealDataTests
{
    private static readonly Dictionary<(string Symbol, string Target), string[]> NamedExceptions = new()
    {
        [("BTC", "5m")] =
        [
            "2021-04-22 02:10 low", "2021-04-22 02:10 volume",
            "2021-04-22 02:15 volume",
            "2021-04-22 02:20 volume",
            "2021-04-23 01:40 volume",
            "2021-04-23 01:45 volume",
            "2021-04-23 01:50 volume",
            "2021-04-23 01:55 high", "2021-04-23 01:55 volume",
            "2021-04-23 02:00 high", "2021-04-23 02:00 low", "2021-04-23 02:00 volume",
            "2021-04-23 02:05 volume",
            "2021-04-23 02:10 volume",
            "2021-04-23 02:15 high", "2021-04-23 02:15 volume",
            "2021-04-23 02:20 high", "2021-04-23 02:20 volume",
            "2021-04-23 02:25 volume",
            "2021-04-23 02:35 volume",
            "2021-04-23 02:40 volume",
            "2021-04-23 02:45 volume",
        ],
        [("ETH", "5m")] =
        [
            "2021-04-22 02:10 volume",
            "2021-04-22 02:15 volume",
            "2021-04-22 02:20 low", "2021-04-22 02:20 volume",
            "2021-04-23 01:40 volume",
            "2021-04-23 01:45 high", "2021-04-23 01:45 volume",
            "2021-04-23 01:50 volume",
            "2021-04-23 01:55 high", "2021-04-23 01:55 volume",
            "2021-04-23 02:00 low", "2021-04-23 02:00 volume",
            "2021-04-23 02:05 volume",
            "2021-04-23 02:10 volume",
            "2021-04-23 02:15 high", "2021-04-23 02:15 volume",
            "2021-04-23 02:20 high", "2021-04-23 02:20 volume",
            "2021-04-23 02:25 volume",
            "2021-04-23 02:35 volume",
            "2021-04-23 02:40 volume",
            "2021-04-23 02:45 volume",
        ],
        [("BTC", "1h")] =
        [
            "2021-04-22 02:00 low", "2021-04-22 02:00 volume",
            "2021-04-23 01:00 volume",
            "2021-04-23 02:00 high", "2021-04-23 02:00 volume",
        ],
        [("ETH", "1h")] =
        [
            "2021-04-22 02:00 volume",
            "2021-04-23 01:00 volume",
            "2021-04-23 02:00 volume",
        ],
    };

    /// <param name="symbol">BTC or ETH.</param>
    /// <param name="target">5m or 1h.</param>
    /// <param name="referenceFile">Binance's own bars of the target timeframe.</param>
    /// <param name="expectedCompared">Complete buckets in the overlap (guards against comparing nothing).</param>
    [Theory]
    [InlineData("BTC", "5m", RealBarFiles.Spot1mFolder + "/BTC_USDT-5m.json", 8582)]
    [InlineData("ETH", "5m", RealBarFiles.Spot1mFolder + "/ETH_USDT-5m.json", 8582)]
    [InlineData("BTC", "5m", RealBarFiles.SpotFolder + "/BTC_USDT-5m.json", 8582)]
    [InlineData("ETH", "5m", RealBarFiles.SpotFolder + "/ETH_USDT-5m.json", 8582)]
    [InlineData("BTC", "1h", RealBarFiles.SpotFolder + "/BTC_USDT-1h.json", 714)]
    [InlineData("ETH", "1h", RealBarFiles.SpotFolder + "/ETH_USDT-1h.json", 714)]
    public void Resample_1mAgainstBinanceBars_MatchesEverywhereExceptTheNamedBuckets(
        string symbol, string target, string referenceFile, int expectedCompared)
    {
        var instrument = Symbol.Parse($"BINANCE:{symbol}USDT");
        var timeframe = Timeframe.Parse(target);
        var minutes = RealBarFiles.FreqtradeJson($"{RealBarFiles.Spot1mFolder}/{symbol}_USDT-1m.json", instrument, Timeframe.M1);
        var reference = RealBarFiles.FreqtradeJson(referenceFile, instrument, timeframe);

        var resampled = Resampler.ResampleWithDetails(minutes, timeframe);

        var byTime = new Dictionary<long, Bar>();
        foreach (var bar in reference.Span)
        {
            byTime.Add(bar.OpenTimeMs, bar);
        }

        var differences = new List<string>();
        var volumeLowerFrom1m = true;
        var compared = 0;
        for (var i = 0; i < resampled.Series.Count; i++)
        {
            var ours = resampled.Series[i];
            if (!resampled.IsComplete(i) || !byTime.TryGetValue(ours.OpenTimeMs, out var theirs))
            {
                continue;
            }

            compared++;
            ours.IsClosed.ShouldBeTrue();
            var time = Text(ours.OpenTimeMs);
            ours.Open.ShouldBe(theirs.Open, $"open of {symbol} {target} {time}");
            ours.Close.ShouldBe(theirs.Close, $"close of {symbol} {target} {time}");
            if (ours.High != theirs.High)
            {
                differences.Add($"{time} high");
                ours.High.ShouldBeLessThan(theirs.High);
            }

            if (ours.Low != theirs.Low)
            {
                differences.Add($"{time} low");
                ours.Low.ShouldBeGreaterThan(theirs.Low);
            }

            if (ours.Volume != theirs.Volume)
            {
                differences.Add($"{time} volume");
                volumeLowerFrom1m &= ours.Volume < theirs.Volume;
            }
        }

        compared.ShouldBe(expectedCompared);
        differences.ShouldBe(NamedExceptions[(symbol, target)], ignoreOrder: false, customMessage: $"{symbol} {target}: differences other than the named 2021-04-22/23 exceptions");
        volumeLowerFrom1m.ShouldBeTrue("in every named bucket Binance's 1m klines carry less volume (missing trades)");
    }

    [Fact]
    public void Resample_1mTo1h_LeadingBucketOfTheBtcFileIsPartialAndDroppable()
    {
        // The BTC 1m file starts at 2021-04-20 20:42, so its 20:00 hour has 18 of 60 minutes.
        var minutes = RealBarFiles.FreqtradeJson($"{RealBarFiles.Spot1mFolder}/BTC_USDT-1m.json", Symbol.Parse("BINANCE:BTCUSDT"), Timeframe.M1);

        var kept = Resampler.ResampleWithDetails(minutes, Timeframe.H1);
        var dropped = Resampler.Resample(minutes, Timeframe.H1, new ResampleOptions { DropIncompleteFirstBucket = true });

        Text(kept.Series[0].OpenTimeMs).ShouldBe("2021-04-20 20:00");
        kept.FirstBucketIsPartial.ShouldBeTrue();
        kept.ConstituentCounts[0].ShouldBe(18);
        Text(dropped[0].OpenTimeMs).ShouldBe("2021-04-20 21:00");
        dropped.Count.ShouldBe(kept.Series.Count - 1);
        kept.Series[^1].IsClosed.ShouldBeFalse("the file ends at 20:40, inside the 2021-05-20 20:00 hour");
    }
}
