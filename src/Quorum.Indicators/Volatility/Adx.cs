using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Wilder's directional movement system: ADX with +DI, −DI and ADXR (<c>adx:14</c> → columns
/// <c>adx_14</c>, <c>adx_14_plus_di</c>, <c>adx_14_minus_di</c>, <c>adx_14_adxr</c>), as in Wilder's book
/// and the StockCharts worksheet of LEAN's <c>spy_with_adx.txt</c>:
/// <list type="bullet">
/// <item>from the second bar, TR, +DM = up-move if it exceeds the down-move and is positive (else 0),
/// −DM likewise;</item>
/// <item>TRₙ, +DMₙ, −DMₙ start as the plain sums of the first n values (bars 2 … n + 1), then
/// S ← S − S/n + x;</item>
/// <item>±DI = 100·(±DMₙ)/TRₙ (0 when TRₙ = 0); DX = 100·|+DI − −DI|/(+DI + −DI) (0 when both are 0);</item>
/// <item>ADX starts as the mean of the first n DX, then ADX ← (ADX·(n − 1) + DX)/n (bar 2n);</item>
/// <item>ADXR = (ADX + ADX n − 1 bars earlier)/2 (bar 3n − 1).</item>
/// </list>
/// TA-Lib seeds the smoothed sums with n − 1 values and one smoothing step instead; the two agree once
/// the seed has decayed. Every output is NaN until ADXR exists (<see cref="WarmUpPeriod"/> = 3n − 1
/// bars), so that all four columns start on the same bar.
/// </summary>
public sealed class Adx : IIndicator
{
    private readonly string[] _outputNames;
    private AdxKernel _kernel;

    public Adx(int period = 14)
    {
        Name = NameOf(period);
        _outputNames = [Name, $"{Name}_plus_di", $"{Name}_minus_di", $"{Name}_adxr"];
        Period = period;
        WarmUpPeriod = (3 * period) - 1;
        _kernel = new AdxKernel(period);
    }

    public string Name { get; }

    /// <summary><c>adx_n</c>, <c>adx_n_plus_di</c>, <c>adx_n_minus_di</c>, <c>adx_n_adxr</c>.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public int WarmUpPeriod { get; }

    public long Samples => _kernel.Samples;

    public bool IsReady => _kernel.IsReady;

    /// <summary>ADX; NaN during warm-up.</summary>
    public double Value => _kernel.Value;

    /// <summary>+DI; NaN during warm-up.</summary>
    public double PlusDirectionalIndicator => _kernel.PlusDirectionalIndicator;

    /// <summary>−DI; NaN during warm-up.</summary>
    public double MinusDirectionalIndicator => _kernel.MinusDirectionalIndicator;

    /// <summary>ADXR, the average of ADX and ADX n − 1 bars earlier; NaN during warm-up.</summary>
    public double Rating => _kernel.Rating;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        _kernel.Step(bar.High, bar.Low, bar.Close);
    }

    /// <summary>Consumes one bar given as its high, low and close (the fields ADX reads).</summary>
    public void Update(double high, double low, double close) => _kernel.Update(high, low, close);

    public double GetOutput(int index) => index switch
    {
        0 => Value,
        1 => PlusDirectionalIndicator,
        2 => MinusDirectionalIndicator,
        3 => Rating,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has 4 outputs (index 0 … 3)"),
    };

    public void Reset()
    {
        _kernel.Reset();
    }

    public override string ToString() =>
        $"{Name} = {Value} (+DI {PlusDirectionalIndicator}, −DI {MinusDirectionalIndicator}, ADXR {Rating}; {Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="Adx"/>.</summary>
    public static void Batch(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> adx,
        Span<double> plusDi,
        Span<double> minusDi,
        Span<double> adxr,
        int period = 14)
    {
        var name = NameOf(period);
        Bars.Check(high, low, close, adx.Length, name, nameof(adx));
        IndicatorGuard.Lengths(high.Length, plusDi.Length, name, nameof(plusDi));
        IndicatorGuard.Lengths(high.Length, minusDi.Length, name, nameof(minusDi));
        IndicatorGuard.Lengths(high.Length, adxr.Length, name, nameof(adxr));
        var kernel = new AdxKernel(period);
        for (var i = 0; i < high.Length; i++)
        {
            if (kernel.Step(high[i], low[i], close[i]))
            {
                adx[i] = kernel.Value;
                plusDi[i] = kernel.PlusDirectionalIndicator;
                minusDi[i] = kernel.MinusDirectionalIndicator;
                adxr[i] = kernel.Rating;
            }
            else
            {
                adx[i] = plusDi[i] = minusDi[i] = adxr[i] = double.NaN;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static string NameOf(int period) => $"adx_{IndicatorGuard.Period(period, "adx")}";

    /// <summary>
    /// Directional movement: <paramref name="move"/> when it exceeds <paramref name="opposite"/> and is
    /// positive, else 0 (a tie gives 0 to both directions). Branch-free: which way a bar moves is
    /// unpredictable, and a mispredicted branch costs more than this arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Movement(double move, double opposite) =>
        Math.Max(move, 0.0) * Unsafe.BitCast<bool, byte>(move > opposite);
}
