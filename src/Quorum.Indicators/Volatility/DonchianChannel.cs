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
    private WindowMaximum _highs;
    private WindowMaximum _negatedLows;

    public DonchianChannel(int period = 20)
    {
        Name = NameOf(period);
        _outputNames = [$"{Name}_high", $"{Name}_low", $"{Name}_mid"];
        Period = period;
        _highs = new WindowMaximum(period);
        _negatedLows = new WindowMaximum(period);
    }

    public string Name { get; }

    /// <summary><c>…_high</c>, <c>…_low</c>, <c>…_mid</c>.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public int WarmUpPeriod => Period;

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>Highest high of the window.</summary>
    public double High { get; private set; } = double.NaN;

    /// <summary>Lowest low of the window.</summary>
    public double Low { get; private set; } = double.NaN;

    /// <summary>(high + low) / 2.</summary>
    public double Middle { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        Samples++;
        _highs.Add(bar.High);
        _negatedLows.Add(-bar.Low);
        if (_highs.IsFull)
        {
            High = _highs.Maximum;
            Low = -_negatedLows.Maximum;
            Middle = (High + Low) / 2;
        }
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
        Samples = 0;
        High = Low = Middle = double.NaN;
        _highs.Reset();
        _negatedLows.Reset();
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
        var highs = new WindowMaximum(period);
        var negatedLows = new WindowMaximum(period);
        for (var i = 0; i < high.Length; i++)
        {
            highs.Add(high[i]);
            negatedLows.Add(-low[i]);
            if (highs.IsFull)
            {
                var h = highs.Maximum;
                var l = -negatedLows.Maximum;
                upper[i] = h;
                lower[i] = l;
                middle[i] = (h + l) / 2;
            }
            else
            {
                upper[i] = lower[i] = middle[i] = double.NaN;
            }
        }
    }

    private static string NameOf(int period) => $"donchian_{IndicatorGuard.Period(period, "donchian")}";
}
