namespace Quorum.Indicators.Statistics;

/// <summary>
/// Pearson correlation of two series over the last <c>period</c> pairs, for the portfolio
/// correlation limit (feed it both symbols' closes or returns, aligned on the bar time).
/// r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²); 0 when either series is constant over the window
/// (no linear co-movement can be measured); clamped to [−1, 1] against rounding. O(1) amortized
/// update without drift (see <see cref="WindowCovariance"/>). Matches LEAN's Pearson column of
/// <c>spy_qqq_corr.csv</c>. It takes pairs, not bars, so it is not an <see cref="IIndicator"/>.
/// </summary>
public sealed class RollingCorrelation
{
    private WindowCovariance _window;

    public RollingCorrelation(int period)
    {
        Name = NameOf(period);
        Period = period;
        _window = new WindowCovariance(period);
    }

    /// <summary>Canonical name, e.g. <c>corr_30</c>.</summary>
    public string Name { get; }

    public int Period { get; }

    public int WarmUpPeriod => Period;

    /// <summary>Pairs consumed since construction or the last <see cref="Reset"/>.</summary>
    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The correlation; NaN during warm-up.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Consumes one pair (x, y) observed at the same time.</summary>
    public void Update(double x, double y)
    {
        IndicatorGuard.Finite(x, Name, Samples + 1);
        IndicatorGuard.Finite(y, Name, Samples + 1);
        Samples++;
        _window.Add(x, y);
        if (_window.IsFull)
        {
            Value = _window.Correlation;
        }
    }

    public void Reset()
    {
        Samples = 0;
        Value = double.NaN;
        _window.Reset();
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>Batch form; identical to feeding the pairs to a streaming <see cref="RollingCorrelation"/>.</summary>
    public static void Batch(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> output, int period)
    {
        var name = NameOf(period);
        SeriesCheck.SameLength(x.Length, y.Length, name, nameof(y));
        IndicatorGuard.Lengths(x.Length, output.Length, name);
        SeriesCheck.Finite(x, name, nameof(x));
        SeriesCheck.Finite(y, name, nameof(y));
        var window = new WindowCovariance(period);
        for (var i = 0; i < x.Length; i++)
        {
            window.Add(x[i], y[i]);
            output[i] = window.IsFull ? window.Correlation : double.NaN;
        }
    }

    private static string NameOf(int period) => $"corr_{IndicatorGuard.Period(period, "corr", minimum: 2)}";
}
