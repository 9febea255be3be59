using System.Buffers;
using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// Williams %R: −100·(highest high − close) / (highest high − lowest low) over <c>period</c> bars,
/// from 0 (close at the high) to −100 (close at the low). A zero range gives the neutral −50
/// (TA-Lib gives 0). First value at sample <c>period</c>; NaN before.
/// </summary>
public sealed class WilliamsR : HighLowCloseIndicator
{
    /// <summary>The value when the window's highest high equals its lowest low.</summary>
    public const double Neutral = -50.0;

    private RollingHighLow _range;

    public WilliamsR(int period = 14)
        : base("willr", period)
    {
        _range = new RollingHighLow(period);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // see HighLowCloseIndicator
    public override void Update(in OhlcvPoint bar) => Add(Accept(bar), bar.High, bar.Low, bar.Close);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public override void Update(double high, double low, double close) => Add(Accept(high, low, close), high, low, close);

    /// <summary>
    /// Batch form over spans of highs, lows and closes (equal lengths); identical to feeding the bars to a
    /// streaming <see cref="WilliamsR"/>. <paramref name="output"/> must be at least as long.
    /// </summary>
    public static void Batch(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output, int period = 14)
    {
        CheckBatch("willr", period, high, low, close, output);
        var n = close.Length;
        output = output[..n];
        var rented = ArrayPool<double>.Shared.Rent(n);
        try
        {
            // highest → output, lowest → scratch; then %R in place.
            var lowest = rented.AsSpan(0, n);
            RollingHighLow.Batch(high, low, period, output, lowest);
            var warm = Math.Min(period - 1, n);
            output[..warm].Fill(double.NaN);
            for (var i = warm; i < n; i++)
            {
                output[i] = Percent(close[i], output[i], lowest[i]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static double Percent(double close, double highest, double lowest)
    {
        var range = highest - lowest;
        return range > 0 ? -100.0 * (highest - close) / range : Neutral;
    }

    private protected override void ResetWindow() => _range.Reset();

    /// <summary>Adds the <paramref name="n"/>-th bar (already checked and counted).</summary>
    private void Add(long n, double high, double low, double close)
    {
        _range.Add(high, low);
        if (n >= Period)
        {
            Value = Percent(close, _range.Highest, _range.Lowest);
        }
    }
}
