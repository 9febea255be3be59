using Quorum.Indicators.Averages;

namespace Quorum.Indicators;

/// <summary>
/// Base of single-input indicators: fed values directly (<see cref="Update(double)"/>) or whole bars,
/// of which it takes <see cref="Source"/> (close by default).
/// </summary>
public abstract class PriceIndicator : IPriceIndicator
{
    private readonly string[] _outputNames;

    protected PriceIndicator(string name, int warmUpPeriod, PriceSource source)
    {
        Name = name;
        WarmUpPeriod = warmUpPeriod;
        Source = source;
        _outputNames = [name];
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public int WarmUpPeriod { get; }

    public PriceSource Source { get; }

    public long Samples { get; protected set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    public double Value { get; protected set; } = double.NaN;

    public void Update(in OhlcvPoint bar) => Update(bar.Get(Source));

    public abstract void Update(double input);

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public virtual void Reset()
    {
        Samples = 0;
        Value = double.NaN;
    }

    /// <summary>
    /// The checks of a single-input batch form, in order (period, output length, finite input; each throws naming
    /// <paramref name="indicator"/>). The caller cuts <paramref name="output"/> to the input's length itself, so the
    /// JIT sees both lengths equal and drops the bounds checks of its loop (returning the cut span cost RSI's batch ~10 %).
    /// </summary>
    private protected static void CheckBatch(string indicator, ReadOnlySpan<double> input, Span<double> output, int period)
    {
        IndicatorGuard.Period(period, indicator);
        IndicatorGuard.Lengths(input.Length, output.Length, indicator);
        FiniteScan.Require(input, $"{indicator}_{period}");
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";
}
