using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Data.Catalog;

/// <summary>
/// The local store of bar series: one <c>.qbars</c> file (docs/data-format.md) per symbol and
/// timeframe, laid out as <c>&lt;root&gt;/&lt;VENUE&gt;/&lt;PAIR&gt;[.P]/&lt;tf&gt;.qbars</c>, e.g.
/// <c>~/.quorum/data/BINANCE/BTCUSDT.P/1h.qbars</c>. Writes are atomic (temporary file + rename), so an
/// error or a crash leaves the previous file intact. The catalog is not designed for concurrent writers
/// of the same series.
/// </summary>
public sealed partial class DataCatalog
{
    /// <summary>Environment variable that overrides <see cref="DefaultRoot()"/>.</summary>
    public const string DataDirectoryVariable = "QUORUM_DATA_DIR";

    /// <summary>Extension of catalog files.</summary>
    public const string FileExtension = ".qbars";

    public DataCatalog(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
    }

    /// <summary>The catalog's root folder (absolute).</summary>
    public string RootDirectory { get; }

    /// <summary>Test seam: called with the temporary file's path after it is written and before it replaces the target.</summary>
    internal Action<string>? BeforeCommit { get; set; }

    /// <summary><c>$QUORUM_DATA_DIR</c> when set, else <c>~/.quorum/data</c>.</summary>
    public static string DefaultRoot() =>
        DefaultRoot(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>
    /// <see cref="DefaultRoot()"/> with the environment injected (for hosts and tests):
    /// <paramref name="getEnvironmentVariable"/>(<see cref="DataDirectoryVariable"/>) when set, else
    /// <c>&lt;homeDirectory&gt;/.quorum/data</c>.
    /// </summary>
    public static string DefaultRoot(Func<string, string?> getEnvironmentVariable, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var configured = getEnvironmentVariable(DataDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        if (string.IsNullOrWhiteSpace(homeDirectory))
        {
            throw new InvalidOperationException($"cannot locate the data catalog: the home directory is unknown and {DataDirectoryVariable} is not set");
        }

        return Path.Combine(homeDirectory, ".quorum", "data");
    }

    /// <summary>Where the series of <paramref name="symbol"/> and <paramref name="timeframe"/> is (or would be) stored.</summary>
    public string PathOf(Symbol symbol, Timeframe timeframe)
    {
        RequireKey(symbol, timeframe);
        var pair = symbol.Pair + (symbol.IsPerpetual ? ".P" : string.Empty);
        return Path.Combine(RootDirectory, symbol.Venue.Code, pair, timeframe.Name + FileExtension);
    }

    /// <summary>Every stored series, ordered by symbol then timeframe. Reads only the file headers.</summary>
    /// <exception cref="CatalogException">A catalog file is corrupt (<see cref="CatalogErrorKind.CorruptFile"/>); the message names it.</exception>
    public IReadOnlyList<CatalogEntry> List()
    {
        var scan = Scan();
        if (scan.Unreadable.Count > 0)
        {
            throw scan.Unreadable[0];
        }

        return scan.Entries;
    }

    /// <summary>
    /// Every stored series (ordered by symbol then timeframe) and, separately, every catalog file that
    /// cannot be read — so one damaged file does not hide the rest of the catalog. Reads only the headers.
    /// </summary>
    public CatalogScan Scan()
    {
        var entries = new List<CatalogEntry>();
        var unreadable = new List<CatalogException>();
        foreach (var path in EnumerateFiles())
        {
            try
            {
                entries.Add(ReadEntry(path));
            }
            catch (CatalogException corrupt) when (corrupt.Kind == CatalogErrorKind.CorruptFile)
            {
                unreadable.Add(corrupt);
            }
        }

        entries.Sort((a, b) =>
        {
            var bySymbol = a.Symbol.CompareTo(b.Symbol);
            return bySymbol != 0 ? bySymbol : a.Timeframe.CompareTo(b.Timeframe);
        });
        return new CatalogScan(entries, unreadable);
    }

    public bool Contains(Symbol symbol, Timeframe timeframe) => File.Exists(PathOf(symbol, timeframe));

    /// <summary>The entry of one stored series, or null when absent.</summary>
    public CatalogEntry? GetEntry(Symbol symbol, Timeframe timeframe)
    {
        var path = PathOf(symbol, timeframe);
        return File.Exists(path) ? ReadEntry(path) : null;
    }

    /// <summary>Removes a stored series; false when it was not there.</summary>
    public bool Delete(Symbol symbol, Timeframe timeframe)
    {
        var path = PathOf(symbol, timeframe);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        var pairDirectory = Path.GetDirectoryName(path)!;
        TryRemoveEmptyDirectory(pairDirectory);
        TryRemoveEmptyDirectory(Path.GetDirectoryName(pairDirectory)!);
        return true;
    }

    public override string ToString() => $"data catalog at {RootDirectory}";

    private static void RequireKey(Symbol symbol, Timeframe timeframe)
    {
        if (symbol.Venue.Code is null)
        {
            throw new ArgumentException("symbol is required (a default Symbol has no venue)", nameof(symbol));
        }

        if (timeframe.Name is null)
        {
            throw new ArgumentException("timeframe is required", nameof(timeframe));
        }
    }

    private static void TryRemoveEmptyDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (IOException)
        {
            // another writer may have just added a file: keep the folder
        }
    }

    private IEnumerable<string> EnumerateFiles()
    {
        if (!Directory.Exists(RootDirectory))
        {
            yield break;
        }

        foreach (var venue in Directory.EnumerateDirectories(RootDirectory).Order(StringComparer.Ordinal))
        {
            foreach (var pair in Directory.EnumerateDirectories(venue).Order(StringComparer.Ordinal))
            {
                foreach (var file in Directory.EnumerateFiles(pair).Order(StringComparer.Ordinal))
                {
                    if (string.Equals(Path.GetExtension(file), FileExtension, StringComparison.Ordinal))
                    {
                        yield return file;
                    }
                }
            }
        }
    }

    private CatalogEntry ReadEntry(string path)
    {
        byte[] head;
        long length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            length = stream.Length;
            head = new byte[(int)Math.Min(length, QBarsCodec.HeaderSize + QBarsCodec.MaxSymbolBytes)];
            stream.ReadExactly(head);
        }

        var header = QBarsCodec.ReadHeader(head, length, path);
        CheckLocation(path, header);
        return new CatalogEntry(header.Symbol, header.Timeframe, header.Count, header.FirstOpenTimeMs, header.LastOpenTimeMs, length, header.IsSynthetic, path);
    }

    private void CheckLocation(string path, QBarsHeader header)
    {
        var expected = PathOf(header.Symbol, header.Timeframe);
        if (!string.Equals(Path.GetFullPath(path), expected, StringComparison.Ordinal))
        {
            throw QBarsCodec.Corrupt(path, $"holds {header.Symbol} {header.Timeframe}, which belongs at {expected}");
        }
    }

    /// <summary>A short description of what is stored, for "not found" messages.</summary>
    private string DescribeContents(Symbol wanted)
    {
        var series = EnumerateFiles()
            .Select(file => (Key: $"{Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))}:{Path.GetFileName(Path.GetDirectoryName(file))}", Timeframe: Path.GetFileNameWithoutExtension(file)))
            .GroupBy(item => item.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, Timeframes: string.Join(" ", group.Select(item => item.Timeframe).OrderBy(Order))))
            .ToList();
        if (series.Count == 0)
        {
            return "the catalog is empty";
        }

        var sameSymbol = series.FirstOrDefault(item => item.Key == wanted.ToString());
        var prefix = sameSymbol.Key is null ? $"no timeframe of {wanted} is stored" : $"{wanted} is stored as {sameSymbol.Timeframes}";
        const int Shown = 20;
        var all = string.Join("; ", series.Take(Shown).Select(item => $"{item.Key} {item.Timeframes}"));
        return $"{prefix}; the catalog holds {series.Count} symbol(s): {all}{(series.Count > Shown ? "; ..." : string.Empty)}";

        static long Order(string name) => Timeframe.TryParse(name, out var tf) ? tf.Milliseconds : long.MaxValue;
    }
}
