using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Volatility;

/// <summary>
/// Checks every indicator of the volatility, statistics and volume families must pass: warm-up
/// exactness, reset, batch = streaming, no look-ahead, reference values to the precision a file prints.
/// </summary>
internal static class IndicatorContract
{
    /// <summary>SPY daily bars with volume (LEAN's spy_tr.txt, 500 bars).</summary>
    public static OhlcvColumns SpyBars() => ReferenceTable.Load("spy_tr.txt").Bars();

    /// <summary>IsReady flips exactly when Samples reaches WarmUpPeriod; every output is NaN exactly before.</summary>
    public static void WarmsUpExactly(IIndicator indicator, OhlcvColumns bars)
    {
        bars.Length.ShouldBeGreaterThan(indicator.WarmUpPeriod + 2, "too few bars to see the warm-up end");
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
                if (ready)
                {
                    double.IsFinite(value).ShouldBeTrue($"{indicator.OutputNames[k]} after {samples} samples is {value}");
                }
                else
                {
                    double.IsNaN(value).ShouldBeTrue($"{indicator.OutputNames[k]} after {samples} samples is {value} during warm-up");
                }
            }
        }
    }

    /// <summary>After Reset the indicator is as new: not ready, NaN outputs, and it reproduces a fresh instance's values.</summary>
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

        Identical(Feed.Run(create(), bars), Feed.Run(used, bars), $"{used.Name} after Reset vs new");
    }

    /// <summary>Every value equal (NaN equals NaN), reporting the first difference.</summary>
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
            if (!expected[i].Equals(actual[i]))
            {
                throw new Xunit.Sdk.XunitException($"{what}: row {i}: {actual[i]:R} but expected exactly {expected[i]:R}");
            }
        }
    }

    /// <summary>
    /// No look-ahead: the values at t computed on bars[0..t] equal those computed on bars[0..T] for
    /// random t ≤ T (FsCheck), with <paramref name="compute"/> a batch or streaming computation.
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
                if (!truncated[k][t].Equals(longer[k][t]))
                {
                    throw new Xunit.Sdk.XunitException(
                        $"output {k} at bar {t}: {truncated[k][t]:R} on bars[0..{t}] but {longer[k][t]:R} on bars[0..{end}]");
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>
    /// Matches a reference column to 1e-6 relative (absolute near zero) or, where the file prints fewer
    /// digits than that, to half a unit of the last printed digit of each cell (a value printed as
    /// 33.5833 stands for [33.58325, 33.58335]). Rows before <paramref name="from"/> and empty cells are
    /// skipped; at least <paramref name="minimumCompared"/> rows must be compared.
    /// </summary>
    public static int MatchesPrinted(ReferenceTable table, string column, ReadOnlySpan<double> actual, string what, int from = 0, int minimumCompared = 50)
    {
        var cells = PrintedCells(table, column);
        var compared = 0;
        for (var i = from; i < cells.Length; i++)
        {
            var (value, halfUnit) = cells[i];
            if (double.IsNaN(value))
            {
                continue;
            }

            var bound = Math.Max(ReferenceAssert.Tolerance * Math.Max(1.0, Math.Abs(value)), halfUnit * (1 + 1e-9));
            if (!(Math.Abs(actual[i] - value) <= bound))
            {
                throw new Xunit.Sdk.XunitException(
                    $"{what}: row {i}: computed {actual[i]:R} but {table.Path} prints {value:R} (|diff| {Math.Abs(actual[i] - value):G3} > {bound:G3})");
            }

            compared++;
        }

        compared.ShouldBeGreaterThanOrEqualTo(minimumCompared, $"{what}: too few reference values compared");
        return compared;
    }

    /// <summary>Each cell of <paramref name="column"/> as (value, half a unit of its last printed digit); NaN for empty cells.</summary>
    public static (double Value, double HalfUnit)[] PrintedCells(ReferenceTable table, string column)
    {
        var lines = File.ReadAllLines(table.Path).Where(l => l.Trim().Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim()).ToList();
        var index = header.FindIndex(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));
        index.ShouldBeGreaterThanOrEqualTo(0, $"{table.Path}: no column '{column}'");
        return lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            var text = index < cells.Length ? cells[index].Trim() : string.Empty;
            if (text.Length == 0 || text.Equals("NaN", StringComparison.OrdinalIgnoreCase))
            {
                return (double.NaN, 0.0);
            }

            var e = text.IndexOfAny(['e', 'E']);
            var mantissa = e < 0 ? text : text[..e];
            var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
            var decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
            return (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), 0.5 * Math.Pow(10, exponent - decimals));
        }).ToArray();
    }

    /// <summary>A bar whose close is <paramref name="bad"/>, the other fields normal.</summary>
    public static OhlcvPoint BarWithClose(double bad) => new(86_400_000, 100, 101, 99, bad, 1_000);

    /// <summary>A normal bar.</summary>
    public static OhlcvPoint Bar(double close = 100, long timeMs = 0) => new(timeMs, close, close + 1, close - 1, close, 1_000);

    /// <summary>
    /// Feeds one good bar, then one whose close is <paramref name="bad"/>: the error names the indicator
    /// and sample #2 ("bar #2" for bar indicators, "input #2" for single-input ones).
    /// </summary>
    public static void RejectsNonFiniteBar(IIndicator indicator, double bad)
    {
        indicator.Update(Bar());
        var error = Should.Throw<ArgumentOutOfRangeException>(() => indicator.Update(BarWithClose(bad)));
        error.Message.ShouldContain(indicator.Name);
        error.Message.ShouldContain(" #2 ");
    }

    /// <summary>The columns with value <paramref name="bad"/> at row <paramref name="row"/> of <paramref name="column"/>.</summary>
    public static double[] WithBad(double[] column, int row, double bad)
    {
        var copy = (double[])column.Clone();
        copy[row] = bad;
        return copy;
    }

    /// <summary>A random walk of <paramref name="count"/> positive prices around <paramref name="level"/>, with rare large jumps.</summary>
    public static double[] RandomWalk(int count, double level, int seed, double relativeStep = 0.002)
    {
        var random = new Random(seed);
        var values = new double[count];
        var x = level;
        for (var i = 0; i < count; i++)
        {
            var shock = random.NextDouble() < 0.001 ? 50 : 1;
            x *= Math.Exp(relativeStep * shock * (random.NextDouble() - 0.5));
            values[i] = x;
        }

        return values;
    }

    /// <summary>Bars built around <paramref name="close"/> with random wicks and volume.</summary>
    public static OhlcvColumns BarsAround(double[] close, int seed, long stepMs = 3_600_000)
    {
        var random = new Random(seed);
        var n = close.Length;
        var time = new long[n];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var volume = new double[n];
        for (var i = 0; i < n; i++)
        {
            time[i] = i * stepMs;
            open[i] = i == 0 ? close[0] : close[i - 1];
            high[i] = Math.Max(open[i], close[i]) * (1 + (0.003 * random.NextDouble()));
            low[i] = Math.Min(open[i], close[i]) * (1 - (0.003 * random.NextDouble()));
            volume[i] = Math.Round(random.NextDouble() * 1_000, 4);
        }

        return new OhlcvColumns(time, open, high, low, (double[])close.Clone(), volume);
    }
}
