using System.Globalization;
using Quorum.Core.MarketData;

namespace Quorum.Data.Tests.Resampling;

/// <summary>Readable UTC times and bars for the resampling, integrity and buffer tests.</summary>
internal static class TestTimes
{
    /// <summary>Milliseconds of <c>yyyy-MM-dd HH:mm</c> UTC.</summary>
    public static long Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            .ToUnixTimeMilliseconds();

    /// <summary><c>yyyy-MM-dd HH:mm</c> of UTC milliseconds.</summary>
    public static string Text(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static Bar Bar(string time, decimal open, decimal high, decimal low, decimal close, decimal volume, bool isClosed = true) =>
        new(Utc(time), open, high, low, close, volume, isClosed);

    /// <summary>A flat sane bar at <paramref name="time"/> (price and volume as given).</summary>
    public static Bar Flat(string time, decimal price = 100m, decimal volume = 1m, bool isClosed = true) =>
        new(Utc(time), price, price + 1m, price - 1m, price, volume, isClosed);
}
