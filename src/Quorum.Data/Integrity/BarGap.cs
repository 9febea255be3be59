using System.Globalization;

namespace Quorum.Data.Integrity;

/// <summary>A run of missing bars.</summary>
/// <param name="FirstMissingOpenTimeMs">Open time of the first missing bar (UTC ms).</param>
/// <param name="LastMissingOpenTimeMs">Open time of the last missing bar (UTC ms).</param>
/// <param name="MissingBarCount">Number of missing bars.</param>
/// <param name="NextBarIndex">Index of the first bar present after the gap.</param>
public sealed record BarGap(long FirstMissingOpenTimeMs, long LastMissingOpenTimeMs, long MissingBarCount, int NextBarIndex)
{
    /// <summary>The missing open times, e.g. <c>2021-04-25 04:05 → 08:40 UTC</c>.</summary>
    public string RangeText => TimeText.Range(FirstMissingOpenTimeMs, LastMissingOpenTimeMs);

    /// <summary>E.g. <c>2021-04-25 04:05 → 08:40 UTC (56 bars missing)</c>.</summary>
    public override string ToString() =>
        $"{RangeText} ({MissingBarCount.ToString("N0", CultureInfo.InvariantCulture)} {(MissingBarCount == 1 ? "bar" : "bars")} missing)";
}
