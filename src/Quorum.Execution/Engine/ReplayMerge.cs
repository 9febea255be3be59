using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Execution.Engine;

/// <summary>
/// The time-ordered merge of one <see cref="MarketReplay"/>, shared by both drivers (<see cref="BacktestLoop"/> delivers
/// each instant straight to its target, <see cref="ReplayFeeder"/> posts it into an <see cref="EventLoop"/>), so the
/// two give the same event sequence by construction. Each <see cref="DeliverNext"/> hands over every event of the next
/// event time: bars (at their close) before funding; among bars the finer timeframe first, then the stream added first;
/// funding rates in time order, then series registration order.
/// </summary>
/// <remarks>
/// The streams are sorted once by (timeframe, registration order) into cursors. Per instant the live cursors are scanned
/// once, delivering those whose next close is now and computing the next event time on the way; inside a gap-free run
/// the next close is the previous one + timeframe, so the bars are not read here. Exhausted cursors leave the scan.
/// Nothing is allocated per event.
/// </remarks>
internal sealed class ReplayMerge
{
    private readonly Cursor[] _cursors;
    private readonly FundingRate[] _funding;
    private int _active;
    private int _fundingIndex;

    public ReplayMerge(MarketReplay replay)
    {
        _cursors = CreateCursors(replay);
        _funding = MergeFunding(replay);
        _active = _cursors.Length;
        var time = long.MaxValue;
        foreach (var cursor in _cursors)
        {
            time = Math.Min(time, cursor.NextCloseMs);
        }

        if (_funding.Length > 0)
        {
            time = Math.Min(time, _funding[0].FundingTimeMs);
        }

        NextTimeMs = time;
    }

    /// <summary>The next event time (UTC ms), <see cref="long.MaxValue"/> once every event was delivered.</summary>
    public long NextTimeMs { get; private set; }

    public bool IsDone => NextTimeMs == long.MaxValue;

    /// <summary>Delivers every event at <see cref="NextTimeMs"/> to <paramref name="target"/> in merge order and moves on; returns how many.</summary>
    public int DeliverNext(IMarketReplayTarget target)
    {
        var time = NextTimeMs;
        var cursors = _cursors;
        var active = _active;
        var delivered = 0;
        var next = long.MaxValue;
        var exhausted = false;
        for (var i = 0; i < active; i++)
        {
            ref var cursor = ref cursors[i];
            if (cursor.NextCloseMs == time)
            {
                target.OnReplayBar(cursor.Symbol, cursor.Timeframe, in BarAt(cursor.Bars, cursor.Index), cursor.Role);
                delivered++;
                if (++cursor.Index < cursor.RunEnd)
                {
                    Prefetch(cursor.Bars, cursor.Index);
                    cursor.NextCloseMs += cursor.TimeframeMs; // inside a gap-free run: no need to read the next bar
                }
                else if (cursor.Index < cursor.End)
                {
                    cursor.NextCloseMs = cursor.Bars[cursor.Index].OpenTimeMs + cursor.TimeframeMs;
                    cursor.RunEnd = cursor.NextGap < cursor.GapStarts.Length ? cursor.Offset + cursor.GapStarts[cursor.NextGap++] : cursor.End;
                }
                else
                {
                    cursor.NextCloseMs = long.MaxValue;
                    exhausted = true;
                }
            }

            if (cursor.NextCloseMs < next)
            {
                next = cursor.NextCloseMs;
            }
        }

        if (exhausted)
        {
            _active = Compact(cursors, active);
        }

        var funding = _funding;
        var fundingIndex = _fundingIndex;
        while (fundingIndex < funding.Length && funding[fundingIndex].FundingTimeMs == time)
        {
            target.OnReplayFunding(funding[fundingIndex++]);
            delivered++;
        }

        if (fundingIndex < funding.Length && funding[fundingIndex].FundingTimeMs < next)
        {
            next = funding[fundingIndex].FundingTimeMs;
        }

        _fundingIndex = fundingIndex;
        NextTimeMs = next;
        return delivered;
    }

    /// <summary>
    /// <paramref name="bars"/>[<paramref name="index"/>] without the bounds check, which reads the array's length: with
    /// many streams that header line, far from the bars being read, is a cache miss on most bars (measured: most of the
    /// merge's own time with 100 streams). Every caller passes an index below its cursor's <c>End</c>, which
    /// <see cref="CreateCursors"/> takes from the stream's own (offset, count) view of this array.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Bar BarAt(Bar[] bars, int index)
    {
        Debug.Assert((uint)index < (uint)bars.Length, "a cursor index is always inside its array");
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bars), index);
    }

    /// <summary>
    /// Asks the CPU to start loading the cursor's next bar (96 bytes, two cache lines) now: with many streams each one's
    /// next bar is read only after every other stream's, more streams than the hardware prefetcher follows, so without
    /// the hint every bar is a cache miss. A hint only: it changes no result, and does nothing where SSE is absent.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(Bar[] bars, int index)
    {
        if (Sse.IsSupported)
        {
            var address = (byte*)Unsafe.AsPointer(ref BarAt(bars, index)); // the array may move later: a stale address only wastes the hint
            Sse.Prefetch0(address);
            Sse.Prefetch0(address + 64);
        }
    }

    /// <summary>Drops exhausted cursors, keeping the others in order.</summary>
    private static int Compact(Cursor[] cursors, int active)
    {
        var kept = 0;
        for (var i = 0; i < active; i++)
        {
            if (cursors[i].NextCloseMs != long.MaxValue)
            {
                cursors[kept++] = cursors[i];
            }
        }

        Array.Clear(cursors, kept, active - kept);
        return kept;
    }

    /// <summary>Cursors of the non-empty streams, finer timeframe first, then registration order (the tie rule).</summary>
    private static Cursor[] CreateCursors(MarketReplay replay)
    {
        var streams = replay.Streams;
        var order = Enumerable.Range(0, streams.Count)
            .Where(i => streams[i].Count > 0)
            .OrderBy(i => streams[i].Timeframe.Milliseconds)
            .ThenBy(i => i)
            .ToArray();
        var cursors = new Cursor[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            var stream = streams[order[k]];
            cursors[k] = new Cursor
            {
                Bars = stream.Array,
                Index = stream.Offset,
                End = stream.Offset + stream.Count,
                Offset = stream.Offset,
                GapStarts = stream.GapStarts,
                NextGap = stream.GapStarts.Length > 0 ? 1 : 0,
                RunEnd = stream.GapStarts.Length > 0 ? stream.Offset + stream.GapStarts[0] : stream.Offset + stream.Count,
                TimeframeMs = stream.Timeframe.Milliseconds,
                NextCloseMs = stream.FirstCloseTimeMs,
                Symbol = stream.Symbol,
                Timeframe = stream.Timeframe,
                Role = stream.Role,
            };
        }

        return cursors;
    }

    /// <summary>All funding rates by time, then series registration order (each series is already in time order).</summary>
    private static FundingRate[] MergeFunding(MarketReplay replay) =>
        replay.Funding
            .SelectMany((series, seriesIndex) => series.Rates.Select(rate => (rate, seriesIndex)))
            .OrderBy(item => item.rate.FundingTimeMs)
            .ThenBy(item => item.seriesIndex)
            .Select(item => item.rate)
            .ToArray();

    private struct Cursor
    {
        public Bar[] Bars;
        public int Index;
        public int End;
        public int RunEnd;
        public int Offset;
        public int NextGap;
        public int[] GapStarts;
        public long NextCloseMs;
        public long TimeframeMs;
        public Symbol Symbol;
        public Timeframe Timeframe;
        public BarRole Role;
    }
}
