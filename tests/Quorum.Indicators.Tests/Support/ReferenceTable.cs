using System.Globalization;
using Quorum.TestKit;

namespace Quorum.Indicators.Tests.Support;

/// <summary>
/// A reference-indicator file from ../shared/data/reference-indicators (LEAN test data: CSV with a
/// header row; empty cells and "NaN" are missing values). Columns are looked up by header name.
/// </summary>
internal sealed class ReferenceTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly string[][] _rows;

    private ReferenceTable(string path, string[] header, string[][] rows)
    {
        Path = path;
        Header = header;
        _columns = header.Select((name, index) => (name.Trim(), index)).ToDictionary(p => p.Item1, p => p.index, StringComparer.OrdinalIgnoreCase);
        _rows = rows;
    }

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    public int RowCount => _rows.Length;

    /// <summary>Loads <c>reference-indicators/<paramref name="fileName"/></c> (skips or fails the test when the shared data is absent).</summary>
    public static ReferenceTable Load(string fileName)
    {
        var path = SharedData.Require(System.IO.Path.Combine("reference-indicators", fileName));
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        return new ReferenceTable(path, header, rows);
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>A numeric column; missing cells are NaN.</summary>
    public double[] Column(string name)
    {
        if (!_columns.TryGetValue(name, out var index))
        {
            throw new KeyNotFoundException($"{Path}: no column '{name}' (columns: {string.Join(", ", Header)})");
        }

        return _rows.Select(r => Parse(index < r.Length ? r[index] : string.Empty)).ToArray();
    }

    /// <summary>The bars of the file (Open/High/Low/Close, Volume when present, else 0).</summary>
    public OhlcvColumns Bars()
    {
        var n = _rows.Length;
        var volume = Has("Volume") ? Column("Volume") : new double[n];
        return new OhlcvColumns(
            Enumerable.Range(0, n).Select(i => (long)i * 86_400_000L).ToArray(),
            Column("Open"),
            Column("High"),
            Column("Low"),
            Column("Close"),
            volume);
    }

    private static double Parse(string cell)
    {
        var text = cell.Trim();
        return text.Length == 0 || text.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            ? double.NaN
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
