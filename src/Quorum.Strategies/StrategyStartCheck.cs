using Quorum.Configuration;

namespace Quorum.Strategies;

/// <summary>What a bot checks before it starts a strategy against the locked limits of governance.yaml.</summary>
public static class StrategyStartCheck
{
    /// <summary>
    /// Null when <paramref name="strategy"/> may start under <paramref name="governance"/> (null: the shipped defaults, which
    /// say <c>no_martingale: true</c>); otherwise why not and which key would allow it (a DCA bot while <c>no_martingale: true</c>).
    /// </summary>
    public static string? Refusal(StrategyDescriptor strategy, GovernanceConfig? governance)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return strategy.AveragesDown && (governance?.NoMartingale ?? true)
            ? $"strategy {strategy.Name} averages down (it adds to a losing position), which governance.yaml forbids with no_martingale: true; " +
              "set no_martingale: false in governance.yaml to allow it"
            : null;
    }
}
