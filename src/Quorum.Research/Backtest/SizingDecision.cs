using Quorum.Core.Trading;

namespace Quorum.Research.Backtest;

/// <summary>A sized plan, or the reason a signal could not become one (a value, not an error).</summary>
public readonly record struct SizingDecision(Plan? Plan, string? SkipReason)
{
    public static SizingDecision Of(Plan plan) => new(plan, null);

    public static SizingDecision Skip(string reason) => new(null, reason);
}
