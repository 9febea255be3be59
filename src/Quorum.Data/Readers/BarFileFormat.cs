namespace Quorum.Data.Readers;

/// <summary>The layout <see cref="BarFileReader"/> recognised in a bar file (detected from content, not from the file name).</summary>
public enum BarFileFormat
{
    /// <summary>
    /// Binance's own kline CSV (data.binance.vision, REST column order), 12 columns
    /// <c>open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore</c>,
    /// with or without that header; times in epoch ms or µs.
    /// </summary>
    BinanceKlineCsv,

    /// <summary>CSV with a header naming a time column and open/high/low/close/volume (<c>Date,Open,High,Low,Close,Volume</c>, <c>timestamp,open,…</c>).</summary>
    OhlcvCsv,

    /// <summary>Header-less CSV of 6 columns: time (epoch or ISO), open, high, low, close, volume.</summary>
    HeaderlessOhlcvCsv,

    /// <summary>
    /// CryptoDataDownload export: a banner line naming CryptoDataDownload, a header
    /// (<c>date,symbol,open,high,low,close,volume_btc,volume</c>), times such as <c>2019-10-17 09-AM</c>,
    /// rows newest first (reversed on read, see <see cref="BarFileReadResult.SourceOrder"/>). Volume is
    /// the first volume column (base asset).
    /// </summary>
    CryptoDataDownloadCsv,

    /// <summary>freqtrade JSON: <c>[[open_time_ms, open, high, low, close, volume], …]</c>.</summary>
    FreqtradeJson,

    /// <summary>Binance REST klines JSON: an array of 12-field arrays with string numbers.</summary>
    BinanceKlinesJson,
}
