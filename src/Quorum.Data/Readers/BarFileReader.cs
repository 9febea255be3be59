using Quorum.Core.Time;

namespace Quorum.Data.Readers;

/// <summary>
/// Reads a file of OHLCV bars in any of the layouts of <see cref="BarFileFormat"/>, detected from the
/// content. Times without an offset are UTC; numbers are parsed exactly (invariant culture, exponent
/// notation accepted). Every row is validated (see <see cref="DataFormatException"/> for what is
/// rejected); on any error nothing is returned.
/// </summary>
public static class BarFileReader
{
    /// <summary>Reads all bars of <paramref name="path"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="timeframe">When given, every open time must be aligned to it, and Binance close times must equal open + length - 1 ms.</param>
    /// <exception cref="DataFormatException">The content is not a valid bar file; the message names the line, column and value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static BarFileReadResult Read(string path, Timeframe? timeframe = null)
    {
        if (timeframe is { Name: null })
        {
            throw new ArgumentException("timeframe must be a supported timeframe or null, not default(Timeframe)", nameof(timeframe));
        }

        var source = SourceText.Load(path);
        if (source.IsBlank)
        {
            throw source.Error("is empty (expected bars as CSV or JSON)");
        }

        return source.FirstSignificantByte switch
        {
            (byte)'[' => JsonBarParser.Parse(source, timeframe),
            (byte)'{' => throw source.Error(
                "holds a JSON object (expected a JSON array of klines such as [[open_time_ms, open, high, low, close, volume], ...]; " +
                "an exchange error response such as {\"code\":-1121,...} is not data)"),
            _ => CsvBarParser.Parse(source, timeframe),
        };
    }
}
