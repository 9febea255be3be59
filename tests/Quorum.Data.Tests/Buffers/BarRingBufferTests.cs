using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Buffers;
using Quorum.TestKit;
using static Quorum.Data.Tests.Resampling.TestTimes;

namespace Quorum.Data.Tests.Buffers;

public sealed class BarRingBufferTests
{
    [Fact]
    public void Constructor_DefaultCapacity_Is2000()
    {
        new BarRingBuffer().Capacity.ShouldBe(2000);
        BarRingBuffer.DefaultCapacity.ShouldBe(2000);
    }

    [Fact]
    public void Constructor_CapacityBelowOne_IsRejectedWithTheRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new BarRingBuffer(0))
            .Message.ShouldContain("ring buffer capacity = 0 is out of range (≥ 1)");
    }

    [Fact]
    public void Indexer_ZeroIsNewest_AndTheOldestIsOverwrittenWhenFull()
    {
        var buffer = new BarRingBuffer(3);
        var bars = Bars.Sequence(Timeframe.M1, 5);

        foreach (var bar in bars)
        {
            buffer.Append(bar).ShouldBe(BarAppendResult.Appended);
        }

        buffer.Count.ShouldBe(3);
        buffer.IsFull.ShouldBeTrue();
        buffer[0].ShouldBe(bars[4]);
        buffer[2].ShouldBe(bars[2]);
        buffer.Newest.ShouldBe(bars[4]);
        Should.Throw<ArgumentOutOfRangeException>(() => buffer[3]).Message.ShouldContain("age must be in [0, 3) (0 = newest)");
    }

    [Fact]
    public void CopyLatest_AcrossTheWrap_CopiesOldestToNewest()
    {
        var buffer = new BarRingBuffer(4);
        var bars = Bars.Sequence(Timeframe.M1, 7);
        foreach (var bar in bars)
        {
            buffer.Append(bar);
        }

        var destination = new Bar[3];
        buffer.CopyLatest(destination).ShouldBe(3);
        destination.ShouldBe(bars[4..7]);
        buffer.Latest(10).ShouldBe(bars[3..7]);
        buffer.Latest(0).ShouldBeEmpty();
    }

    [Fact]
    public void Append_AnOlderBar_IsRejectedAndTheBufferIsUnchanged()
    {
        var buffer = new BarRingBuffer(10, "BINANCE:BTCUSDT 1m");
        buffer.Append(Flat("2021-01-01 00:05"));

        var error = Should.Throw<ArgumentException>(() => buffer.Append(Flat("2021-01-01 00:04")));

        error.Message.ShouldContain("BINANCE:BTCUSDT 1m: bar at 2021-01-01 00:04 UTC is older than the newest bar at 2021-01-01 00:05 UTC");
        buffer.Count.ShouldBe(1);
    }

    [Fact]
    public void Append_TheSameOpenTimeAfterItClosed_IsRejectedAsDuplicate()
    {
        var buffer = new BarRingBuffer(10, "BINANCE:BTCUSDT 1m");
        buffer.Append(Flat("2021-01-01 00:05"));

        Should.Throw<ArgumentException>(() => buffer.Append(Flat("2021-01-01 00:05", 101m)))
            .Message.ShouldContain("duplicate bar at 2021-01-01 00:05 UTC; that bar is already closed and final");
        buffer.Newest.Close.ShouldBe(100m);
    }

    [Fact]
    public void Append_AFormingBar_IsUpdatedInPlaceUntilItCloses()
    {
        var buffer = new BarRingBuffer(10);
        buffer.Append(Flat("2021-01-01 00:04"));
        buffer.Append(Flat("2021-01-01 00:05", 100m, isClosed: false)).ShouldBe(BarAppendResult.Appended);

        buffer.Append(Flat("2021-01-01 00:05", 101m, isClosed: false)).ShouldBe(BarAppendResult.Replaced);
        buffer.Append(Flat("2021-01-01 00:05", 102m)).ShouldBe(BarAppendResult.Replaced);

        buffer.Count.ShouldBe(2);
        buffer.Newest.ShouldBe(Flat("2021-01-01 00:05", 102m));
        Should.Throw<ArgumentException>(() => buffer.Append(Flat("2021-01-01 00:05", 103m)));
    }

    [Fact]
    public void Append_ANewerBarWhileTheNewestIsStillForming_IsRejected()
    {
        var buffer = new BarRingBuffer(10, "BINANCE:BTCUSDT 1m");
        buffer.Append(Flat("2021-01-01 00:05", isClosed: false));

        Should.Throw<ArgumentException>(() => buffer.Append(Flat("2021-01-01 00:06")))
            .Message.ShouldContain("arrived while the bar at 2021-01-01 00:05 UTC is still forming; append its closed version first");
    }

    [Fact]
    public void Clear_EmptiesTheBuffer()
    {
        var buffer = new BarRingBuffer(3);
        buffer.Append(Flat("2021-01-01 00:05"));

        buffer.Clear();

        buffer.IsEmpty.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => buffer.Newest);
        buffer.Append(Flat("2021-01-01 00:01")).ShouldBe(BarAppendResult.Appended);
    }

    [Fact]
    public void Latest_AlwaysEqualsTheTailOfEverythingAppended()
    {
        var specs = Arb.From(
            from capacity in Gen.Choose(1, 50)
            from count in Gen.Choose(0, 200)
            from n in Gen.Choose(0, 60)
            select (capacity, count, n));

        Prop.ForAll(specs, spec =>
        {
            var bars = Bars.Sequence(Timeframe.M1, spec.count);
            var buffer = new BarRingBuffer(spec.capacity);
            foreach (var bar in bars)
            {
                buffer.Append(bar);
            }

            var expected = bars.TakeLast(Math.Min(spec.n, spec.capacity)).ToArray();
            var byAge = Enumerable.Range(0, buffer.Count).Select(age => buffer[age]).Reverse();
            return buffer.Latest(spec.n).SequenceEqual(expected)
                && buffer.Count == Math.Min(spec.count, spec.capacity)
                && byAge.SequenceEqual(bars.TakeLast(buffer.Count));
        }).QuickCheckThrowOnFailure();
    }
}
