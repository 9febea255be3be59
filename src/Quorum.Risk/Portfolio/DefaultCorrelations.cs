namespace Quorum.Risk.Portfolio;

/// <summary>
/// Seed 003's built-in correlations (by base asset), used until 90 days of daily returns exist for a pair:
/// BTC↔ETH 0.85, BTC↔SOL 0.75, ETH↔SOL 0.70. Pairs not listed count as uncorrelated (0) until measured.
/// </summary>
public static class DefaultCorrelations
{
    /// <summary>The seed's table.</summary>
    public static IReadOnlyList<(string AssetA, string AssetB, double Correlation)> Seed { get; } =
    [
        ("BTC", "ETH", 0.85),
        ("BTC", "SOL", 0.75),
        ("ETH", "SOL", 0.70),
    ];
}
