namespace Quorum.Execution.Oms;

/// <summary>Seed 004 <c>ADJUST_TRADE</c>: <see cref="OrderId"/> is a trade id or any of its client order ids; the seed's <c>new_stop_loss_price</c> is <see cref="TradeAdjustment.StopLoss"/>.</summary>
public sealed record AdjustTradeCommand(string OrderId, TradeAdjustment Adjustment) : OmsCommand
{
    public const string ActionName = "ADJUST_TRADE";

    public override string Action => ActionName;
}
