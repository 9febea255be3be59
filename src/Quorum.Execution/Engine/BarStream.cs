using System.Runtime.InteropServices;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Execution.Engine;

/// <summary>
/// One replayed run of closed bars of one symbol × timeframe and what it is for (<see cref="BarRole"/>).
/// The constructor checks the bars once so the merge can trust them: open times strictly increase,
/// sit on the timeframe's grid (<see cref="Timeframe.IsAligned"/>), and every bar is closed.
/// </summary>
/// <remarks>
/// The stream reads the caller's memory without copying it (a year of 1m bars is 50 MB); the caller
/// must not change the bars while a replay uses them. Memory that is not backed by an array is copied once.
/// </remarks>
public sealed class BarStream
{
    public BarStream(Symbol symbol, Timeframe timeframe, ReadOnlyMemory<Bar> bars, BarRole role)
    {
        if (symbol.Venue.Code is null)
        {
            throw new ArgumentException("bar stream symbol is required (got the default, empty symbol)", nameof(symbol));
        }

        if (timeframe.Name is null)
        {
            throw new ArgumentException($"{symbol}: bar stream timeframe is required (got the default, empty timeframe)", nameof(timeframe));
        }

        if (role is not (BarRole.Match or BarRole.Deliver or BarRole.MatchAndDeliver))
        {
            throw new ArgumentOutOfRangeException(
                nameof(role), role, $"{symbol} {timeframe}: bar role {role} is not allowed (allowed: Match, Deliver, MatchAndDeliver)");
        }

        Symbol = symbol;
        Timeframe = timeframe;
        Role = role;
        GapStarts = Validate(symbol, timeframe, bars.Span);
        if (MemoryMarshal.TryGetArray(bars, out var segment) && segment.Array is not null)
        {
            Array = segment.Array;
            Offset = segment.Offset;
        }
        else
        {
            Array = bars.ToArray();
            Offset = 0;
        }

        Count = bars.Length;
    }

    /// <summary>A stream over a whole <see cref="BarSeries"/> (no copy).</summary>
    public BarStream(BarSeries series, BarRole role)
        : this((series ?? throw new ArgumentNullException(nameof(series))).Symbol, series.Timeframe, series.Memory, role)
    {
    }

    public Symbol Symbol { get; }

    public Timeframe Timeframe { get; }

    public BarRole Role { get; }

    /// <summary>Number of bars.</summary>
    public int Count { get; }

    /// <summary>The bars, oldest first.</summary>
    public ReadOnlyMemory<Bar> Bars => new(Array, Offset, Count);

    /// <summary>Close time of the first bar (the first instant this stream has an event), or <see cref="long.MaxValue"/> when empty.</summary>
    public long FirstCloseTimeMs => Count == 0 ? long.MaxValue : Array[Offset].OpenTimeMs + Timeframe.Milliseconds;

    /// <summary>Close time of the last bar, or <see cref="long.MinValue"/> when empty.</summary>
    public long LastCloseTimeMs => Count == 0 ? long.MinValue : Array[Offset + Count - 1].OpenTimeMs + Timeframe.Milliseconds;

    internal Bar[] Array { get; }

    internal int Offset { get; }

    /// <summary>Indexes (from the stream's first bar) of the bars that do not open right where the previous one closed: the merge steps through the runs between them without reading the bars.</summary>
    internal int[] GapStarts { get; }

    public override string ToString() => $"{Symbol} {Timeframe} {Role} ({Count} bars)";

    private static int[] Validate(Symbol symbol, Timeframe timeframe, ReadOnlySpan<Bar> bars)
    {
        var gaps = new List<int>();
        for (var i = 0; i < bars.Length; i++)
        {
            var open = bars[i].OpenTimeMs;
            if (!timeframe.IsAligned(open))
            {
                throw new ArgumentException(
                    $"{symbol} {timeframe}: bar {i} opens at {open} ({Format(open)}), which is not on the {timeframe} grid " +
                    $"(expected {timeframe.AlignDown(open)} ({Format(timeframe.AlignDown(open))}) or a later multiple of {timeframe.Milliseconds} ms)",
                    nameof(bars));
            }

            if (i > 0 && open <= bars[i - 1].OpenTimeMs)
            {
                var previous = bars[i - 1].OpenTimeMs;
                throw new ArgumentException(
                    $"{symbol} {timeframe}: bar {i} opens at {open} ({Format(open)}), not after bar {i - 1} at {previous} ({Format(previous)}): " +
                    "open times must strictly increase",
                    nameof(bars));
            }

            if (!bars[i].IsClosed)
            {
                throw new ArgumentException(
                    $"{symbol} {timeframe}: bar {i} at {open} ({Format(open)}) is still forming (IsClosed = false): only closed bars can be replayed",
                    nameof(bars));
            }

            if (i > 0 && open != bars[i - 1].OpenTimeMs + timeframe.Milliseconds)
            {
                gaps.Add(i);
            }
        }

        return [.. gaps];
    }

    private static string Format(long ms) => EngineTime.Format(ms);
}
