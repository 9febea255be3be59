using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Buffers;
using Quorum.TestKit;
using static Quorum.Data.Tests.Resampling.TestTimes;

namespace Quorum.Data.Tests.Buffers;

public sealed class MarketDataBufferTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");
    private static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT");
    private static readonly Symbol Sol = Symbol.Parse("BINANCE:SOLUSDT");

    private static MarketDataBuffer Subscribed(MarketDataBufferOptions? options = null)
    {
        var buffer = new MarketDataBuffer(options);
        buffer.Subscribe([Btc, Eth], [Timeframe.M1, Timeframe.H1]).ShouldBeEmpty();
        return buffer;
    }

    [Fact]
    public void Options_Defaults_Are2000BarsAnd64Symbols()
    {
        var options = new MarketDataBuffer().Options;

        options.Capacity.ShouldBe(2000);
        options.MaxSymbols.ShouldBe(64);
    }

    [Fact]
    public void Options_CapacityBelow2000_IsRejectedQuotingTheSeedRule()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketDataBuffer(new MarketDataBufferOptions { Capacity = 1999 }))
            .Message.ShouldContain("MarketDataBufferOptions.Capacity = 1999 is out of range (≥ 2000 bars per symbol × timeframe, seed 001)");
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketDataBuffer(new MarketDataBufferOptions { MaxSymbols = 0 }))
            .Message.ShouldContain("MarketDataBufferOptions.MaxSymbols = 0 is out of range (≥ 1)");
    }

    [Fact]
    public void Latest_ReturnsTheNewestBarsOldestFirst_OneByDefault()
    {
        var buffer = Subscribed();
        var bars = Bars.Sequence(Timeframe.M1, 5);
        foreach (var bar in bars)
        {
            buffer.Append(Btc, Timeframe.M1, bar);
        }

        buffer.Latest(Btc, Timeframe.M1).ShouldBe([bars[4]]);
        buffer.Latest(Btc, Timeframe.M1, 3).ShouldBe(bars[2..]);
        buffer.Latest(Btc, Timeframe.M1, 100).ShouldBe(bars);
        buffer.Latest(Eth, Timeframe.M1, 10).ShouldBeEmpty();
    }

    [Fact]
    public void Latest_KeepsCapacityBars()
    {
        var buffer = Subscribed();
        var bars = Bars.Sequence(Timeframe.M1, 2500);
        foreach (var bar in bars)
        {
            buffer.Append(Btc, Timeframe.M1, bar);
        }

        buffer.Latest(Btc, Timeframe.M1, 3000).ShouldBe(bars[500..]);
    }

    [Fact]
    public void Latest_LeavesOutAFormingBarUnlessAskedFor()
    {
        var buffer = Subscribed();
        buffer.Append(Btc, Timeframe.H1, Flat("2021-01-01 00:00"));
        buffer.Append(Btc, Timeframe.H1, Flat("2021-01-01 01:00", 105m, isClosed: false));

        buffer.Latest(Btc, Timeframe.H1, 2).ShouldBe([Flat("2021-01-01 00:00")]);
        buffer.Latest(Btc, Timeframe.H1, 2, includeForming: true).ShouldBe([Flat("2021-01-01 00:00"), Flat("2021-01-01 01:00", 105m, isClosed: false)]);
    }

    [Fact]
    public void Latest_WithNBelowOne_IsRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Subscribed().Latest(Btc, Timeframe.M1, 0))
            .Message.ShouldContain("latest: n = 0 is out of range (≥ 1)");
    }

    [Fact]
    public void Append_ToAnUnknownSymbolOrTimeframe_ThrowsNamingThePair()
    {
        var buffer = Subscribed();

        Should.Throw<InvalidOperationException>(() => buffer.Append(Sol, Timeframe.M1, Flat("2021-01-01 00:00")))
            .Message.ShouldBe("BINANCE:SOLUSDT 1m is not subscribed; call Subscribe first (2 symbols subscribed)");
        Should.Throw<InvalidOperationException>(() => buffer.Append(Btc, Timeframe.M5, Flat("2021-01-01 00:00")))
            .Message.ShouldBe("BINANCE:BTCUSDT 5m is not subscribed (BINANCE:BTCUSDT is subscribed to 1m, 1h)");
        Should.Throw<InvalidOperationException>(() => buffer.Latest(Sol, Timeframe.M1));
    }

    [Fact]
    public void Append_AnOffGridBar_IsRejected()
    {
        Should.Throw<ArgumentException>(() => Subscribed().Append(Btc, Timeframe.H1, Flat("2021-01-01 00:30")))
            .Message.ShouldContain("BINANCE:BTCUSDT 1h: bar at 2021-01-01 00:30 UTC is not on the 1h grid (expected 2021-01-01 00:00)");
    }

    [Fact]
    public void Append_OutOfOrderOrDuplicate_IsRejectedNamingThePair()
    {
        var buffer = Subscribed();
        buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:05"));

        Should.Throw<ArgumentException>(() => buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:05")))
            .Message.ShouldStartWith("BINANCE:BTCUSDT 1m: duplicate bar at 2021-01-01 00:05 UTC");
        Should.Throw<ArgumentException>(() => buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:04")))
            .Message.ShouldStartWith("BINANCE:BTCUSDT 1m: bar at 2021-01-01 00:04 UTC is older");
    }

    [Fact]
    public void NextBatch_ReturnsClosedBarsSinceTheLastCall_ByTimeThenSymbol()
    {
        var buffer = Subscribed();
        buffer.Append(Eth, Timeframe.M1, Flat("2021-01-01 00:00", 2m));
        buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:01", 1m));
        buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:00", 1m) with { OpenTimeMs = Utc("2021-01-01 00:02") });
        buffer.Append(Eth, Timeframe.M1, Flat("2021-01-01 00:01", 2m));
        buffer.Append(Btc, Timeframe.H1, Flat("2021-01-01 00:00", 1m));

        var batch = buffer.NextBatch(Timeframe.M1);

        batch.Select(e => $"{Text(e.Bar.OpenTimeMs)} {e.Symbol}").ShouldBe(
        [
            "2021-01-01 00:00 BINANCE:ETHUSDT",
            "2021-01-01 00:01 BINANCE:BTCUSDT",
            "2021-01-01 00:01 BINANCE:ETHUSDT",
            "2021-01-01 00:02 BINANCE:BTCUSDT",
        ]);
        buffer.NextBatch(Timeframe.M1).ShouldBeEmpty();
        buffer.NextBatch(Timeframe.H1).Single().Symbol.ShouldBe(Btc);
    }

    [Fact]
    public void NextBatch_IncludesAFormingBarOnlyOnceItCloses()
    {
        var buffer = Subscribed();
        buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:00", 100m, isClosed: false));
        buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:00", 101m, isClosed: false));

        buffer.NextBatch(Timeframe.M1).ShouldBeEmpty();

        buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:00", 102m));
        buffer.NextBatch(Timeframe.M1).ShouldBe([(Btc, Flat("2021-01-01 00:00", 102m))]);
    }

    [Fact]
    public void NextBatch_ForANeverSubscribedTimeframe_Throws()
    {
        Should.Throw<ArgumentException>(() => Subscribed().NextBatch(Timeframe.D1))
            .Message.ShouldContain("timeframe 1d was never subscribed (subscribed: 1m, 1h)");
    }

    [Fact]
    public void Subscribe_BeyondMaxSymbols_EvictsTheLeastRecentlyUsedAndReturnsIt()
    {
        var buffer = Subscribed(new MarketDataBufferOptions { MaxSymbols = 2 });
        buffer.Append(Eth, Timeframe.M1, Flat("2021-01-01 00:00"));
        buffer.Latest(Btc, Timeframe.M1); // BTC is now more recently used than ETH

        var evicted = buffer.Subscribe([Sol], [Timeframe.M1]);

        evicted.ShouldBe([Eth]);
        buffer.Symbols.ShouldBe([Btc, Sol]);
        buffer.IsSubscribed(Eth, Timeframe.M1).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => buffer.Append(Eth, Timeframe.M1, Flat("2021-01-01 00:01")))
            .Message.ShouldContain("BINANCE:ETHUSDT was evicted as the least recently used symbol (MarketDataBufferOptions.MaxSymbols = 2); subscribe it again");
        buffer.NextBatch(Timeframe.M1).Single().Symbol.ShouldBe(Eth);
    }

    [Fact]
    public void Subscribe_AgainAfterEviction_StartsWithAnEmptyBuffer()
    {
        var buffer = Subscribed(new MarketDataBufferOptions { MaxSymbols = 2 });
        buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:00"));
        buffer.Latest(Eth, Timeframe.M1); // ETH is now more recently used than BTC
        buffer.Subscribe([Sol], [Timeframe.M1]).ShouldBe([Btc]);

        buffer.Subscribe([Btc], [Timeframe.M1]).ShouldBe([Eth]);

        buffer.Latest(Btc, Timeframe.M1).ShouldBeEmpty();
        buffer.SymbolCount.ShouldBe(2);
    }

    [Fact]
    public void Subscribe_MoreSymbolsAtOnceThanMaxSymbols_IsRejected()
    {
        var buffer = new MarketDataBuffer(new MarketDataBufferOptions { MaxSymbols = 2 });

        Should.Throw<ArgumentException>(() => buffer.Subscribe([Btc, Eth, Sol], [Timeframe.M1]))
            .Message.ShouldContain("subscribing 3 symbols at once exceeds MarketDataBufferOptions.MaxSymbols = 2");
    }

    [Fact]
    public void Subscribe_AddsTimeframesToAnExistingSymbolWithoutLosingBars()
    {
        var buffer = Subscribed();
        buffer.Append(Btc, Timeframe.M1, Flat("2021-01-01 00:00"));

        buffer.Subscribe([Btc], [Timeframe.M5]).ShouldBeEmpty();

        buffer.IsSubscribed(Btc, Timeframe.M5).ShouldBeTrue();
        buffer.Latest(Btc, Timeframe.M1).Length.ShouldBe(1);
    }

    [Fact]
    public void NextBatch_WhenTheConsumerFallsBehindByMoreThanCapacity_ReturnsTheNewestCapacityBars()
    {
        var buffer = Subscribed();
        var bars = Bars.Sequence(Timeframe.M1, 2_500);
        foreach (var bar in bars)
        {
            buffer.Append(Btc, Timeframe.M1, bar);
        }

        var batch = buffer.NextBatch(Timeframe.M1);

        batch.Select(e => e.Bar).ShouldBe(bars[500..], "the undelivered bars live in the 2,000-bar ring: nothing else grows");
        buffer.NextBatch(Timeframe.M1).ShouldBeEmpty();
    }

    [Fact]
    public void NextBatch_WhenTheRingIsFullAndTheNewestBarIsForming_ReturnsTheClosedBarsStillHeld()
    {
        var buffer = Subscribed();
        var bars = Bars.Sequence(Timeframe.M1, 2_001);
        foreach (var bar in bars[..2_000])
        {
            buffer.Append(Btc, Timeframe.M1, bar);
        }

        buffer.Append(Btc, Timeframe.M1, bars[2_000] with { IsClosed = false });

        buffer.NextBatch(Timeframe.M1).Select(e => e.Bar).ShouldBe(bars[1..2_000]);
        buffer.Append(Btc, Timeframe.M1, bars[2_000]);
        buffer.NextBatch(Timeframe.M1).Select(e => e.Bar).ShouldBe([bars[2_000]]);
    }

    [Fact]
    public void NextBatch_OverRandomFeeds_HandsOutEveryClosedBarExactlyOnceInOrder()
    {
        var specs = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from steps in Gen.Choose(1, 400)
            select (seed, steps));

        Prop.ForAll(specs, spec =>
        {
            var random = new Random(spec.seed);
            var buffer = Subscribed();
            Symbol[] symbols = [Btc, Eth];
            var time = new Dictionary<Symbol, long> { [Btc] = Bars.Jan2021, [Eth] = Bars.Jan2021 + (7 * Timeframe.MinuteMs) };
            var forming = new Dictionary<Symbol, bool> { [Btc] = false, [Eth] = false };
            var closed = new List<(Symbol, Bar)>();
            var delivered = new List<(Symbol, Bar)>();
            for (var step = 0; step < spec.steps; step++)
            {
                var symbol = symbols[random.Next(2)];
                switch (random.Next(6))
                {
                    case 0:
                        delivered.AddRange(buffer.NextBatch(Timeframe.M1));
                        break;
                    case 1:
                        // A forming update, or the first version of a new forming bar.
                        if (!forming[symbol])
                        {
                            time[symbol] += random.Next(1, 4) * Timeframe.MinuteMs;
                        }

                        forming[symbol] = true;
                        buffer.Append(symbol, Timeframe.M1, new Bar(time[symbol], 10m, 12m, 9m, 10m + random.Next(3), 1m, IsClosed: false));
                        break;
                    default:
                        if (!forming[symbol])
                        {
                            time[symbol] += random.Next(1, 4) * Timeframe.MinuteMs;
                        }

                        forming[symbol] = false;
                        var bar = new Bar(time[symbol], 10m, 12m, 9m, 11m, random.Next(1, 100));
                        buffer.Append(symbol, Timeframe.M1, bar);
                        closed.Add((symbol, bar));
                        break;
                }
            }

            delivered.AddRange(buffer.NextBatch(Timeframe.M1));
            return symbols.All(s => delivered.Where(e => e.Item1 == s).SequenceEqual(closed.Where(e => e.Item1 == s)))
                && delivered.Count == closed.Count;
        }).QuickCheckThrowOnFailure();
    }
}
