using Quorum.Core.Instruments;

namespace Quorum.Core.MarketData;

/// <summary>
/// A perpetual funding payment rate applied at <see cref="FundingTimeMs"/> (UTC ms since epoch).
/// <see cref="Rate"/> is a fraction per funding interval (0.0001 = 0.01 %); a positive rate means
/// longs pay shorts.
/// </summary>
public sealed record FundingRate(Symbol Symbol, long FundingTimeMs, decimal Rate)
{
    public DateTimeOffset FundingTime => DateTimeOffset.FromUnixTimeMilliseconds(FundingTimeMs);
}
