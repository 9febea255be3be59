using FsCheck;
using FsCheck.Fluent;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Averages;

/// <summary>The contract checks shared by the average and oscillator tests.</summary>
internal static class Checks
{
    /// <summary>500 real SPY daily bars with open, high, low and close (LEAN's spy_with_cci.txt).</summary>
    public static OhlcvColumns Spy() => ReferenceTable.Load("spy_with_cci.txt").Bars();

    /// <summary>
    /// A hard synthetic series: a random walk with jumps, runs of identical bars (zero ranges, zero
    /// changes), a collapse to tiny prices and a return. Exercises every degenerate branch.
    /// </summary>
    public static OhlcvColumns Rough(int count = 3_000, int seed = 7)
    {
        var random = new Random(seed);
        var time = new long[count];
        var open = new double[count];
        var high = new double[count];
        var low = new double[count];
        var close = new double[count];
        var volume = new double[count];
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var phase = i % 500;
            var flat = phase is >= 100 and < 140;
            var previous = price;
            if (!flat)
            {
                var step = random.NextDouble() < 0.01 ? 0.2 : 0.01;
                price *= Math.Exp(step * ((2 * random.NextDouble()) - 1));
                if (phase == 300)
                {
                    price *= 1e-4;
                }

                if (phase == 400)
                {
                    price *= 1e4;
                }
            }

            time[i] = i * 3_600_000L;
            open[i] = previous;
            close[i] = price;
            high[i] = flat ? price : Math.Max(previous, price) * (1 + (0.003 * random.NextDouble()));
            low[i] = flat ? price : Math.Min(previous, price) * (1 - (0.003 * random.NextDouble()));
            volume[i] = flat ? 0 : 1_000 * random.NextDouble();
        }

        return new OhlcvColumns(time, open, high, low, close, volume);
    }

    /// <summary>Bars whose open, high, low and close are all <paramref name="close"/>.</summary>
    public static OhlcvColumns FromCloses(double[] close) =>
        new(Enumerable.Range(0, close.Length).Select(i => (long)i).ToArray(), close, close, close, close, new double[close.Length]);

    /// <summary>IsReady flips exactly when Samples reaches WarmUpPeriod; every output is NaN exactly before and finite after.</summary>
    public static void WarmsUpExactly(IIndicator indicator, OhlcvColumns bars)
    {
        bars.Length.ShouldBeGreaterThan(indicator.WarmUpPeriod + 2, "too few bars to see the end of the warm-up");
        indicator.IsReady.ShouldBeFalse($"{indicator.Name} before any sample");
        for (var i = 0; i < bars.Length; i++)
        {
            indicator.Update(bars[i]);
            var samples = i + 1;
            indicator.Samples.ShouldBe(samples);
            var ready = samples >= indicator.WarmUpPeriod;
            indicator.IsReady.ShouldBe(ready, $"{indicator.Name} after {samples} samples (warm-up {indicator.WarmUpPeriod})");
            for (var k = 0; k < indicator.OutputNames.Count; k++)
            {
                var value = indicator.GetOutput(k);
                if (ready ? !double.IsFinite(value) : !double.IsNaN(value))
                {
                    throw new Xunit.Sdk.XunitException(
                        $"{indicator.OutputNames[k]} after {samples} samples (warm-up {indicator.WarmUpPeriod}) is {value}");
                }
            }
        }
    }

    /// <summary>After Reset the indicator is as new: no samples, not ready, NaN outputs, then the values of a fresh instance.</summary>
    public static void ResetsToNew(Func<IIndicator> create, OhlcvColumns bars)
    {
        var used = create();
        Feed.Run(used, bars);
        used.Reset();

        used.Samples.ShouldBe(0);
        used.IsReady.ShouldBeFalse();
        for (var k = 0; k < used.OutputNames.Count; k++)
        {
            double.IsNaN(used.GetOutput(k)).ShouldBeTrue($"{used.OutputNames[k]} after Reset");
        }

        Identical(Feed.Run(create(), bars), Feed.Run(used, bars), $"{used.Name} after Reset vs a new instance");
    }

    /// <summary>Every value bit-for-bit equal (NaN equals NaN); reports the first difference.</summary>
    public static void Identical(double[][] expected, double[][] actual, string what)
    {
        actual.Length.ShouldBe(expected.Length, $"{what}: number of outputs");
        for (var k = 0; k < expected.Length; k++)
        {
            Identical(expected[k], actual[k], $"{what}, output {k}");
        }
    }

    public static void Identical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        actual.Length.ShouldBe(expected.Length, $"{what}: length");
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                throw new Xunit.Sdk.XunitException($"{what}: row {i}: {actual[i]:R} but expected exactly {expected[i]:R}");
            }
        }
    }

    /// <summary>
    /// No look-ahead (FsCheck): for random t ≤ T, the outputs at t computed on bars[0..t] equal those computed
    /// on bars[0..T].
    /// </summary>
    public static void HasNoLookAhead(OhlcvColumns bars, Func<OhlcvColumns, double[][]> compute)
    {
        var n = bars.Length;
        var cases =
            from t in Gen.Choose(0, n - 1)
            from end in Gen.Choose(t, n - 1)
            select (t, end);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (t, end) = c;
            var truncated = compute(bars.Take(t + 1));
            var longer = compute(bars.Take(end + 1));
            for (var k = 0; k < truncated.Length; k++)
            {
                if (BitConverter.DoubleToInt64Bits(truncated[k][t]) != BitConverter.DoubleToInt64Bits(longer[k][t]))
                {
                    throw new Xunit.Sdk.XunitException(
                        $"output {k} at bar {t}: {truncated[k][t]:R} on bars[0..{t}] but {longer[k][t]:R} on bars[0..{end}]");
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Largest |a − e| / max(1, |e|) over rows where both are numbers.</summary>
    public static double MaxRelativeDifference(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, int from = 0)
    {
        var worst = 0.0;
        for (var i = from; i < expected.Length; i++)
        {
            if (!double.IsNaN(expected[i]) && !double.IsNaN(actual[i]))
            {
                worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / Math.Max(1.0, Math.Abs(expected[i])));
            }
        }

        return worst;
    }

    /// <summary>A copy of <paramref name="column"/> with <paramref name="bad"/> at <paramref name="row"/>.</summary>
    public static double[] WithBad(double[] column, int row, double bad)
    {
        var copy = (double[])column.Clone();
        copy[row] = bad;
        return copy;
    }

    /// <summary>NaN-filled array.</summary>
    public static double[] Missing(int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return values;
    }
}
