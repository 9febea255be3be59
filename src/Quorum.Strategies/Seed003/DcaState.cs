namespace Quorum.Strategies.Seed003;

/// <summary>
/// The DCA engine's state on one symbol (seed 003 DCAEngine STATE: position, last buy price, highest price, total DCA
/// steps, realized profit). Prices are 0 where not defined (no open step, no cycle).
/// </summary>
/// <param name="OpenSteps">Steps of the current cycle that are filled and open.</param>
/// <param name="PendingSteps">Steps asked for and not filled yet.</param>
/// <param name="OpenQuantity">Base quantity held by the open steps.</param>
/// <param name="AverageEntry">Quantity-weighted average entry of the open steps.</param>
/// <param name="TakeProfitPrice">Average entry × (1 + take_profit_pct / 100).</param>
/// <param name="StopPrice">The cycle's stop (stop_pct below the first step's price).</param>
/// <param name="LastBuyPrice">Fill price of the last step.</param>
/// <param name="HighestPrice">Highest close since the strategy was last flat (the first step's reference).</param>
/// <param name="TotalSteps">Steps filled since the start, over all cycles.</param>
/// <param name="Cycles">Cycles completed (every step closed).</param>
/// <param name="RealizedProfit">Realized PnL after fees of every closed step (quote asset).</param>
public sealed record DcaState(
    int OpenSteps,
    int PendingSteps,
    decimal OpenQuantity,
    decimal AverageEntry,
    decimal TakeProfitPrice,
    decimal StopPrice,
    decimal LastBuyPrice,
    decimal HighestPrice,
    int TotalSteps,
    int Cycles,
    decimal RealizedProfit);
