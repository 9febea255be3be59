using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Average true range over <c>period</c> true ranges, Wilder-smoothed (<c>atr:14</c> → <c>atr_14</c>,
/// TA-Lib's ATR) or simple (<c>atr_sma:14</c> → <c>atr_sma_14</c>). With the default
/// <see cref="TrueRangeStart.SecondBar"/> the first value comes with bar <c>period + 1</c>, as in TA-Lib;
/// <see cref="TrueRangeStart.FirstBar"/> reproduces LEAN and TradingView (first value at bar <c>period</c>,
/// the first bar's high − low counted as a true range).
/// </summary>
public sealed class Atr : IIndicator
{
    private readonly string[] _outputNames;
    private AtrKernel _kernel;

    public Atr(int period, AtrSmoothing smoothing = AtrSmoothing.Wilder, TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        Name = NameOf(period, smoothing);
        _outputNames = [Name];
        Period = period;
        Smoothing = smoothing;
        Start = start;
        WarmUpPeriod = period + (start == TrueRangeStart.SecondBar ? 1 : 0);
        _kernel = new AtrKernel(period, smoothing, start);
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public AtrSmoothing Smoothing { get; }

    public TrueRangeStart Start { get; }

    public int WarmUpPeriod { get; }

    public long Samples => _kernel.Samples;

    public bool IsReady => _kernel.IsReady;

    /// <summary>The average true range; NaN during warm-up.</summary>
    public double Value => _kernel.Value;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        _kernel.Step(bar.High, bar.Low, bar.Close);
    }

    /// <summary>Consumes one bar given as its high, low and close (the fields ATR reads).</summary>
    public void Update(double high, double low, double close) => _kernel.Update(high, low, close);

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        _kernel.Reset();
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="Atr"/>.</summary>
    public static void Batch(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> output,
        int period,
        AtrSmoothing smoothing = AtrSmoothing.Wilder,
        TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        var name = NameOf(period, smoothing);
        Bars.Check(high, low, close, output, name);
        BatchUnchecked(high, low, close, output, period, smoothing, start);
    }

    /// <summary>The batch loops, on inputs already checked.</summary>
    internal static void BatchUnchecked(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> output,
        int period,
        AtrSmoothing smoothing,
        TrueRangeStart start)
    {
        var n = high.Length;
        if (smoothing == AtrSmoothing.Simple)
        {
            var kernel = new AtrKernel(period, smoothing, start);
            for (var i = 0; i < n; i++)
            {
                output[i] = kernel.Step(high[i], low[i], close[i]) ? kernel.Value : double.NaN;
            }

            return;
        }

        // Wilder: the same arithmetic as AtrKernel.Step, unrolled into its three phases.
        var first = start == TrueRangeStart.FirstBar ? 0 : 1; // index of the first true range
        var seeded = first + period - 1;                       // index of the first value
        var warm = Math.Min(seeded, n);
        output[..warm].Fill(double.NaN);
        if (n <= seeded)
        {
            return;
        }

        var sum = 0.0;
        for (var i = first; i < seeded; i++)
        {
            sum += i == 0 ? high[0] - low[0] : TrueRange.Of(high[i], low[i], close[i - 1]);
        }

        var last = seeded == 0 ? high[0] - low[0] : TrueRange.Of(high[seeded], low[seeded], close[seeded - 1]);
        var value = (sum + last) / period;
        output[seeded] = value;
        var decay = WilderSmoothing.Decay(period);
        var weight = WilderSmoothing.Weight(period);
        var previousClose = close[seeded];
        for (var i = seeded + 1; i < n; i++)
        {
            value = WilderSmoothing.Step(value, TrueRange.Of(high[i], low[i], previousClose), decay, weight);
            previousClose = close[i];
            output[i] = value;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static string NameOf(int period, AtrSmoothing smoothing)
    {
        var prefix = smoothing == AtrSmoothing.Simple ? "atr_sma" : "atr";
        return $"{prefix}_{IndicatorGuard.Period(period, prefix)}";
    }
}
