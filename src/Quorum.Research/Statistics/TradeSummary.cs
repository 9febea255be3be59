using System.Text;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Oms;

namespace Quorum.Research.Statistics;

/// <summary>
/// One closed trade as the statistics see it: who traded what, when, at what average prices, and what it earned.
/// Money is in the quote asset. <see cref="NetPnl"/> = <see cref="GrossPnl"/> − <see cref="Fees"/> + <see cref="Funding"/>
/// and <see cref="RMultiple"/> = <see cref="NetPnl"/> / <see cref="InitialRisk"/> are derived, so they cannot disagree.
/// </summary>
public sealed record TradeSummary
{
    /// <param name="tradeId">Unique id of the trade (e.g. the plan id).</param>
    /// <param name="strategy">Name of the strategy that opened it.</param>
    /// <param name="symbol">The symbol traded.</param>
    /// <param name="side">Long or short.</param>
    /// <param name="entryTimeMs">Time of the first entry fill (UTC ms).</param>
    /// <param name="exitTimeMs">Time of the last exit fill (UTC ms), not before the entry.</param>
    /// <param name="averageEntryPrice">Quantity-weighted entry price (&gt; 0).</param>
    /// <param name="averageExitPrice">Quantity-weighted exit price (&gt; 0).</param>
    /// <param name="quantity">Size traded (base units, &gt; 0).</param>
    /// <param name="grossPnl">PnL of the fills before fees and funding: side × (exit − entry) × quantity for one entry and one exit.</param>
    /// <param name="fees">Fees paid on the trade's fills (negative for net rebates).</param>
    /// <param name="funding">Funding received while open (negative when paid).</param>
    /// <param name="initialRisk">Money at risk when the trade opened, |entry − stop| × quantity (&gt; 0), or null when the trade had no stop.</param>
    /// <param name="exitReason">Why it closed, e.g. <c>stop_loss</c>, <c>take_profit</c>, <c>signal</c>, <c>end_of_data</c>.</param>
    public TradeSummary(
        string tradeId,
        string strategy,
        Symbol symbol,
        PositionSide side,
        long entryTimeMs,
        long exitTimeMs,
        decimal averageEntryPrice,
        decimal averageExitPrice,
        decimal quantity,
        decimal grossPnl,
        decimal fees,
        decimal funding,
        decimal? initialRisk,
        string exitReason)
    {
        TradeId = NotBlank(tradeId, "trade id", nameof(tradeId));
        Strategy = NotBlank(strategy, $"trade {tradeId} strategy", nameof(strategy));
        if (symbol.Venue.Code is null)
        {
            throw new ArgumentException($"trade {tradeId}: symbol is required (got the default, empty symbol)", nameof(symbol));
        }

        Symbol = symbol;
        Side = Enum.IsDefined(side) ? side : throw new ArgumentOutOfRangeException(nameof(side), side, $"trade {tradeId}: side {side} is not Long or Short");
        EntryTimeMs = entryTimeMs;
        ExitTimeMs = exitTimeMs >= entryTimeMs
            ? exitTimeMs
            : throw new ArgumentOutOfRangeException(nameof(exitTimeMs), exitTimeMs, $"trade {tradeId}: exit time {exitTimeMs} is before entry time {entryTimeMs}");
        AverageEntryPrice = Positive(averageEntryPrice, $"trade {tradeId} average entry price", nameof(averageEntryPrice));
        AverageExitPrice = Positive(averageExitPrice, $"trade {tradeId} average exit price", nameof(averageExitPrice));
        Quantity = Positive(quantity, $"trade {tradeId} quantity", nameof(quantity));
        GrossPnl = grossPnl;
        Fees = fees;
        Funding = funding;
        InitialRisk = initialRisk is null ? null : Positive(initialRisk.Value, $"trade {tradeId} initial risk", nameof(initialRisk));
        ExitReason = NotBlank(exitReason, $"trade {tradeId} exit reason", nameof(exitReason));
    }

    public string TradeId { get; }

    public string Strategy { get; }

    public Symbol Symbol { get; }

    public PositionSide Side { get; }

    public long EntryTimeMs { get; }

    public long ExitTimeMs { get; }

    public decimal AverageEntryPrice { get; }

    public decimal AverageExitPrice { get; }

    public decimal Quantity { get; }

    /// <summary>PnL before fees and funding (quote).</summary>
    public decimal GrossPnl { get; }

    /// <summary>Fees paid (quote; negative for net rebates).</summary>
    public decimal Fees { get; }

    /// <summary>Funding received (quote; negative when paid).</summary>
    public decimal Funding { get; }

    /// <summary>Money at risk at entry (quote, &gt; 0), or null when unknown.</summary>
    public decimal? InitialRisk { get; }

    public string ExitReason { get; }

    /// <summary>Gross PnL − fees + funding (quote).</summary>
    public decimal NetPnl => GrossPnl - Fees + Funding;

    /// <summary>Net PnL in units of the initial risk; null when <see cref="InitialRisk"/> is null.</summary>
    public decimal? RMultiple => InitialRisk is { } risk ? NetPnl / risk : null;

    /// <summary>Exit time − entry time (ms).</summary>
    public long DurationMs => ExitTimeMs - EntryTimeMs;

    /// <summary>
    /// The summary of a closed OMS trade: entry and exit times of its first entry and last exit fill, average prices,
    /// the entered quantity, gross PnL (the OMS's realized PnL), fees (quote), funding, the OMS's initial risk
    /// (|planned entry − planned stop| × planned quantity; null when 0) and the exit reason in snake_case
    /// (<c>stop_loss</c>, <c>take_profit</c>, …). Fees the OMS kept in a third asset (<see cref="Trade.OtherAssetFees"/>) are
    /// not included. Throws for a trade that is not closed with a filled entry: it is not a trade to count.
    /// </summary>
    public static TradeSummary FromTrade(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (trade.Status != TradeStatus.Closed || trade.OpenedAtMs is not { } opened || trade.ClosedAtMs is not { } closed
            || trade.AverageEntryPrice is not { } entry || trade.AverageExitPrice is not { } exit)
        {
            throw new ArgumentException(
                $"trade {trade.TradeId} is {trade.Status} with {trade.EntryQuantity} entered and {trade.ExitQuantity} exited: only a closed trade with fills can be summarized",
                nameof(trade));
        }

        return new TradeSummary(
            trade.TradeId,
            trade.Strategy,
            trade.Symbol,
            trade.Side,
            opened,
            closed,
            entry,
            exit,
            trade.EntryQuantity,
            trade.RealizedPnl,
            trade.Fees,
            trade.Funding,
            trade.InitialRisk > 0m ? trade.InitialRisk : null,
            ReasonText(trade.ExitReason));
    }

    /// <summary>An exit reason as written in trades.csv and result.json, e.g. <c>stop_loss</c>, <c>take_profit</c>.</summary>
    public static string ReasonText(TradeExitReason reason) => SnakeCase(reason.ToString());

    /// <summary>The summaries of the closed trades among <paramref name="trades"/> (cancelled and open ones skipped), in the given order.</summary>
    public static IReadOnlyList<TradeSummary> FromClosedTrades(IEnumerable<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        return [.. trades.Where(t => t.Status == TradeStatus.Closed && t.ExitQuantity > 0m).Select(FromTrade)];
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static string NotBlank(string? value, string what, string parameterName) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{what} is required (got '{value}')", parameterName) : value;

    private static decimal Positive(decimal value, string what, string parameterName) =>
        value > 0m ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} {value} must be positive (> 0)");
}
