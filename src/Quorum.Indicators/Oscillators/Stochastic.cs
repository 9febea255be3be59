using System.Buffers;
using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// Stochastic oscillator (slow form, TA-Lib's and LEAN's definition): fast %K =
/// 100·(close − lowest low) / (highest high − lowest low) over <c>period</c> bars, %K = simple mean
/// of the last <c>kSmoothing</c> fast %K values (kSmoothing = 1 gives the fast stochastic), %D =
/// simple mean of the last <c>dPeriod</c> %K values. A bar range of zero (highest = lowest) gives
/// the neutral fast %K of 50 (TA-Lib gives 0). Both outputs are defined from sample
/// <c>period + kSmoothing + dPeriod − 2</c>, as in TA-Lib. Both means are drift-free window sums
/// (<see cref="WindowSum"/>, batch <see cref="Sma.WindowMeans"/>, as <see cref="Sma"/>).
/// </summary>
public sealed class Stochastic : IIndicator
{
    /// <summary>Fast %K when the window's highest high equals its lowest low.</summary>
    public const double Neutral = 50.0;

    private readonly string[] _outputNames;
    private StochasticKernel _kernel;

    public Stochastic(int period = 14, int kSmoothing = 3, int dPeriod = 3)
    {
        Validate(period, kSmoothing, dPeriod);
        Period = period;
        KSmoothing = kSmoothing;
        DPeriod = dPeriod;
        Name = NameOf(period, kSmoothing, dPeriod);
        _outputNames = [$"{Name}_k", $"{Name}_d"];
        WarmUpPeriod = period + kSmoothing + dPeriod - 2;
        _kernel = new StochasticKernel(period, kSmoothing, dPeriod);
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Look-back of the highest high and lowest low.</summary>
    public int Period { get; }

    /// <summary>Length of the simple mean that turns fast %K into %K.</summary>
    public int KSmoothing { get; }

    /// <summary>Length of the simple mean of %K that gives %D.</summary>
    public int DPeriod { get; }

    public int WarmUpPeriod { get; }

    public long Samples => _kernel.Samples;

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>%K (smoothed); NaN during warm-up.</summary>
    public double K => _kernel.K;

    /// <summary>%D; NaN during warm-up.</summary>
    public double D => _kernel.D;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        _kernel.StepCompact(bar.High, bar.Low, bar.Close);
    }

    /// <summary>Consumes one bar given as its high, low and close.</summary>
    public void Update(double high, double low, double close)
    {
        BarSpans.RequireFinite(high, low, close, Name, Samples + 1);
        _kernel.StepCompact(high, low, close);
    }

    public double GetOutput(int index) => index switch
    {
        0 => K,
        1 => D,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has two outputs (0 %K, 1 %D)"),
    };

    public void Reset()
    {
        _kernel.Reset();
    }

    public override string ToString() => $"{Name} = {K} / {D} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>
    /// Batch form over spans of highs, lows and closes (equal lengths); identical to feeding the bars to a
    /// streaming <see cref="Stochastic"/>. <paramref name="k"/> and <paramref name="d"/> must be at least as long.
    /// </summary>
    public static void Batch(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> k, Span<double> d, int period = 14, int kSmoothing = 3, int dPeriod = 3)
    {
        Validate(period, kSmoothing, dPeriod);
        var name = NameOf(period, kSmoothing, dPeriod);
        BarSpans.Require(high, low, close, name);
        IndicatorGuard.Lengths(close.Length, k.Length, name, nameof(k));
        IndicatorGuard.Lengths(close.Length, d.Length, name, nameof(d));
        var n = close.Length;
        k = k[..n];
        d = d[..n];
        var warmUp = period + kSmoothing + dPeriod - 2;
        var rented = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            // Pass 1: extremes. Pass 2: fast %K over the highest column. Pass 3: %K = SMA(fast %K) into the
            // lowest column, %D = SMA(%K), by Sma.WindowMeans: WindowSum's operations, as the streaming form.
            var highest = rented.AsSpan(0, n);
            var lowest = rented.AsSpan(n, n);
            RollingHighLow.Batch(high, low, period, highest, lowest);
            var fast = highest;
            for (var i = period - 1; i < n; i++)
            {
                fast[i] = FastK(close[i], highest[i], lowest[i]);
            }

            var smoothed = lowest;
            var fastFirst = Math.Min(period - 1, n);
            Sma.WindowMeans(fast[fastFirst..], smoothed[fastFirst..], kSmoothing);
            var kFirst = Math.Min(period + kSmoothing - 2, n);
            Sma.WindowMeans(smoothed[kFirst..], d[kFirst..], dPeriod);
            var warm = Math.Min(warmUp - 1, n);
            k[..warm].Fill(double.NaN);
            d[..warm].Fill(double.NaN);
            smoothed[warm..].CopyTo(k[warm..]);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>100·(close − lowest) / (highest − lowest); <see cref="Neutral"/> for a zero range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FastK(double close, double highest, double lowest)
    {
        var range = highest - lowest;
        return range > 0 ? 100.0 * (close - lowest) / range : Neutral;
    }

    /// <summary><c>stoch_14_3_3</c>, after validating the periods: out of line, so that the kernel's constructor stays small enough to inline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static string NameOf(int period, int kSmoothing, int dPeriod)
    {
        Validate(period, kSmoothing, dPeriod);
        return $"stoch_{period}_{kSmoothing}_{dPeriod}";
    }

    private static void Validate(int period, int kSmoothing, int dPeriod)
    {
        IndicatorGuard.Period(period, "stoch");
        IndicatorGuard.Period(kSmoothing, "stoch", "k smoothing");
        IndicatorGuard.Period(dPeriod, "stoch", "d period");
    }
}
