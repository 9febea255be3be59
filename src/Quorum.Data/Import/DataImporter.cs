using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Integrity;
using Quorum.Data.Readers;

namespace Quorum.Data.Import;

/// <summary>
/// Imports a bar file into the catalog: read (format detected, open times aligned to the declared
/// timeframe) → check that the file's bar spacing matches the declared timeframe → integrity check
/// (gaps are accepted and reported; duplicates, disorder, misaligned times and OHLC errors refuse
/// the import) → atomic write. Any refusal leaves the catalog exactly as it was: nothing is written
/// before every check has passed, and the write itself is atomic.
/// </summary>
public sealed class DataImporter(DataCatalog catalog)
{
    private readonly DataCatalog _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>Reads, validates and writes <paramref name="path"/> as <paramref name="symbol"/> × <paramref name="timeframe"/>.</summary>
    /// <param name="path">The bar file (any layout <see cref="BarFileReader"/> detects).</param>
    /// <param name="symbol">The series to store it as; the <c>SYNTH</c> venue is reserved for generated data.</param>
    /// <param name="timeframe">The timeframe the file is declared to hold.</param>
    /// <param name="mode">Merge with or replace what is stored (see <see cref="CatalogWriteMode"/>).</param>
    /// <param name="progress">Receives the fraction done, from 0 to 1.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file cannot be parsed; names file, line, column and value.</exception>
    /// <exception cref="DataImportException">The data is well-formed but unacceptable (timeframe mismatch, integrity errors, reserved venue).</exception>
    /// <exception cref="CatalogException">The catalog refuses the write (a merge conflict, or a corrupt stored file).</exception>
    public ImportResult Import(string path, Symbol symbol, Timeframe timeframe, CatalogWriteMode mode, IProgress<double>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (symbol.Venue.Code is null)
        {
            throw new ArgumentException("symbol is required (got the default, empty symbol)", nameof(symbol));
        }

        if (timeframe.Name is null)
        {
            throw new ArgumentException("timeframe is required (got the default, empty timeframe)", nameof(timeframe));
        }

        if (mode is not (CatalogWriteMode.Merge or CatalogWriteMode.Replace))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "expected Replace or Merge");
        }

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
        if (read.InferredTimeframe is { } inferred && inferred != timeframe)
        {
            throw new DataImportException(
                $"{path}: bars are {inferred} apart but --timeframe is {timeframe}; import it with --timeframe {inferred} (or resample after import); the catalog is unchanged");
        }

        var series = new BarSeries(symbol, timeframe, read.Bars);
        var report = IntegrityChecker.Check(series);
        progress?.Report(0.8);
        if (report.HasErrors)
        {
            throw new DataImportException(
                $"{path}: refused, the data has {report.ErrorCount} integrity error(s); the catalog is unchanged.{Environment.NewLine}{report.ToText()}");
        }

        var entry = _catalog.Write(series, mode);
        progress?.Report(1.0);
        return new ImportResult(read, report, entry);
    }
}
