using Quorum.Core.Time;
using Quorum.Indicators;

namespace Quorum.Strategies.Tests.Regimes;

/// <summary>Crafted 1h bar series for the regime tests.</summary>
internal static class RegimeSeries
{
    /// <summary>
    /// A zigzag around <paramref name="level"/>: closes alternate level and level + <paramref name="swing"/>, up bars
    /// reaching a fifth of the swing above their close and down bars as far below, so +DM and −DM balance (ADX near 0)
    /// and the EMA is flat.
    /// </summary>
    public static List<OhlcvPoint> Zigzag(int count, double level = 100, double swing = 1, Timeframe? timeframe = null)
    {
        var bars = new List<OhlcvPoint>(count);
        Append(bars, count, i => level + (i % 2 == 0 ? 0 : swing), timeframe);
        return bars;
    }

    /// <summary>Closes growing by <paramref name="rate"/> per bar (negative: falling), each bar spanning its move and a fifth more beyond its close.</summary>
    public static List<OhlcvPoint> Trend(int count, double rate, double start = 100)
    {
        var bars = new List<OhlcvPoint>(count);
        Append(bars, count, i => start * Math.Pow(1 + rate, i));
        return bars;
    }

    /// <summary>
    /// Appends <paramref name="count"/> bars of <paramref name="timeframe"/> (1h by default) whose closes are
    /// <paramref name="close"/>(i), continuing the time axis (from <see cref="StrategyHarness.Start"/> when empty).
    /// </summary>
    public static void Append(List<OhlcvPoint> bars, int count, Func<int, double> close, Timeframe? timeframe = null, double volume = 1000)
    {
        var step = (timeframe ?? Timeframe.H1).Milliseconds;
        var start = bars.Count == 0 ? StrategyHarness.Start : bars[^1].TimeMs + step;
        for (var i = 0; i < count; i++)
        {
            var c = close(i);
            var previous = bars.Count == 0 ? c : bars[^1].Close;
            var pad = Math.Max(Math.Abs(c - previous) * 0.2, c * 0.0001);
            var high = c >= previous ? c + pad : previous;
            var low = c >= previous ? previous : c - pad;
            bars.Add(new OhlcvPoint(start + (i * step), previous, high, low, c, volume));
        }
    }
}
