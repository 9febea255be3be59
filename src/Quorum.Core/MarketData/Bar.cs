namespace Quorum.Core.MarketData;

/// <summary>
/// One OHLCV bar. <see cref="OpenTimeMs"/> is the bar's open time (UTC ms since epoch);
/// prices and volume (base-asset units) are exact decimals. A bar is <see cref="IsClosed"/>
/// once its period has ended; a still-forming bar (the partial last bucket of a resample,
/// the live candle) is not closed.
/// </summary>
/// <remarks>
/// The struct does not police OHLC consistency so that the integrity checker can report bad
/// data rather than the loader throwing on it; loaders reject values that cannot be prices.
/// </remarks>
public readonly record struct Bar(
    long OpenTimeMs,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    bool IsClosed = true)
{
    /// <summary>Open time as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset OpenTime => DateTimeOffset.FromUnixTimeMilliseconds(OpenTimeMs);

    /// <summary>True when low ≤ open, close ≤ high, all prices positive and volume non-negative.</summary>
    public bool IsSane =>
        Open > 0 && High > 0 && Low > 0 && Close > 0 && Volume >= 0 &&
        Low <= Open && Low <= Close && Open <= High && Close <= High;

    public override string ToString() =>
        $"{OpenTime:yyyy-MM-dd HH:mm} O={Open} H={High} L={Low} C={Close} V={Volume}{(IsClosed ? string.Empty : " (open)")}";
}
