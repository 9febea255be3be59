using System.Globalization;
using Quorum.TestKit;

namespace Quorum.Indicators.Tests.Averages;

/// <summary>
/// TA-Lib 0.6 outputs for the first 5000 BTCUSDT/ETHUSDT 1h bars (tests/…/Reference/TaLib, written by
/// tools/talib/run.sh; conventions in docs/talib-oracle.md), joined on the open time to the bars read
/// from the shared data folder (the CSVs hold no prices).
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

        var byTime = new Dictionary<long, OhlcvPoint>();
        foreach (var line in File.ReadLines(input).Skip(1))
        {
            var cells = line.Split(',');
            var time = DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            byTime[time] = new OhlcvPoint(
                time,
                double.Parse(cells[1], CultureInfo.InvariantCulture),
                double.Parse(cells[2], CultureInfo.InvariantCulture),
                double.Parse(cells[3], CultureInfo.InvariantCulture),
                double.Parse(cells[4], CultureInfo.InvariantCulture),
                double.Parse(cells[5], CultureInfo.InvariantCulture));
            if (byTime.Count > rows.Length + 10)
            {
                break;
            }
        }

        var n = rows.Length;
        var bars = new OhlcvColumns(new long[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var time = long.Parse(rows[i][0], CultureInfo.InvariantCulture);
            if (!byTime.TryGetValue(time, out var bar))
            {
                throw new InvalidOperationException($"{path}: row {i} open time {time} has no bar in {input}");
            }

            bars.Time[i] = bar.TimeMs;
            bars.Open[i] = bar.Open;
            bars.High[i] = bar.High;
            bars.Low[i] = bar.Low;
            bars.Close[i] = bar.Close;
            bars.Volume[i] = bar.Volume;
        }

        return new TaLibReference(path, bars, columns);
    }

    public double[] Column(string name) =>
        _columns.TryGetValue(name, out var values) ? values : throw new KeyNotFoundException($"{Path}: no column '{name}' (columns: {string.Join(", ", _columns.Keys)})");

    /// <summary>Index of the first non-NaN value of <paramref name="name"/> (TA-Lib's lookback).</summary>
    public int FirstRow(string name) => Array.FindIndex(Column(name), v => !double.IsNaN(v));
}
