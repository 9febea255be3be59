using System.Runtime.CompilerServices;
using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Oscillators;

/// <summary>
/// Moving average convergence/divergence: MACD = EMA(fast) − EMA(slow), signal = EMA(signal) of
/// MACD, histogram = MACD − signal. Every EMA is an <see cref="Ema"/> (seeded with the simple mean
/// of its first inputs) and both price EMAs start at the first input, so MACD here is exactly
/// <c>Ema(fast) − Ema(slow)</c>: LEAN's convention, which LEAN's spy_with_indicators.txt confirms
/// (its first MACD rows rule out TA-Lib's seed; see the tests). TA-Lib
/// instead seeds the fast EMA with the mean of bars slow − fast … slow − 1 so that both EMAs begin
/// on the same bar; the two conventions differ at first and converge geometrically (factor
/// 1 − 2/(fast + 1) per bar). All three outputs are defined from sample <c>slow + signal − 1</c>.
/// </summary>
public sealed class Macd : IPriceIndicator
{
    private readonly string[] _outputNames;
    private MacdKernel _kernel;

    public Macd(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9, PriceSource source = PriceSource.Close)
    {
        _kernel = new MacdKernel(fastPeriod, slowPeriod, signalPeriod);
        FastPeriod = fastPeriod;
        SlowPeriod = slowPeriod;
        SignalPeriod = signalPeriod;
        Source = source;
        Name = NameOf(fastPeriod, slowPeriod, signalPeriod);
        _outputNames = [Name, $"{Name}_signal", $"{Name}_hist"];
        WarmUpPeriod = _kernel.WarmUpPeriod;
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public int SignalPeriod { get; }

    public PriceSource Source { get; }

    public int WarmUpPeriod { get; }

    public long Samples => _kernel.Samples;

    public bool IsReady => _kernel.IsReady;

    /// <summary>The MACD line, EMA(fast) − EMA(slow); NaN during warm-up.</summary>
    public double Value => _kernel.Value;

    /// <summary>EMA(signal) of the MACD line; NaN during warm-up.</summary>
    public double Signal => _kernel.Signal;

    /// <summary>MACD − signal; NaN during warm-up.</summary>
    public double Histogram => _kernel.Histogram;

    public void Update(in OhlcvPoint bar) => _kernel.Update(bar.Get(Source));

    public void Update(double input) => _kernel.Update(input);

    public double GetOutput(int index) => index switch
    {
        0 => Value,
        1 => Signal,
        2 => Histogram,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has three outputs (0 macd, 1 signal, 2 histogram)"),
    };

    public void Reset()
    {
        _kernel.Reset();
    }

    public override string ToString() =>
        $"{Name} = {Value} / {Signal} / {Histogram} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>
    /// Batch form over a span; identical to feeding <paramref name="input"/> to a streaming <see cref="Macd"/>.
    /// Each output span must be at least as long as the input.
    /// </summary>
    public static void Batch(
        ReadOnlySpan<double> input, Span<double> macd, Span<double> signal, Span<double> histogram, int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        Validate(fastPeriod, slowPeriod, signalPeriod);
        IndicatorGuard.Lengths(input.Length, macd.Length, "macd", nameof(macd));
        IndicatorGuard.Lengths(input.Length, signal.Length, "macd", nameof(signal));
        IndicatorGuard.Lengths(input.Length, histogram.Length, "macd", nameof(histogram));
        FiniteScan.Require(input, NameOf(fastPeriod, slowPeriod, signalPeriod));
        var n = input.Length;
        macd = macd[..n];
        signal = signal[..n];
        histogram = histogram[..n];
        var f = new Factors(fastPeriod, slowPeriod, signalPeriod);
        var warmUp = slowPeriod + signalPeriod - 1;
        double fast = 0, slow = 0, smoothed = 0;
        Seed fastSeed = default, slowSeed = default, signalSeed = default;
        var warm = Math.Min(warmUp, n);
        for (var i = 0; i < warm; i++)
        {
            var x = input[i];
            var sample = i + 1;
            fast = ExponentialSmoothing.Update(sample, fastPeriod, ref fastSeed.Origin, ref fastSeed.OffsetSum, fast, x, f.FastGain, f.FastDecay);
            slow = ExponentialSmoothing.Update(sample, slowPeriod, ref slowSeed.Origin, ref slowSeed.OffsetSum, slow, x, f.SlowGain, f.SlowDecay);
            var lines = sample - slowPeriod + 1;
            if (lines > 0)
            {
                smoothed = ExponentialSmoothing.Update(lines, signalPeriod, ref signalSeed.Origin, ref signalSeed.OffsetSum, smoothed, fast - slow, f.SignalGain, f.SignalDecay);
            }

            macd[i] = signal[i] = histogram[i] = double.NaN;
        }

        if (n < warmUp)
        {
            return;
        }

        var first = fast - slow;
        macd[warmUp - 1] = first;
        signal[warmUp - 1] = smoothed;
        histogram[warmUp - 1] = first - smoothed;
        double fastGain = f.FastGain, fastDecay = f.FastDecay, slowGain = f.SlowGain, slowDecay = f.SlowDecay;
        double signalGain = f.SignalGain, signalDecay = f.SignalDecay;
        for (var i = warmUp; i < n; i++)
        {
            var x = input[i];
            fast = ExponentialSmoothing.Step(fast, x, fastGain, fastDecay);
            slow = ExponentialSmoothing.Step(slow, x, slowGain, slowDecay);
            var line = fast - slow;
            smoothed = ExponentialSmoothing.Step(smoothed, line, signalGain, signalDecay);
            macd[i] = line;
            signal[i] = smoothed;
            histogram[i] = line - smoothed;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static string NameOf(int fastPeriod, int slowPeriod, int signalPeriod) => $"macd_{fastPeriod}_{slowPeriod}_{signalPeriod}";

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Validate(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        IndicatorGuard.Period(fastPeriod, "macd", "fast period");
        IndicatorGuard.Period(slowPeriod, "macd", "slow period");
        IndicatorGuard.Period(signalPeriod, "macd", "signal period");
        if (slowPeriod <= fastPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(slowPeriod), slowPeriod, $"macd: slow period {slowPeriod} is out of range (slow period > fast period {fastPeriod})");
        }
    }

    /// <summary>Seed state of one SMA-seeded EMA (see <see cref="ExponentialSmoothing.Update"/>).</summary>
    private struct Seed
    {
        public double Origin;
        public double OffsetSum;
    }

    /// <summary>The gain/decay pairs of the three EMAs.</summary>
    private readonly struct Factors(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        public readonly double FastGain = ExponentialSmoothing.Gain(Ema.Alpha(fastPeriod));

        public readonly double FastDecay = ExponentialSmoothing.Decay(Ema.Alpha(fastPeriod));

        public readonly double SlowGain = ExponentialSmoothing.Gain(Ema.Alpha(slowPeriod));

        public readonly double SlowDecay = ExponentialSmoothing.Decay(Ema.Alpha(slowPeriod));

        public readonly double SignalGain = ExponentialSmoothing.Gain(Ema.Alpha(signalPeriod));

        public readonly double SignalDecay = ExponentialSmoothing.Decay(Ema.Alpha(signalPeriod));
    }
}
