using System.Globalization;
using System.Text;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>
    /// Writes a stored series to <paramref name="path"/> (atomically) in <paramref name="format"/>. The file
    /// reads back with <see cref="Readers.BarFileReader.Read"/> to the same bars. The closed flag is not
    /// exported: every bar reads back as closed.
    /// </summary>
    /// <exception cref="CatalogException">The series is absent or its file is corrupt.</exception>
    public void Export(Symbol symbol, Timeframe timeframe, string path, ExportFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RequireFormat(format);
        Export(Load(symbol, timeframe), path, format);
    }

    /// <summary>Writes <paramref name="series"/> (stored or derived, e.g. gap-filled) to <paramref name="path"/> atomically in <paramref name="format"/>.</summary>
    public static void Export(BarSeries series, string path, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RequireFormat(format);
        AtomicFile.Write(path, stream => WriteCsv(stream, series, format));
    }

    private static void WriteCsv(Stream stream, BarSeries series, ExportFormat format)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true)
        {
            NewLine = "\n",
        };
        var invariant = CultureInfo.InvariantCulture;
        var length = series.Timeframe.Milliseconds;
        if (format == ExportFormat.OhlcvCsv)
        {
            writer.WriteLine("Date,Open,High,Low,Close,Volume");
        }

        foreach (var bar in series.Span)
        {
            if (format == ExportFormat.OhlcvCsv)
            {
                // Catalog bars open on whole minutes; a derived series might not, and must not lose its milliseconds.
                writer.Write(bar.OpenTime.UtcDateTime.ToString(bar.OpenTimeMs % 1000 == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", invariant));
                writer.Write("+00:00");
            }
            else
            {
                writer.Write(bar.OpenTimeMs.ToString(invariant));
            }

            WriteNumber(writer, bar.Open);
            WriteNumber(writer, bar.High);
            WriteNumber(writer, bar.Low);
            WriteNumber(writer, bar.Close);
            WriteNumber(writer, bar.Volume);
            if (format == ExportFormat.BinanceKlineCsv)
            {
                writer.Write(',');
                writer.Write((bar.OpenTimeMs + length - 1).ToString(invariant));
                writer.Write(",0,0,0,0,0");
            }

            writer.WriteLine();
        }

        writer.Flush();
    }

    private static void RequireFormat(ExportFormat format)
    {
        if (format is not (ExportFormat.BinanceKlineCsv or ExportFormat.OhlcvCsv))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "expected BinanceKlineCsv or OhlcvCsv");
        }
    }

    private static void WriteNumber(StreamWriter writer, decimal value)
    {
        writer.Write(',');
        writer.Write(value.ToString(CultureInfo.InvariantCulture));
    }
}
