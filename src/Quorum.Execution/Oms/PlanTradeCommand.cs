using Quorum.Core.Trading;

namespace Quorum.Execution.Oms;

/// <summary>
/// Seed 004 <c>PLAN_TRADE</c>: open a trade for a sized plan. The seed's <c>entry_price</c> is a
/// limit entry, so <see cref="Entry"/> defaults to a limit at the plan's entry price; its
/// <c>take_profit_prices</c> are the plan's take-profits.
/// </summary>
public sealed record PlanTradeCommand(Plan Plan, TradeEntry? Entry = null) : OmsCommand
{
    public const string ActionName = "PLAN_TRADE";

    public override string Action => ActionName;
}
