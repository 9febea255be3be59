using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volume;

/// <summary>
/// Rolling volume-weighted average price over the last <c>period</c> bars: Σ(price·volume)/Σvolume,
/// with price the typical price (high + low + close)/3 by default (registry <c>vwap:50</c> →
/// <c>vwap_50</c>; <c>vwap:50:average</c> → <c>vwap_50_average</c> uses (open + high + low + close)/4,
/// the price LEAN's "Moving VWAP 50" of <c>spy_with_vwap.txt</c> weights). When the window's volume is
/// zero every bar weighs the same (the plain mean of the prices), so the value is never undefined after
/// warm-up. Volumes must be ≥ 0. O(1) amortized update without drift (see <see cref="WindowSum"/>:
/// a window of zero volume sums to exactly 0).
/// </summary>
public sealed class Vwap : IIndicator
{
    private readonly string[] _outputNames;
    private VwapKernel _kernel;

    public Vwap(int period, PriceSource source = PriceSource.Typical)
    {
        Name = NameOf(period, source);
        _outputNames = [Name];
        Period = period;
        Source = source;
        _kernel = new VwapKernel(period);
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    /// <summary>The price of a bar that is weighted by its volume.</summary>
    public PriceSource Source { get; }

    public int WarmUpPeriod => Period;

    public long Samples => _kernel.Samples;

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The VWAP; NaN during warm-up.</summary>
    public double Value => _kernel.Value;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        VolumeCheck.NotNegative(bar.Volume, Name, Samples + 1);
        _kernel.StepCompact(bar.Get(Source), bar.Volume);
    }

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        _kernel.Reset();
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>
    /// Batch form over a price column (for the streaming form's values, compute it as
    /// <see cref="OhlcvPoint.Get"/> does, e.g. with <see cref="OhlcvColumns.Get"/>) and a volume column.
    /// </summary>
    public static void Batch(ReadOnlySpan<double> price, ReadOnlySpan<double> volume, Span<double> output, int period)
    {
        var name = $"vwap_{IndicatorGuard.Period(period, "vwap")}";
        SeriesCheck.SameLength(price.Length, volume.Length, name, nameof(volume));
        IndicatorGuard.Lengths(price.Length, output.Length, name);
        SeriesCheck.Finite(price, name, nameof(price));
        SeriesCheck.Finite(volume, name, nameof(volume));
        VolumeCheck.NotNegative(volume, name);
        var kernel = new VwapKernel(period);
        for (var i = 0; i < price.Length; i++)
        {
            kernel.Step(price[i], volume[i], inlineWindow: true);
            output[i] = kernel.Value;
        }
    }

    /// <summary>Batch form over bars; identical to feeding them to a streaming <see cref="Vwap"/>.</summary>
    public static void Batch(OhlcvColumns bars, Span<double> output, int period, PriceSource source = PriceSource.Typical)
    {
        ArgumentNullException.ThrowIfNull(bars);
        Batch(bars.Get(source), bars.Volume, output, period);
    }

    private static string NameOf(int period, PriceSource source) =>
        IndicatorNames.WithSource($"vwap_{IndicatorGuard.Period(period, "vwap")}", source, PriceSource.Typical);
}
