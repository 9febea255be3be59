using Quorum.Core.MarketData;

namespace Quorum.Indicators;

/// <summary>
/// A bar series as contiguous <see cref="double"/> columns, for batch indicators and research.
/// Built once from a <see cref="BarSeries"/> (the decimal → double boundary).
/// </summary>
public sealed class OhlcvColumns
{
    public OhlcvColumns(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(close);
        ArgumentNullException.ThrowIfNull(volume);
        var n = time.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            throw new ArgumentException(
                $"columns differ in length (time {n}, open {open.Length}, high {high.Length}, low {low.Length}, close {close.Length}, volume {volume.Length})");
        }

        Time = time;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    public long[] Time { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public int Length => Time.Length;

    public OhlcvPoint this[int index] => new(Time[index], Open[index], High[index], Low[index], Close[index], Volume[index]);

    public static OhlcvColumns From(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        var columns = new OhlcvColumns(new long[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        var bars = series.Span;
        for (var i = 0; i < n; i++)
        {
            var point = OhlcvPoint.From(bars[i]);
            columns.Time[i] = point.TimeMs;
            columns.Open[i] = point.Open;
            columns.High[i] = point.High;
            columns.Low[i] = point.Low;
            columns.Close[i] = point.Close;
            columns.Volume[i] = point.Volume;
        }

        return columns;
    }

    /// <summary>The first <paramref name="length"/> bars (a truncation, for no-look-ahead tests).</summary>
    public OhlcvColumns Take(int length) =>
        new(Time[..length], Open[..length], High[..length], Low[..length], Close[..length], Volume[..length]);

    /// <summary>The column a single-input indicator reads.</summary>
    public double[] Get(PriceSource source) => source switch
    {
        PriceSource.Close => Close,
        PriceSource.Open => Open,
        PriceSource.High => High,
        PriceSource.Low => Low,
        PriceSource.Volume => Volume,
        _ => Enumerable.Range(0, Length).Select(i => this[i].Get(source)).ToArray(),
    };
}
