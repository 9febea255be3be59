using System.Globalization;
using Quorum.TestKit;

namespace Quorum.Indicators.Tests.Support;

/// <summary>
/// TA-Lib 0.6 outputs for the first 5000 BTCUSDT/ETHUSDT 1h bars (tests/…/Reference/TaLib, written by
/// tools/talib/run.sh; conventions in docs/talib-oracle.md), joined on the open time to the bars read
/// from the shared data folder (the CSVs hold no prices). Shared by the averages', oscillators' and
/// volatility indicators' reference tests.
/// </summary>
internal sealed class TaLibReference
{
    private readonly Dictionary<string, double[]> _columns;

    private TaLibReference(string path, OhlcvColumns bars, Dictionary<string, double[]> columns)
    {
        Path = path;
        Bars = bars;
        _columns = columns;
    }

    public static IEnumerable<string> Symbols => ["BTCUSDT", "ETHUSDT"];

    public string Path { get; }

    /// <summary>The input bars, row i = reference row i.</summary>
    public OhlcvColumns Bars { get; }

    public static TaLibReference Load(string symbol)
    {
        var input = SharedData.Require(System.IO.Path.Combine("ohlcv", "binance-usdm-perp_2020-2024", $"{symbol}_1h.csv"));
        var path = Repository.Combine("tests", "Quorum.Indicators.Tests", "Reference", "TaLib", $"{symbol}_1h_talib.csv");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 1; c < header.Length; c++)
        {
            columns[header[c]] = rows.Select(r => double.Parse(r[c], CultureInfo.InvariantCulture)).ToArray();
        }

        var byTime = new Dictionary<long, string[]>();
        foreach (var line in File.ReadLines(input).Skip(1).Take(rows.Length + 10))
        {
            var cells = line.Split(',');
            byTime[DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()] = cells;
        }

        var n = rows.Length;
        var bars = new OhlcvColumns(new long[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var time = long.Parse(rows[i][0], CultureInfo.InvariantCulture);
            if (!byTime.TryGetValue(time, out var cells))
            {
                throw new InvalidOperationException($"{path}: row {i} open time {time} has no bar in {input}");
            }

            bars.Time[i] = time;
            bars.Open[i] = double.Parse(cells[1], CultureInfo.InvariantCulture);
            bars.High[i] = double.Parse(cells[2], CultureInfo.InvariantCulture);
            bars.Low[i] = double.Parse(cells[3], CultureInfo.InvariantCulture);
            bars.Close[i] = double.Parse(cells[4], CultureInfo.InvariantCulture);
            bars.Volume[i] = double.Parse(cells[5], CultureInfo.InvariantCulture);
        }

        return new TaLibReference(path, bars, columns);
    }

    public double[] Column(string name) =>
        _columns.TryGetValue(name, out var values) ? values : throw new KeyNotFoundException($"{Path}: no column '{name}' (columns: {string.Join(", ", _columns.Keys)})");

    /// <summary>Index of the first non-NaN value of <paramref name="name"/> (TA-Lib's lookback).</summary>
    public int FirstRow(string name) => Array.FindIndex(Column(name), v => !double.IsNaN(v));

    /// <summary>
    /// Ours matches TA-Lib to |ours − talib| ≤ 1e-6 · max(|ours|, |talib|, 1) from <paramref name="from"/>
    /// (default: TA-Lib's first value), and where TA-Lib has no value yet ours has none either.
    /// </summary>
    public int Matches(string column, ReadOnlySpan<double> ours, string what, int? from = null, bool sameWarmUp = true)
    {
        var expected = Column(column);
        var first = FirstRow(column);
        var compared = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            var a = ours[i];
            if (double.IsNaN(e))
            {
                if (sameWarmUp && !double.IsNaN(a))
                {
                    throw new Xunit.Sdk.XunitException($"{what}: row {i}: {a:R} where TA-Lib ({column}) is still warming up");
                }

                continue;
            }

            if (i < (from ?? first))
            {
                continue;
            }

            if (sameWarmUp && i == first && i > 0 && !double.IsNaN(ours[i - 1]))
            {
                throw new Xunit.Sdk.XunitException($"{what}: row {i - 1} has a value but TA-Lib's first is at row {i}");
            }

            var bound = 1e-6 * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(e)));
            if (!(Math.Abs(a - e) <= bound))
            {
                throw new Xunit.Sdk.XunitException($"{what}: row {i}: {a:R} but TA-Lib ({column}, {Path}) {e:R} (|diff| {Math.Abs(a - e):G3} > {bound:G3})");
            }

            compared++;
        }

        compared.ShouldBeGreaterThan(4_000, $"{what}: too few rows compared");
        return compared;
    }
}
