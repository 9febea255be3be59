using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// Cutler's relative strength index: like <see cref="Rsi"/> but the average gain and loss are
/// simple means of the last <c>period</c> changes instead of Wilder averages, so the value
/// depends only on the window (LEAN's <c>RelativeStrengthIndex</c> with
/// <c>MovingAverageType.Simple</c>). RSI = 100·ΣG / (ΣG + ΣL); 50 when the window holds no change.
/// O(1) per update with running sums; a sum whose window holds no non-zero term is reset to exactly
/// zero, so rounding residue can never make an all-gain window read 99.99… instead of 100.
/// First value at sample <c>period + 1</c>.
/// </summary>
public sealed class CutlerRsi : PriceIndicator
{
    private readonly double[] _changes;
    private int _next;
    private double _previous;
    private double _gainSum;
    private double _lossSum;
    private int _gains;
    private int _losses;

    public CutlerRsi(int period, PriceSource source = PriceSource.Close)
        : base($"cutler_rsi_{IndicatorGuard.Period(period, "cutler_rsi")}", period + 1, source)
    {
        Period = period;
        _changes = new double[period];
    }

    public int Period { get; }

    public override void Update(double input)
    {
        if (!double.IsFinite(input))
        {
            IndicatorGuard.Finite(input, Name, Samples + 1);
        }

        var n = ++Samples;
        var change = input - _previous;
        _previous = input;
        if (n == 1)
        {
            return;
        }

        var changes = _changes;
        var next = _next;
        if (n > WarmUpPeriod)
        {
            Remove(changes[next], ref _gainSum, ref _lossSum, ref _gains, ref _losses);
        }

        Add(change, ref _gainSum, ref _lossSum, ref _gains, ref _losses);
        changes[next] = change;
        _next = next + 1 == changes.Length ? 0 : next + 1;
        if (n >= WarmUpPeriod)
        {
            Value = Rsi.Index(_gainSum, _lossSum);
        }
    }

    public override void Reset()
    {
        base.Reset();
        Array.Clear(_changes);
        _next = 0;
        _previous = 0;
        _gainSum = 0;
        _lossSum = 0;
        _gains = 0;
        _losses = 0;
    }

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="CutlerRsi"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        IndicatorGuard.Period(period, "cutler_rsi");
        IndicatorGuard.Lengths(input.Length, output.Length, "cutler_rsi");
        FiniteScan.Require(input, $"cutler_rsi_{period}");
        var n = input.Length;
        output = output[..n];
        double gainSum = 0, lossSum = 0;
        int gains = 0, losses = 0;
        for (var i = 0; i < n; i++)
        {
            if (i > period)
            {
                Remove(input[i - period] - input[i - period - 1], ref gainSum, ref lossSum, ref gains, ref losses);
            }

            if (i > 0)
            {
                Add(input[i] - input[i - 1], ref gainSum, ref lossSum, ref gains, ref losses);
            }

            output[i] = i >= period ? Rsi.Index(gainSum, lossSum) : double.NaN;
        }
    }

    private static void Add(double change, ref double gainSum, ref double lossSum, ref int gains, ref int losses)
    {
        // Branch-free: a change is either a gain or a loss (or neither); adding 0 changes no sum.
        var gain = Math.Max(change, 0.0);
        gainSum += gain;
        lossSum += gain - change;
        gains += change > 0 ? 1 : 0;
        losses += change < 0 ? 1 : 0;
    }

    private static void Remove(double change, ref double gainSum, ref double lossSum, ref int gains, ref int losses)
    {
        var gain = Math.Max(change, 0.0);
        gains -= change > 0 ? 1 : 0;
        losses -= change < 0 ? 1 : 0;
        gainSum = gains == 0 ? 0.0 : gainSum - gain;
        lossSum = losses == 0 ? 0.0 : lossSum - (gain - change);
    }
}
