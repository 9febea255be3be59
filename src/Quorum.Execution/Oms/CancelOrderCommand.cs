namespace Quorum.Execution.Oms;

/// <summary>
/// Seed 004 <c>CANCEL_ORDER</c>: <see cref="OrderId"/> is a trade id or a client order id. A pending
/// trade is cancelled (entry and its linked exits); for an active trade the working entry is canceled
/// (what filled stays managed).
/// </summary>
public sealed record CancelOrderCommand(string OrderId) : OmsCommand
{
    public const string ActionName = "CANCEL_ORDER";

    public override string Action => ActionName;
}
