using System.Runtime.CompilerServices;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Bollinger Bands over <c>period</c> inputs with <c>multiplier</c> deviations (<c>bb:20:2</c> → columns
/// <c>bb_20_2_middle</c>, <c>_upper</c>, <c>_lower</c>, <c>_width</c>, <c>_percent_b</c>):
/// <list type="bullet">
/// <item>middle = simple mean; upper/lower = middle ± multiplier·σ with the <b>population</b> standard
/// deviation (divide by n; Bollinger's definition, TA-Lib's and LEAN's — <c>spy_bollinger_bands.txt</c>
/// matches only this one);</item>
/// <item>width = 100·(upper − lower)/middle, percent of the middle band (StockCharts' BandWidth, the
/// file's column); 0 when the bands coincide (meant for prices: a middle band of 0 with a spread gives ±∞);</item>
/// <item>%B = (input − lower)/(upper − lower); 0.5 when the bands coincide (a constant window).</item>
/// </list>
/// O(1) amortized update without drift (see <see cref="WindowMoments"/>).
/// </summary>
public sealed class BollingerBands : IIndicator
{
    private readonly string[] _outputNames;
    private BollingerKernel _kernel;

    public BollingerBands(int period = 20, double multiplier = 2, PriceSource source = PriceSource.Close)
    {
        Name = IndicatorNames.WithSource(NameOf(period, multiplier), source);
        _outputNames = [$"{Name}_middle", $"{Name}_upper", $"{Name}_lower", $"{Name}_width", $"{Name}_percent_b"];
        Period = period;
        Multiplier = multiplier;
        Source = source;
        _kernel = new BollingerKernel(period, multiplier);
    }

    public string Name { get; }

    /// <summary><c>…_middle</c>, <c>…_upper</c>, <c>…_lower</c>, <c>…_width</c>, <c>…_percent_b</c>.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public double Multiplier { get; }

    public PriceSource Source { get; }

    public int WarmUpPeriod => Period;

    public long Samples => _kernel.Samples;

    public bool IsReady => Samples >= WarmUpPeriod;

    public double Middle => _kernel.Middle;

    public double Upper => _kernel.Upper;

    public double Lower => _kernel.Lower;

    /// <summary>100·(upper − lower)/middle.</summary>
    public double Width => _kernel.Width;

    /// <summary>(input − lower)/(upper − lower).</summary>
    public double PercentB => _kernel.PercentB;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        _kernel.StepCompact(bar.Get(Source));
    }

    /// <summary>Consumes one value of the input series.</summary>
    public void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        _kernel.StepCompact(input);
    }

    public double GetOutput(int index) => index switch
    {
        0 => Middle,
        1 => Upper,
        2 => Lower,
        3 => Width,
        4 => PercentB,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has 5 outputs (index 0 … 4)"),
    };

    public void Reset()
    {
        _kernel.Reset();
    }

    public override string ToString() =>
        $"{Name}: middle {Middle}, upper {Upper}, lower {Lower} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>
    /// Batch form; identical to feeding <paramref name="input"/> to a streaming <see cref="BollingerBands"/>.
    /// <paramref name="width"/> and <paramref name="percentB"/> may be empty spans to skip those outputs
    /// (each output is a stream of 8 bytes a bar through memory; the bands alone are what TA-Lib's BBANDS returns).
    /// </summary>
    public static void Batch(
        ReadOnlySpan<double> input,
        Span<double> middle,
        Span<double> upper,
        Span<double> lower,
        Span<double> width,
        Span<double> percentB,
        int period = 20,
        double multiplier = 2)
    {
        var name = NameOf(period, multiplier);
        var n = input.Length;
        IndicatorGuard.Lengths(n, middle.Length, name, nameof(middle));
        IndicatorGuard.Lengths(n, upper.Length, name, nameof(upper));
        IndicatorGuard.Lengths(n, lower.Length, name, nameof(lower));
        var withWidth = !width.IsEmpty;
        var withPercentB = !percentB.IsEmpty;
        if (withWidth)
        {
            IndicatorGuard.Lengths(n, width.Length, name, nameof(width));
        }

        if (withPercentB)
        {
            IndicatorGuard.Lengths(n, percentB.Length, name, nameof(percentB));
        }

        SeriesCheck.Finite(input, name);
        BatchCore(input, middle, upper, lower, width, percentB, period, multiplier, withWidth, withPercentB);
    }

    /// <summary>
    /// The batch loop: <see cref="WindowMoments"/>'s arithmetic operation for operation (so the values equal
    /// the streaming form bit for bit), with its state in locals and the window read straight from the input
    /// instead of a ring, which lets the JIT keep the running sums in registers.
    /// </summary>
    private static void BatchCore(
        ReadOnlySpan<double> input, Span<double> middle, Span<double> upper, Span<double> lower, Span<double> width, Span<double> percentB,
        int period, double multiplier, bool withWidth, bool withPercentB)
    {
        var n = input.Length;
        var suffix1 = new double[period + 1];
        var suffix2 = new double[period + 1];
        var inversePeriod = 1.0 / period;
        double shift = 0, back1 = 0, back2 = 0, sum1 = 0, sum2 = 0;
        var j = 0;
        var count = 0;
        var blockStart = 0;
        for (var i = 0; i < n; i++)
        {
            var value = input[i];
            if (count == 0)
            {
                shift = value;
            }

            var d = value - shift;
            back1 += d;
            back2 += d * d;
            sum1 = suffix1[j + 1] + back1;
            sum2 = suffix2[j + 1] + back2;
            if (count < period)
            {
                count++;
            }

            if (++j == period)
            {
                // WindowMoments.Flip on the block input[blockStart .. blockStart + period).
                shift = BlockSums.Rebuild<WindowMoments.Squares>(input.Slice(blockStart, period), suffix1, suffix2, out var s1, out var s2);
                sum1 = s1;
                sum2 = s2;
                back1 = 0;
                back2 = 0;
                j = 0;
                blockStart += period;
            }

            if (count < period)
            {
                middle[i] = upper[i] = lower[i] = double.NaN;
                if (withWidth)
                {
                    width[i] = double.NaN;
                }

                if (withPercentB)
                {
                    percentB[i] = double.NaN;
                }

                continue;
            }

            var m2 = sum2 - (sum1 * sum1 * inversePeriod);
            var mean = shift + (sum1 * inversePeriod);
            var offset = multiplier * Math.Sqrt((m2 > 0 ? m2 : 0) * inversePeriod);
            var u = mean + offset;
            var l = mean - offset;
            middle[i] = mean;
            upper[i] = u;
            lower[i] = l;
            if (withWidth || withPercentB)
            {
                var spread = u - l;
                if (withWidth)
                {
                    width[i] = BandWidth(mean, spread);
                }

                if (withPercentB)
                {
                    percentB[i] = PercentOfBand(value, l, spread);
                }
            }
        }
    }

    /// <summary>100·spread/middle; 0 when the bands coincide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double BandWidth(double middle, double spread) => spread > 0 ? 100.0 * spread / middle : 0;

    /// <summary>(input − lower)/spread; 0.5 when the bands coincide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double PercentOfBand(double input, double lower, double spread) => spread > 0 ? (input - lower) / spread : 0.5;

    /// <summary><c>bb_20_2</c>: out of line, so that the kernel's constructor stays small enough to inline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static string NameOf(int period, double multiplier) =>
        $"bb_{IndicatorGuard.Period(period, "bb")}_{IndicatorNames.Number(IndicatorGuard.Positive(multiplier, "bb", nameof(multiplier)))}";
}
