using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// True range: max(high − low, |high − previous close|, |low − previous close|). By default the first
/// value is the second bar's (TA-Lib, LEAN's <c>spy_tr.txt</c>); <see cref="TrueRangeStart.FirstBar"/>
/// takes the first bar's high − low as its true range (LEAN, TradingView). Registry name <c>tr</c>.
/// </summary>
public sealed class TrueRange : IIndicator
{
    private const string IndicatorName = "tr";
    private static readonly string[] Outputs = [IndicatorName];
    private double _previousClose;

    public TrueRange(TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        Start = start;
        WarmUpPeriod = start == TrueRangeStart.FirstBar ? 1 : 2;
    }

    public string Name => IndicatorName;

    public IReadOnlyList<string> OutputNames => Outputs;

    public TrueRangeStart Start { get; }

    public int WarmUpPeriod { get; }

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The true range of the last bar; NaN during warm-up.</summary>
    public double Value { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        Samples++;
        if (Samples > 1)
        {
            Value = Of(bar.High, bar.Low, _previousClose);
        }
        else if (Start == TrueRangeStart.FirstBar)
        {
            Value = bar.High - bar.Low;
        }

        _previousClose = bar.Close;
    }

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        Samples = 0;
        Value = double.NaN;
        _previousClose = 0;
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>max(high − low, |high − previousClose|, |low − previousClose|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double high, double low, double previousClose) =>
        Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="TrueRange"/>.</summary>
    public static void Batch(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output, TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        Bars.Check(high, low, close, output, IndicatorName);
        var n = high.Length;
        if (n == 0)
        {
            return;
        }

        output[0] = start == TrueRangeStart.FirstBar ? high[0] - low[0] : double.NaN;
        for (var i = 1; i < n; i++)
        {
            output[i] = Of(high[i], low[i], close[i - 1]);
        }
    }
}
