using Quorum.Core.MarketData;

namespace Quorum.Data.Features;

/// <summary>
/// Seed 001 <c>extra_streams</c>: funding rates of the perpetual, and the other leg of the basis
/// (the spot series when the features are built on the perpetual). Either may be absent; their
/// feature columns are then left out.
/// </summary>
public sealed record ExtraStreams(IReadOnlyList<FundingRate>? Funding = null, BarSeries? BasisReference = null)
{
    public static ExtraStreams None { get; } = new();
}
