namespace Quorum.Indicators.Averages;

/// <summary>
/// Exponential moving average, α = 2 / (period + 1), seeded with the simple average of the first
/// <c>period</c> inputs (TA-Lib's and LEAN's convention): the first value is at sample <c>period</c>.
/// </summary>
public sealed class Ema : PriceIndicator
{
    private readonly double _alpha;
    private double _seedSum;

    public Ema(int period, PriceSource source = PriceSource.Close)
        : base($"ema_{IndicatorGuard.Period(period, "ema")}", period, source)
    {
        Period = period;
        _alpha = 2.0 / (period + 1);
    }

    public int Period { get; }

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        Samples++;
        if (Samples < Period)
        {
            _seedSum += input;
            return;
        }

        if (Samples == Period)
        {
            Value = (_seedSum + input) / Period;
            return;
        }

        Value += _alpha * (input - Value);
    }

    public override void Reset()
    {
        base.Reset();
        _seedSum = 0;
    }

    /// <summary>Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Ema"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period)
    {
        IndicatorGuard.Period(period, "ema");
        IndicatorGuard.Lengths(input.Length, output.Length, "ema");
        var alpha = 2.0 / (period + 1);
        var seedSum = 0.0;
        var warm = Math.Min(period - 1, input.Length);
        for (var i = 0; i < warm; i++)
        {
            var x = input[i];
            IndicatorGuard.Finite(x, "ema", i + 1);
            seedSum += x;
            output[i] = double.NaN;
        }

        if (input.Length < period)
        {
            return;
        }

        var last = input[period - 1];
        IndicatorGuard.Finite(last, "ema", period);
        var value = (seedSum + last) / period;
        output[period - 1] = value;
        for (var i = period; i < input.Length; i++)
        {
            var x = input[i];
            IndicatorGuard.Finite(x, "ema", i + 1);
            value += alpha * (x - value);
            output[i] = value;
        }
    }
}
