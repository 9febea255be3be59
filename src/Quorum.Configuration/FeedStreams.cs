namespace Quorum.Configuration;

/// <summary>
/// Data streams whose health the governor can require (<c>governance.yaml: require_streams</c>),
/// named as seed 001 names them. Later issues that add a stream add it here, in one place.
/// </summary>
public static class FeedStreams
{
    public const string Candles = "candles";
    public const string Funding = "funding";
    public const string Orderbook = "orderbook";

    private static readonly string[] KnownStreams = [Candles, Funding, Orderbook];

    /// <summary>Every stream name <c>require_streams</c> accepts.</summary>
    public static IReadOnlyList<string> All => KnownStreams;
}
