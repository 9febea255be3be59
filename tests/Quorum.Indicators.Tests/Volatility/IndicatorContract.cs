using System.Globalization;
using Quorum.Indicators.Tests.Averages;
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

    // The contract checks have one implementation, in Checks (bit-for-bit comparisons, NaN equals NaN);
    // these forwarders keep the volatility/statistics/volume tests readable.

    /// <inheritdoc cref="Checks.WarmsUpExactly"/>
    public static void WarmsUpExactly(IIndicator indicator, OhlcvColumns bars) => Checks.WarmsUpExactly(indicator, bars);

    /// <inheritdoc cref="Checks.ResetsToNew"/>
    public static void ResetsToNew(Func<IIndicator> create, OhlcvColumns bars) => Checks.ResetsToNew(create, bars);

    /// <inheritdoc cref="Checks.Identical(double[][], double[][], string)"/>
    public static void Identical(double[][] expected, double[][] actual, string what) => Checks.Identical(expected, actual, what);

    /// <inheritdoc cref="Checks.Identical(ReadOnlySpan{double}, ReadOnlySpan{double}, string)"/>
    public static void Identical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what) => Checks.Identical(expected, actual, what);

    /// <inheritdoc cref="Checks.HasNoLookAhead"/>
    public static void HasNoLookAhead(OhlcvColumns bars, Func<OhlcvColumns, double[][]> compute) => Checks.HasNoLookAhead(bars, compute);

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

    /// <inheritdoc cref="Checks.WithBad"/>
    public static double[] WithBad(double[] column, int row, double bad) => Checks.WithBad(column, row, bad);

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
