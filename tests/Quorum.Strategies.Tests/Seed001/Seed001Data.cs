using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Data.Readers;
using Quorum.Data.Resampling;
using Quorum.TestKit;

namespace Quorum.Strategies.Tests.Seed001;

/// <summary>Real data of ../shared/data for the seed-001 tests, and a feed that interleaves bars of several symbols with funding.</summary>
internal static class Seed001Data
{
    public static readonly Symbol BtcPerp = Symbol.Parse("BINANCE:BTCUSDT.P");
    public static readonly Symbol BtcSpot = Symbol.Parse("BINANCE:BTCUSDT");

    public static Bar[] PerpBars(string pair, string timeframe) =>
        BarFileReader.Read(SharedData.Require(Path.Combine("ohlcv", "binance-usdm-perp_2020-2024", $"{pair}_{timeframe}.csv"))).Bars;

    public static Bar[] SpotBars(string asset, string timeframe) =>
        BarFileReader.Read(SharedData.Require(Path.Combine("ohlcv", "binance-spot_2020-12_2021-07_freqtrade-json", $"{asset}_USDT-{timeframe}.json"))).Bars;

    public static FundingRate[] BtcFunding() =>
        FundingFileReader.Read(SharedData.Require(Path.Combine("funding", "BTC-USDT_binance_2020-01-01_2024-01-01_funding_history.csv")), BtcPerp);

    /// <summary>One stream of bars of a symbol and timeframe.</summary>
    public sealed record FeedStream(Symbol Symbol, Timeframe Timeframe, IReadOnlyList<Bar> Bars);

    /// <summary>Resamples <paramref name="bars"/> of <paramref name="from"/> to <paramref name="to"/> (closed bars only).</summary>
    public static Bar[] Resample(Symbol symbol, Timeframe from, IReadOnlyList<Bar> bars, Timeframe to)
    {
        if (from == to)
        {
            return [.. bars];
        }

        var series = Resampler.Resample(new BarSeries(symbol, from, [.. bars]), to);
        return [.. series.Span.ToArray().Where(b => b.IsClosed)];
    }

    /// <summary>
    /// Feeds bar streams and funding rates in engine order: bars at their close time (finer timeframe first, then the
    /// order of <paramref name="streams"/>), a funding rate after the bars closing at or before its time.
    /// </summary>
    public static List<Signal> Run(IStrategy strategy, IReadOnlyList<FeedStream> streams, IReadOnlyList<FundingRate>? funding = null, long untilMs = long.MaxValue)
    {
        var events = new List<(long Time, int Kind, long TimeframeMs, int Order, FeedStream? Stream, Bar Bar, FundingRate? Rate)>();
        for (var s = 0; s < streams.Count; s++)
        {
            var stream = streams[s];
            foreach (var bar in stream.Bars)
            {
                var close = stream.Timeframe.CloseTime(bar.OpenTimeMs);
                if (close <= untilMs)
                {
                    events.Add((close, 0, stream.Timeframe.Milliseconds, s, stream, bar, null));
                }
            }
        }

        foreach (var rate in funding ?? [])
        {
            if (rate.FundingTimeMs <= untilMs)
            {
                events.Add((rate.FundingTimeMs, 1, 0, 0, null, default, rate));
            }
        }

        var sink = new SignalList();
        foreach (var e in events.OrderBy(e => e.Time).ThenBy(e => e.Kind).ThenBy(e => e.TimeframeMs).ThenBy(e => e.Order))
        {
            if (e.Rate is { } rate)
            {
                ((IFundingAwareStrategy)strategy).OnFunding(rate.Symbol, rate, sink);
            }
            else
            {
                strategy.OnBar(e.Stream!.Symbol, e.Stream.Timeframe, e.Bar, sink);
            }
        }

        return sink.Signals;
    }
}
