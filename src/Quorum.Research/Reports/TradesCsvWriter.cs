using System.Globalization;
using System.Text;
using Quorum.Research.Backtest;
using Quorum.Research.Statistics;

namespace Quorum.Research.Reports;

/// <summary>
/// Writes <c>trades.csv</c>: one row per closed trade in exit-time order, comma-separated, invariant
/// culture, <c>\n</c> line ends. Times are UTC ISO 8601; money is exact (quote asset); <c>r_multiple</c> =
/// net PnL / initial risk, rounded to 6 places (empty when the trade had no risk).
/// </summary>
public static class TradesCsvWriter
{
    public const string Header =
        "trade_id,strategy,symbol,side,entry_time,exit_time,quantity,entry_price,exit_price,gross_pnl,fees,funding,net_pnl,initial_risk,r_multiple,exit_reason";

    public static string Write(IReadOnlyList<TradeSummary> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var csv = new StringBuilder(Header.Length + (trades.Count * 200));
        csv.Append(Header).Append('\n');
        foreach (var trade in trades)
        {
            csv.Append(Field(trade.TradeId)).Append(',')
                .Append(Field(trade.Strategy)).Append(',')
                .Append(trade.Symbol.ToString()).Append(',')
                .Append(trade.Side == Core.Trading.PositionSide.Long ? "LONG" : "SHORT").Append(',')
                .Append(BacktestTime.Format(trade.EntryTimeMs)).Append(',')
                .Append(BacktestTime.Format(trade.ExitTimeMs)).Append(',')
                .Append(Number(trade.Quantity)).Append(',')
                .Append(Number(trade.AverageEntryPrice)).Append(',')
                .Append(Number(trade.AverageExitPrice)).Append(',')
                .Append(Number(trade.GrossPnl)).Append(',')
                .Append(Number(trade.Fees)).Append(',')
                .Append(Number(trade.Funding)).Append(',')
                .Append(Number(trade.NetPnl)).Append(',')
                .Append(trade.InitialRisk is { } risk ? Number(risk) : string.Empty).Append(',')
                .Append(trade.RMultiple is { } r ? Number(decimal.Round(r, 6)) : string.Empty).Append(',')
                .Append(Field(trade.ExitReason)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quotes a field holding a comma, quote or line break (RFC 4180).</summary>
    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
