namespace Quorum.Indicators.Tests.Averages;

/// <summary>
/// Independent, deliberately naive O(N·period) recomputations from the textbook definitions, written
/// without the library's running sums, fused multiply-adds or shared helpers. NaN before the first value.
/// </summary>
internal static class Naive
{
    public static double[] Sma(IReadOnlyList<double> x, int period) =>
        Windowed(x.Count, period, i => Enumerable.Range(i - period + 1, period).Sum(j => x[j]) / period);

    public static double[] Wma(IReadOnlyList<double> x, int period) =>
        Windowed(x.Count, period, i => Enumerable.Range(0, period).Sum(k => (k + 1) * x[i - period + 1 + k]) / (period * (period + 1) / 2.0));

    /// <summary>Seeded with the mean of the first period values, then value + α·(x − value).</summary>
    public static double[] SeededExponential(IReadOnlyList<double> x, int period, double alpha, int start = 0)
    {
        var result = Checks.Missing(x.Count);
        if (x.Count - start < period)
        {
            return result;
        }

        var value = Enumerable.Range(start, period).Sum(j => x[j]) / period;
        result[start + period - 1] = value;
        for (var i = start + period; i < x.Count; i++)
        {
            value += alpha * (x[i] - value);
            result[i] = value;
        }

        return result;
    }

    public static double[] Ema(IReadOnlyList<double> x, int period, int start = 0) => SeededExponential(x, period, 2.0 / (period + 1), start);

    /// <summary>Wilder's recursion as he wrote it: (previous·(period − 1) + x) / period.</summary>
    public static double[] Rma(IReadOnlyList<double> x, int period)
    {
        var result = Checks.Missing(x.Count);
        if (x.Count < period)
        {
            return result;
        }

        var value = x.Take(period).Sum() / period;
        result[period - 1] = value;
        for (var i = period; i < x.Count; i++)
        {
            value = ((value * (period - 1)) + x[i]) / period;
            result[i] = value;
        }

        return result;
    }

    /// <summary>Changes x[i] − x[i − 1] for i ≥ 1 (index i − 1).</summary>
    public static double[] Changes(IReadOnlyList<double> x) => Enumerable.Range(1, Math.Max(0, x.Count - 1)).Select(i => x[i] - x[i - 1]).ToArray();

    /// <summary>Wilder's RSI: 100 − 100 / (1 + RS), RS = Wilder-averaged gains / losses; 50 on a window without changes.</summary>
    public static double[] WilderRsi(IReadOnlyList<double> x, int period)
    {
        var changes = Changes(x);
        var gains = Rma(changes.Select(c => c > 0 ? c : 0).ToArray(), period);
        var losses = Rma(changes.Select(c => c < 0 ? -c : 0).ToArray(), period);
        return Shifted(x.Count, i => Rs(gains[i - 1], losses[i - 1]));
    }

    /// <summary>Cutler's RSI: plain means of the gains and losses of the last period changes.</summary>
    public static double[] CutlerRsi(IReadOnlyList<double> x, int period)
    {
        var changes = Changes(x);
        return Shifted(x.Count, i =>
        {
            if (i < period)
            {
                return double.NaN;
            }

            var window = changes.Skip(i - period).Take(period).ToArray();
            return Rs(window.Where(c => c > 0).Sum() / period, window.Where(c => c < 0).Sum(c => -c) / period);
        });
    }

    /// <summary>
    /// MACD line = EMA(fast) − EMA(slow), signal = EMA(signalPeriod) of the line from its first value,
    /// histogram = line − signal. <paramref name="fastStart"/> = slow − fast gives TA-Lib's late fast seed.
    /// </summary>
    public static double[] Macd(IReadOnlyList<double> x, int fast, int slow, int signalPeriod, out double[] signal, out double[] histogram, int fastStart = 0)
    {
        var fastEma = Ema(x, fast, fastStart);
        var slowEma = Ema(x, slow);
        var line = x.Select((_, i) => fastEma[i] - slowEma[i]).ToArray();
        var first = Array.FindIndex(line, v => !double.IsNaN(v));
        var smoothed = first < 0 ? Checks.Missing(x.Count) : Ema(line, signalPeriod, first);
        signal = smoothed;
        histogram = line.Select((v, i) => v - smoothed[i]).ToArray();
        return line;
    }

    public static double[] FastStochastic(OhlcvColumns bars, int period) =>
        Windowed(bars.Length, period, i =>
        {
            var highest = Enumerable.Range(i - period + 1, period).Max(j => bars.High[j]);
            var lowest = Enumerable.Range(i - period + 1, period).Min(j => bars.Low[j]);
            return highest == lowest ? 50 : 100 * (bars.Close[i] - lowest) / (highest - lowest);
        });

    /// <summary>Mean of the last <paramref name="period"/> values where all are numbers.</summary>
    public static double[] MeanOfDefined(IReadOnlyList<double> x, int period) =>
        Windowed(x.Count, period, i =>
        {
            var window = Enumerable.Range(i - period + 1, period).Select(j => x[j]).ToArray();
            return window.Any(double.IsNaN) ? double.NaN : window.Sum() / period;
        });

    public static double[] WilliamsR(OhlcvColumns bars, int period) =>
        Windowed(bars.Length, period, i =>
        {
            var highest = Enumerable.Range(i - period + 1, period).Max(j => bars.High[j]);
            var lowest = Enumerable.Range(i - period + 1, period).Min(j => bars.Low[j]);
            return highest == lowest ? -50 : -100 * (highest - bars.Close[i]) / (highest - lowest);
        });

    /// <summary>Typical price (h + l + c) / 3 of every bar.</summary>
    public static double[] Typical(OhlcvColumns bars) => Enumerable.Range(0, bars.Length).Select(i => (bars.High[i] + bars.Low[i] + bars.Close[i]) / 3).ToArray();

    /// <summary>
    /// Lambert's CCI with the plain two-pass mean and mean absolute deviation; 0 for a window of equal
    /// typical prices (where the plain mean's rounding would otherwise leave a spurious ±66.7).
    /// </summary>
    public static double[] Cci(OhlcvColumns bars, int period, out double[] meanDeviation)
    {
        var typical = Typical(bars);
        var deviations = Checks.Missing(bars.Length);
        var result = Windowed(bars.Length, period, i =>
        {
            var window = typical.Skip(i - period + 1).Take(period).ToArray();
            if (window.Min() == window.Max())
            {
                deviations[i] = 0;
                return 0;
            }

            var mean = window.Average();
            var deviation = window.Average(t => Math.Abs(t - mean));
            deviations[i] = deviation;
            return deviation == 0 ? 0 : (typical[i] - mean) / (0.015 * deviation);
        });
        meanDeviation = deviations;
        return result;
    }

    private static double Rs(double gain, double loss) =>
        double.IsNaN(gain) ? double.NaN : gain + loss == 0 ? 50 : loss == 0 ? 100 : 100 - (100 / (1 + (gain / loss)));

    private static double[] Windowed(int count, int period, Func<int, double> valueAt)
    {
        var result = Checks.Missing(count);
        for (var i = period - 1; i < count; i++)
        {
            result[i] = valueAt(i);
        }

        return result;
    }

    /// <summary>result[i] for i ≥ 1 from a series of changes (change i − 1 ends at bar i).</summary>
    private static double[] Shifted(int count, Func<int, double> valueAt)
    {
        var result = Checks.Missing(count);
        for (var i = 1; i < count; i++)
        {
            result[i] = valueAt(i);
        }

        return result;
    }
}
