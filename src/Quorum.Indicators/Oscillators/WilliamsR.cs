using System.Buffers;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// Williams %R: −100·(highest high − close) / (highest high − lowest low) over <c>period</c> bars,
/// from 0 (close at the high) to −100 (close at the low). A zero range gives the neutral −50
/// (TA-Lib gives 0). First value at sample <c>period</c>.
/// </summary>
public sealed class WilliamsR : IIndicator
{
    /// <summary>The value when the window's highest high equals its lowest low.</summary>
    public const double Neutral = -50.0;

    private readonly string[] _outputNames;
    private RollingHighLow _range;

    public WilliamsR(int period = 14)
    {
        IndicatorGuard.Period(period, "willr");
        Period = period;
        Name = $"willr_{period}";
        _outputNames = [Name];
        _range = new RollingHighLow(period);
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>%R, from −100 to 0; NaN during warm-up.</summary>
    public double Value { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        Add(bar.High, bar.Low, bar.Close);
    }

    /// <summary>Consumes one bar given as its high, low and close.</summary>
    public void Update(double high, double low, double close)
    {
        BarSpans.RequireFinite(high, low, close, Name, Samples + 1);
        Add(high, low, close);
    }

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        Samples = 0;
        Value = double.NaN;
        _range.Reset();
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>
    /// Batch form over spans of highs, lows and closes (equal lengths); identical to feeding the bars to a
    /// streaming <see cref="WilliamsR"/>. <paramref name="output"/> must be at least as long.
    /// </summary>
    public static void Batch(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output, int period = 14)
    {
        IndicatorGuard.Period(period, "willr");
        var name = $"willr_{period}";
        BarSpans.Require(high, low, close, name);
        IndicatorGuard.Lengths(close.Length, output.Length, name);
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

    private void Add(double high, double low, double close)
    {
        var n = ++Samples;
        _range.Add(high, low);
        if (n >= Period)
        {
            Value = Percent(close, _range.Highest, _range.Lowest);
        }
    }
}
