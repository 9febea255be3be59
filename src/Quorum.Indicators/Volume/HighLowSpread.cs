using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volume;

/// <summary>
/// Corwin–Schultz (2012) bid-ask spread estimate from highs and lows, as a fraction of the price (0.001 = 10 bp),
/// averaged over the last <c>period</c> two-bar estimates (<c>hl_spread_20</c>). For bars t − 1 and t:
/// β = ln(H₁/L₁)² + ln(H₂/L₂)², γ = ln(max(H₁, H₂)/min(L₁, L₂))², k = 3 − 2√2,
/// α = (√(2β) − √β)/k − √(γ/k), S = 2(e^α − 1)/(1 + e^α); a negative two-bar estimate counts as 0 (the paper's
/// usual treatment). The daily-close overnight adjustment of the paper is not applied: crypto trades around the
/// clock. First value at bar <c>period + 1</c>. Lows must be positive.
/// </summary>
public sealed class HighLowSpread : IIndicator
{
    private static readonly double K = 3.0 - (2.0 * Math.Sqrt(2.0));
    private readonly string[] _outputNames;
    private WindowSum _estimates;
    private double _previousHigh = double.NaN;
    private double _previousLow = double.NaN;

    public HighLowSpread(int period = 20)
    {
        Name = $"hl_spread_{IndicatorGuard.Period(period, "hl_spread")}";
        _outputNames = [Name];
        Period = period;
        _estimates = new WindowSum(period);
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public int WarmUpPeriod => Period + 1;

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The mean spread estimate, a fraction of the price; NaN during warm-up.</summary>
    public double Value { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        if (!(bar.Low > 0) || bar.High < bar.Low)
        {
            throw new ArgumentOutOfRangeException(nameof(bar), bar, $"{Name}: bar #{Samples + 1} has low {bar.Low} and high {bar.High}; the estimate needs 0 < low ≤ high");
        }

        Samples++;
        if (Samples > 1)
        {
            _estimates.Add(Estimate(_previousHigh, _previousLow, bar.High, bar.Low));
            if (_estimates.IsFull)
            {
                Value = _estimates.Sum / Period;
            }
        }

        _previousHigh = bar.High;
        _previousLow = bar.Low;
    }

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        Samples = 0;
        Value = double.NaN;
        _previousHigh = _previousLow = double.NaN;
        _estimates.Reset();
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>The two-bar estimate S of bars (high₁, low₁) and (high₂, low₂), floored at 0.</summary>
    public static double Estimate(double high1, double low1, double high2, double low2)
    {
        var first = Math.Log(high1 / low1);
        var second = Math.Log(high2 / low2);
        var beta = (first * first) + (second * second);
        var joint = Math.Log(Math.Max(high1, high2) / Math.Min(low1, low2));
        var gamma = joint * joint;
        var alpha = ((Math.Sqrt(2.0 * beta) - Math.Sqrt(beta)) / K) - Math.Sqrt(gamma / K);
        var exp = Math.Exp(alpha);
        return Math.Max(0.0, 2.0 * (exp - 1.0) / (1.0 + exp));
    }
}
