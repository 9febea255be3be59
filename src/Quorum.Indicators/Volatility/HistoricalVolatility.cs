using Quorum.Core.Time;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Historical (realized) volatility, annualized: the <b>sample</b> standard deviation (divide by n − 1)
/// of the last <c>period</c> log returns ln(xₜ/xₜ₋₁), times √(periods per year). Crypto trades around
/// the clock, so a timeframe's periods per year are 365 days divided by its length: 1m → 525 600,
/// 1h → 8 760, 4h → 2 190, 1d → 365, 1w → 365/7 ≈ 52.14 (<see cref="PeriodsPerYear"/>). Registry
/// <c>hv:20:1h</c> → <c>hv_20_1h</c>. The first value comes with input <c>period + 1</c>; period ≥ 2.
/// Inputs must be positive prices.
/// </summary>
public sealed class HistoricalVolatility : PriceIndicator
{
    private readonly double _annualization;
    private WindowMoments _returns;
    private double _previous;

    /// <summary>Annualized for bars of <paramref name="timeframe"/> (see <see cref="PeriodsPerYear"/>).</summary>
    public HistoricalVolatility(int period, Timeframe timeframe, PriceSource source = PriceSource.Close)
        : this(period, PeriodsPerYear(timeframe), $"hv_{IndicatorGuard.Period(period, "hv", minimum: 2)}_{timeframe.Name}", source)
    {
    }

    /// <summary>Annualized with <paramref name="periodsPerYear"/> bars a year (1 gives the per-bar deviation).</summary>
    public HistoricalVolatility(int period, double periodsPerYear, PriceSource source = PriceSource.Close)
        : this(period, periodsPerYear, $"hv_{IndicatorGuard.Period(period, "hv", minimum: 2)}_{IndicatorNames.Number(periodsPerYear)}", source)
    {
    }

    private HistoricalVolatility(int period, double periodsPerYear, string name, PriceSource source)
        : base(IndicatorNames.WithSource(name, source), period + 1, source)
    {
        IndicatorGuard.Positive(periodsPerYear, "hv", nameof(periodsPerYear));
        Period = period;
        BarsPerYear = periodsPerYear;
        _annualization = Math.Sqrt(periodsPerYear);
        _returns = new WindowMoments(period);
    }

    /// <summary>Number of log returns in the window.</summary>
    public int Period { get; }

    /// <summary>The annualization's periods per year.</summary>
    public double BarsPerYear { get; }

    /// <summary>Bars of <paramref name="timeframe"/> in a 365-day year of round-the-clock trading.</summary>
    public static double PeriodsPerYear(Timeframe timeframe)
    {
        if (timeframe.Milliseconds <= 0)
        {
            throw new ArgumentException("hv: the timeframe is not set (use one of 1m … 1w)", nameof(timeframe));
        }

        return 365.0 * Timeframe.DayMs / timeframe.Milliseconds;
    }

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        SeriesCheck.Positive(input, Name, Samples + 1);
        Samples++;
        if (Samples > 1)
        {
            _returns.Add(Math.Log(input / _previous));
            if (_returns.IsFull)
            {
                Value = Math.Sqrt(_returns.SampleVariance) * _annualization;
            }
        }

        _previous = input;
    }

    public override void Reset()
    {
        base.Reset();
        _returns.Reset();
        _previous = 0;
    }

    /// <summary>Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="HistoricalVolatility"/>.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period, Timeframe timeframe) =>
        Batch(input, output, period, PeriodsPerYear(timeframe));

    /// <summary>Batch form with an explicit number of periods per year.</summary>
    public static void Batch(ReadOnlySpan<double> input, Span<double> output, int period, double periodsPerYear)
    {
        var name = $"hv_{IndicatorGuard.Period(period, "hv", minimum: 2)}";
        IndicatorGuard.Positive(periodsPerYear, name, nameof(periodsPerYear));
        IndicatorGuard.Lengths(input.Length, output.Length, name);
        SeriesCheck.Finite(input, name);
        SeriesCheck.Positive(input, name);
        var annualization = Math.Sqrt(periodsPerYear);
        var returns = new WindowMoments(period);
        if (input.Length > 0)
        {
            output[0] = double.NaN;
        }

        for (var i = 1; i < input.Length; i++)
        {
            returns.Add(Math.Log(input[i] / input[i - 1]));
            output[i] = returns.IsFull ? Math.Sqrt(returns.SampleVariance) * annualization : double.NaN;
        }
    }
}
