using Quorum.Core.Instruments;

namespace Quorum.Execution.Venues;

/// <summary>
/// Funding settled on a perpetual position at <see cref="TimeMs"/>: <see cref="Amount"/> is what the
/// account received in the quote asset (negative when it paid). A long pays when the rate is
/// positive: amount = −rate × signed position size × mark price.
/// </summary>
public sealed record FundingPayment(Symbol Symbol, long TimeMs, decimal Rate, decimal MarkPrice, decimal SignedPositionQuantity, decimal Amount);
