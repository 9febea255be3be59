using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>
    /// Loads a stored series, optionally only the bars whose open time lies in
    /// [<paramref name="fromMs"/>, <paramref name="toMs"/>) (UTC ms; either bound may be omitted).
    /// The whole file is checked against its checksum.
    /// </summary>
    /// <exception cref="CatalogException">
    /// The series is absent (<see cref="CatalogErrorKind.NotFound"/>, the message lists what is stored) or
    /// its file is corrupt (<see cref="CatalogErrorKind.CorruptFile"/>, the message names the file).
    /// </exception>
    public BarSeries Load(Symbol symbol, Timeframe timeframe, long? fromMs = null, long? toMs = null)
    {
        if (fromMs is { } from && toMs is { } to && to < from)
        {
            throw new ArgumentException($"toMs {to} is before fromMs {from}", nameof(toMs));
        }

        var path = PathOf(symbol, timeframe);
        var bars = LoadFile(path, symbol, timeframe, fromMs, toMs)
            ?? throw new CatalogException(
                CatalogErrorKind.NotFound,
                $"{symbol} {timeframe} is not in the {this} ({DescribeContents(symbol)})");
        return new BarSeries(symbol, timeframe, bars);
    }

    /// <summary>The stored bars, or null when the file does not exist.</summary>
    private static Bar[]? LoadFile(string path, Symbol symbol, Timeframe timeframe, long? fromMs, long? toMs)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        var (header, bars) = QBarsCodec.Decode(data, path, fromMs, toMs);
        if (header.Symbol != symbol || header.Timeframe != timeframe)
        {
            throw QBarsCodec.Corrupt(path, $"holds {header.Symbol} {header.Timeframe}, not {symbol} {timeframe}");
        }

        return bars;
    }
}
