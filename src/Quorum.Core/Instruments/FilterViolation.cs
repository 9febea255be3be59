namespace Quorum.Core.Instruments;

/// <summary>
/// One reason a venue would reject an order: which filter, the offending value, the filter's
/// limit, and a message naming all three (e.g. <c>BINANCE:BTCUSDT: price 100.005 is not a multiple of tick size 0.01</c>).
/// A violation is a value, never an exception: risk and the OMS turn it into a denial.
/// </summary>
public sealed record FilterViolation(FilterViolationKind Kind, decimal Value, decimal Limit, string Message)
{
    public override string ToString() => Message;
}
