using Quorum.Core.Instruments;

namespace Quorum.Configuration;

/// <summary>One venue of <c>quorum.yaml: venues</c>.</summary>
/// <param name="Enabled"><c>enabled</c>: whether Quorum connects to it at all.</param>
/// <param name="Testnet"><c>testnet</c>: use the venue's test network instead of the real one.</param>
/// <param name="MarketTypes"><c>market_types</c>: <c>spot</c> and/or <c>perp</c>.</param>
public sealed record VenueConfig(bool Enabled, bool Testnet, IReadOnlyList<MarketType> MarketTypes)
{
    /// <summary>A venue that is not configured: disabled, no markets.</summary>
    public static VenueConfig Disabled { get; } = new(false, false, []);
}
