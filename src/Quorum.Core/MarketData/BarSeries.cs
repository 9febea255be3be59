using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Core.MarketData;

/// <summary>
/// A read-only run of bars of one symbol and timeframe, in the order they were given
/// (loaders and the catalog produce ascending open times; the integrity checker reports
/// anything else).
/// </summary>
/// <remarks>
/// The series takes ownership of the array it is given, without copying it (a catalog load of a
/// million bars should not pay for a second million): the caller must not change the array afterwards.
/// </remarks>
public sealed class BarSeries
{
    private readonly Bar[] _bars;

    public BarSeries(Symbol symbol, Timeframe timeframe, Bar[] bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        Symbol = Guard.Symbol(symbol);
        Timeframe = Guard.Timeframe(timeframe);
        _bars = bars;
    }

    public Symbol Symbol { get; }

    public Timeframe Timeframe { get; }

    public int Count => _bars.Length;

    public ReadOnlySpan<Bar> Span => _bars;

    public ReadOnlyMemory<Bar> Memory => _bars;

    public Bar this[int index] => _bars[index];

    public bool IsEmpty => _bars.Length == 0;

    /// <summary>Open time of the first bar; throws when empty.</summary>
    public long FirstOpenTimeMs => _bars.Length > 0 ? _bars[0].OpenTimeMs : throw new InvalidOperationException($"{this} is empty");

    /// <summary>Open time of the last bar; throws when empty.</summary>
    public long LastOpenTimeMs => _bars.Length > 0 ? _bars[^1].OpenTimeMs : throw new InvalidOperationException($"{this} is empty");

    /// <summary>Bars whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>), assuming ascending order.</summary>
    public BarSeries Slice(long fromMs, long toMs)
    {
        var start = LowerBound(fromMs);
        var end = LowerBound(toMs);
        return new BarSeries(Symbol, Timeframe, _bars[start..Math.Max(start, end)]);
    }

    /// <summary>A column of the series as doubles (for indicators, which work on double spans).</summary>
    public double[] ToDoubles(Func<Bar, decimal> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var result = new double[_bars.Length];
        for (var i = 0; i < _bars.Length; i++)
        {
            result[i] = (double)selector(_bars[i]);
        }

        return result;
    }

    public override string ToString() => $"{Symbol} {Timeframe} ({Count} bars)";

    private int LowerBound(long openTimeMs)
    {
        int lo = 0, hi = _bars.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_bars[mid].OpenTimeMs < openTimeMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
