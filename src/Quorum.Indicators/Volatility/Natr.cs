namespace Quorum.Indicators.Volatility;

/// <summary>
/// Normalized average true range, 100 · ATR / close (TA-Lib's NATR, LEAN's <c>spy_natr.txt</c>): the
/// Wilder <see cref="Atr"/> as a percentage of the bar's close. Registry <c>natr:14</c> → <c>natr_14</c>.
/// </summary>
public sealed class Natr : IIndicator
{
    private readonly string[] _outputNames;
    private readonly Atr _atr;

    public Natr(int period, TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        Name = NameOf(period);
        _outputNames = [Name];
        Period = period;
        _atr = new Atr(period, AtrSmoothing.Wilder, start);
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public int WarmUpPeriod => _atr.WarmUpPeriod;

    public long Samples => _atr.Samples;

    public bool IsReady => _atr.IsReady;

    /// <summary>100 · ATR / close; NaN during warm-up.</summary>
    public double Value { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        _atr.Update(bar);
        if (_atr.IsReady)
        {
            Value = Normalize(_atr.Value, bar.Close);
        }
    }

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        _atr.Reset();
        Value = double.NaN;
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="Natr"/>.</summary>
    public static void Batch(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> output,
        int period,
        TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        var name = NameOf(period);
        Bars.Check(high, low, close, output, name);
        Atr.BatchUnchecked(high, low, close, output, period, AtrSmoothing.Wilder, start);
        for (var i = 0; i < high.Length; i++)
        {
            output[i] = Normalize(output[i], close[i]);
        }
    }

    /// <summary>
    /// 100 · ATR / close; 0 when |close| &lt; 1e-14 (TA-Lib's NATR rule), so a zero close after the warm-up
    /// gives 0 rather than NaN or ±∞. NaN (warm-up) stays NaN.
    /// </summary>
    private static double Normalize(double atr, double close) =>
        Math.Abs(close) < 1e-14 && !double.IsNaN(atr) ? 0.0 : 100.0 * atr / close;

    private static string NameOf(int period) => $"natr_{IndicatorGuard.Period(period, "natr")}";
}
