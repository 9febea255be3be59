namespace Quorum.Strategies.Seed001;

/// <summary>The seed-001 strategies of the built-in registry (breakout_4h, vol_exp_15m, range_rev_5m, funding_rev).</summary>
internal static class Seed001Strategies
{
    public static IReadOnlyList<StrategyDescriptor> Descriptors { get; } =
    [
        Breakout4h.Descriptor,
        VolExp15m.Descriptor,
        RangeRev5m.Descriptor,
        FundingRev.Descriptor,
    ];
}
