using Quorum.Core;
using Quorum.Core.MarketData;

namespace Quorum.Data.Integrity;

/// <summary>
/// Fills gaps with flat bars (open = high = low = close = previous close, volume 0).
/// Allowed only in <see cref="TradingMode.Paper"/> (seed 001: "gap-fill only in paper"):
/// backtests and live trading must see the real gaps, so any other mode throws.
/// </summary>
public static class GapFiller
{
    /// <summary>The series with its gaps filled; see <see cref="FillWithDetails"/> for which bars were added.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="mode"/> is not <see cref="TradingMode.Paper"/>.</exception>
    /// <exception cref="ArgumentException">The series is not strictly ascending or not on its timeframe's grid.</exception>
    public static BarSeries Fill(BarSeries series, TradingMode mode) => FillWithDetails(series, mode).Series;

    /// <summary>Fills the gaps and returns the filled series with the open times of the synthesized bars.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="mode"/> is not <see cref="TradingMode.Paper"/>.</exception>
    /// <exception cref="ArgumentException">The series is not strictly ascending or not on its timeframe's grid.</exception>
    public static GapFillResult FillWithDetails(BarSeries series, TradingMode mode)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (mode != TradingMode.Paper)
        {
            throw new InvalidOperationException(
                $"gap-fill is only allowed in paper mode (seed 001: gap-fill only in paper); refusing to fill {series} in {mode} mode, which must see the real gaps");
        }

        var bars = series.Span;
        var timeframe = series.Timeframe;
        var step = timeframe.Milliseconds;
        var missing = 0L;
        for (var i = 0; i < bars.Length; i++)
        {
            var time = bars[i].OpenTimeMs;
            if (!timeframe.IsAligned(time))
            {
                throw new ArgumentException(
                    $"cannot gap-fill {series}: bar at index {i} opens at {TimeText.Utc(time)} UTC, which is not on the {timeframe} grid", nameof(series));
            }

            if (i > 0)
            {
                var previous = bars[i - 1].OpenTimeMs;
                if (time <= previous)
                {
                    throw new ArgumentException(
                        $"cannot gap-fill {series}: bar at index {i} ({TimeText.Utc(time)} UTC) is not after the bar at index {i - 1} ({TimeText.Utc(previous)} UTC); open times must be strictly ascending",
                        nameof(series));
                }

                missing += ((time - previous) / step) - 1;
            }
        }

        if (missing == 0)
        {
            return new GapFillResult(series, [], []);
        }

        if (bars.Length + missing > Array.MaxLength)
        {
            throw new ArgumentException($"cannot gap-fill {series}: {missing:N0} missing bars would not fit in one series", nameof(series));
        }

        var filled = new Bar[bars.Length + missing];
        var filledTimes = new long[missing];
        var gaps = new List<BarGap>();
        var write = 0;
        var filledWrite = 0;
        for (var i = 0; i < bars.Length; i++)
        {
            if (i > 0)
            {
                var previous = bars[i - 1];
                var firstMissing = previous.OpenTimeMs + step;
                var next = bars[i].OpenTimeMs;
                if (firstMissing < next)
                {
                    gaps.Add(new BarGap(firstMissing, next - step, (next - firstMissing) / step, i));
                    for (var time = firstMissing; time < next; time += step)
                    {
                        filled[write++] = new Bar(time, previous.Close, previous.Close, previous.Close, previous.Close, 0m);
                        filledTimes[filledWrite++] = time;
                    }
                }
            }

            filled[write++] = bars[i];
        }

        return new GapFillResult(new BarSeries(series.Symbol, timeframe, filled), filledTimes, gaps);
    }
}
