using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Integrity;
using Quorum.Data.Readers;

namespace Quorum.Data.Import;

/// <summary>
/// Imports a bar file into the catalog: read (format detected) → check that the file's bar
/// spacing matches the declared timeframe → integrity check (gaps are accepted and reported,
/// duplicates, disorder, misaligned times and OHLC errors refuse the import) → atomic write.
/// Any refusal leaves the catalog exactly as it was.
/// </summary>
public sealed class DataImporter(DataCatalog catalog)
{
    /// <summary>Reads, validates and writes <paramref name="path"/> as <paramref name="symbol"/> × <paramref name="timeframe"/>.</summary>
    /// <exception cref="DataFormatException">The file cannot be parsed; names file, line, column and value.</exception>
    /// <exception cref="DataImportException">The data is well-formed but unacceptable (timeframe mismatch, integrity errors, reserved venue).</exception>
    public ImportResult Import(string path, Symbol symbol, Timeframe timeframe, CatalogWriteMode mode, IProgress<double>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (symbol.Venue.IsSynthetic)
        {
            throw new DataImportException(
                $"symbol {symbol}: the {Venue.Synthetic} venue is reserved for generated data (use 'quorum data synth'); import real data under BINANCE or BYBIT");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"file to import not found: {path}", path);
        }

        progress?.Report(0.0);
        var read = BarFileReader.Read(path, timeframe);
        progress?.Report(0.6);
        if (read.Bars.Length == 0)
        {
            throw new DataImportException($"{path}: no bars to import");
        }

        if (read.InferredTimeframe is { } inferred && inferred != timeframe)
        {
            throw new DataImportException(
                $"{path}: bars are {inferred} apart but --timeframe is {timeframe}; import it with --timeframe {inferred} (or resample after import)");
        }

        var series = new BarSeries(symbol, timeframe, read.Bars);
        var report = IntegrityChecker.Check(series);
        progress?.Report(0.8);
        if (report.HasErrors)
        {
            throw new DataImportException(
                $"{path}: refused, the data has {report.ErrorCount} integrity error(s); the catalog is unchanged.{Environment.NewLine}{report.ToText()}");
        }

        var entry = catalog.Write(series, mode);
        progress?.Report(1.0);
        return new ImportResult(read, report, entry);
    }
}
