using Quorum.Core.Instruments;
using Quorum.Core.Trading;

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

    private static string NotBlank(string? value, string what, string parameterName) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{what} is required (got '{value}')", parameterName) : value;

    private static decimal Positive(decimal value, string what, string parameterName) =>
        value > 0m ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} {value} must be positive (> 0)");
}
