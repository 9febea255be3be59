using Quorum.Core.Time;

namespace Quorum.Strategies.Seed000;

/// <summary>
/// The multi-timeframe configuration of the seed-000 modules (the seed's <c>multi_timeframe_config.py</c>, whose
/// contents the seed does not give): every module finds its pattern on closed <see cref="Signal"/> (15m) bars and
/// takes it only in the direction of the <see cref="Trend"/> (1h) trend — the last closed 1h close above the 1h EMA
/// (parameter <c>trend_ema</c>) allows longs, below it allows shorts; <c>trend_ema=0</c> switches the filter off.
/// The 1h bar closing at the same instant as a 15m bar is delivered after it, so a 15m signal sees the previous 1h bar.
/// </summary>
internal static class Seed000Timeframes
{
    /// <summary>Where the patterns are found: 15m.</summary>
    public static readonly Timeframe Signal = Timeframe.M15;

    /// <summary>The higher-timeframe trend filter: 1h.</summary>
    public static readonly Timeframe Trend = Timeframe.H1;

    /// <summary>The descriptors' <see cref="StrategyDescriptor.Timeframes"/>, lowest first.</summary>
    public static IReadOnlyList<Timeframe> All { get; } = [Signal, Trend];
}
