using System.Runtime.CompilerServices;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Donchian channel over the last <c>period</c> bars, the current bar included (<c>donchian:20</c> →
/// <c>donchian_20_high</c>, <c>donchian_20_low</c>, <c>donchian_20_mid</c>): highest high, lowest low and
/// their midpoint, as in LEAN's <c>spy_with_don50.txt</c>. Exact; O(1) amortized update.
/// </summary>
public sealed class DonchianChannel : IIndicator
{
    private readonly string[] _outputNames;
    private DonchianKernel _kernel;

    public DonchianChannel(int period = 20)
    {
        Name = NameOf(period);
        _outputNames = [$"{Name}_high", $"{Name}_low", $"{Name}_mid"];
        Period = period;
        _kernel = new DonchianKernel(period);
    }

    public string Name { get; }

    /// <summary><c>…_high</c>, <c>…_low</c>, <c>…_mid</c>.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public long Samples => _kernel.Samples;

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>Highest high of the window.</summary>
    public double High => _kernel.High;

    /// <summary>Lowest low of the window.</summary>
    public double Low => _kernel.Low;

    /// <summary>(high + low) / 2.</summary>
    public double Middle => _kernel.Middle;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        _kernel.StepCompact(bar.High, bar.Low);
    }

    public double GetOutput(int index) => index switch
    {
        0 => High,
        1 => Low,
        2 => Middle,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has 3 outputs (index 0 … 2)"),
    };

    public void Reset()
    {
        _kernel.Reset();
    }

    public override string ToString() => $"{Name}: high {High}, low {Low} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="DonchianChannel"/>.</summary>
    public static void Batch(ReadOnlySpan<double> high, ReadOnlySpan<double> low, Span<double> upper, Span<double> lower, Span<double> middle, int period = 20)
    {
        var name = NameOf(period);
        SeriesCheck.SameLength(high.Length, low.Length, name, nameof(low));
        IndicatorGuard.Lengths(high.Length, upper.Length, name, nameof(upper));
        IndicatorGuard.Lengths(high.Length, lower.Length, name, nameof(lower));
        IndicatorGuard.Lengths(high.Length, middle.Length, name, nameof(middle));
        SeriesCheck.Finite(high, name, nameof(high));
        SeriesCheck.Finite(low, name, nameof(low));
        var kernel = new DonchianKernel(period);
        for (var i = 0; i < high.Length; i++)
        {
            kernel.Step(high[i], low[i], inlineWindow: true);
            upper[i] = kernel.High;
            lower[i] = kernel.Low;
            middle[i] = kernel.Middle;
        }
    }

    /// <summary><c>donchian_20</c>: out of line, so that the kernel's constructor stays small enough to inline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static string NameOf(int period) => $"donchian_{IndicatorGuard.Period(period, "donchian")}";
}
