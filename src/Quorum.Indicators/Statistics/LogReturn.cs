namespace Quorum.Indicators.Statistics;

/// <summary>
/// Log return over <c>period</c> inputs, ln(x[t] / x[t − period]) (LEAN's LOGR, <c>spy_logr14.txt</c>); the first
/// value comes with input <c>period + 1</c>. Inputs must be positive prices.
/// </summary>
public sealed class LogReturn : PriceIndicator
{
    private readonly double[] _history;
    private int _next;

    public LogReturn(int period = 1, PriceSource source = PriceSource.Close)
        : base(NameOf(period, source), period + 1, source)
    {
        Period = period;
        _history = new double[period];
    }

    public int Period { get; }

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        SeriesCheck.Positive(input, Name, Samples + 1);
        Samples++;
        if (Samples > Period)
        {
            Value = Math.Log(input / _history[_next]);
        }

        _history[_next] = input;
        _next = _next + 1 == Period ? 0 : _next + 1;
    }

    public override void Reset()
    {
        base.Reset();
        Array.Clear(_history);
        _next = 0;
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="LogReturn"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period = 1)
    {
        var name = NameOf(period, PriceSource.Close);
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        SeriesCheck.Positive(input, name);
        var warm = Math.Min(period, input.Length);
        output[..warm].Fill(double.NaN);
        for (var i = period; i < input.Length; i++)
        {
            output[i] = Math.Log(input[i] / input[i - period]);
        }
    }

    private static string NameOf(int period, PriceSource source) =>
        IndicatorNames.WithSource($"logr_{IndicatorGuard.Period(period, "logr")}", source);
}
