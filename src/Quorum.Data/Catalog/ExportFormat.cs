namespace Quorum.Data.Catalog;

/// <summary>File layouts <see cref="O:Quorum.Data.Catalog.DataCatalog.Export"/> can write; both read back with <see cref="Readers.BarFileReader"/>.</summary>
public enum ExportFormat
{
    /// <summary>
    /// Binance kline CSV without header, 12 columns: open_time (ms), open, high, low, close, volume,
    /// close_time (open time + bar length - 1 ms), then quote_volume, count, taker_buy_volume,
    /// taker_buy_quote_volume and ignore, which the catalog does not store and are written as 0.
    /// </summary>
    BinanceKlineCsv,

    /// <summary>Readable CSV <c>Date,Open,High,Low,Close,Volume</c> with dates like <c>2024-01-01 00:00:00+00:00</c> (UTC).</summary>
    OhlcvCsv,
}
