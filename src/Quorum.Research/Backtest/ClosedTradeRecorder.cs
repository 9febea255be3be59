using Quorum.Execution.Oms;
using Quorum.Research.Statistics;
using Trade = Quorum.Execution.Oms.Trade;

namespace Quorum.Research.Backtest;

/// <summary>
/// Keeps the <see cref="TradeSummary"/> of every closed trade with fills as the OMS closes it, so a backtest's OMS can drop
/// closed trades (<see cref="OmsOptions.RetainClosedTrades"/> false) and the run still reports every trade. A trade the
/// runner closed because the data ended gets the exit reason <c>end_of_data</c>.
/// </summary>
internal sealed class ClosedTradeRecorder : IOmsListener
{
    private readonly List<TradeSummary> _trades = [];

    /// <summary>The summaries recorded so far, in closing order.</summary>
    public IReadOnlyList<TradeSummary> Trades => _trades;

    /// <summary>The summaries by exit time, then trade id (ordinal): the order of trades.csv and the statistics.</summary>
    public List<TradeSummary> InExitOrder() =>
        [.. _trades.OrderBy(t => t.ExitTimeMs).ThenBy(t => t.TradeId, StringComparer.Ordinal)];

    void IOmsListener.OnTradeClosed(Trade trade)
    {
        if (trade.Status == TradeStatus.Closed && trade.ExitQuantity > 0m)
        {
            _trades.Add(ToSummary(trade));
        }
    }

    /// <summary><see cref="TradeSummary.FromTrade"/>, with <c>end_of_data</c> as the exit reason of trades the runner closed because the data ended.</summary>
    internal static TradeSummary ToSummary(Trade trade)
    {
        var summary = TradeSummary.FromTrade(trade);
        return trade.ExitReason == TradeExitReason.Manual && trade.ExitNote == BacktestRunner.EndOfDataNote
            ? new TradeSummary(
                summary.TradeId, summary.Strategy, summary.Symbol, summary.Side, summary.EntryTimeMs, summary.ExitTimeMs, summary.AverageEntryPrice,
                summary.AverageExitPrice, summary.Quantity, summary.GrossPnl, summary.Fees, summary.Funding, summary.InitialRisk, "end_of_data")
            : summary;
    }
}
