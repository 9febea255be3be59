using Quorum.Core.Time;

namespace Quorum.Execution.Oms;

/// <summary>
/// Settings of one <see cref="OrderManager"/>. Checked by <see cref="Validate"/> when the manager is
/// built: a bad value throws naming the option, the value and the allowed range.
/// </summary>
public sealed record OmsOptions
{
    /// <summary>Bot id written into every client order id: 1–8 ASCII letters or digits.</summary>
    public string BotId { get; init; } = "1";

    /// <summary>A submitted order not acknowledged within this time becomes <c>Unknown</c> (see <see cref="OrderManager.CheckTimeouts"/>).</summary>
    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest quantity of one entry or exit child order; larger orders are sliced. Null: no limit.</summary>
    public decimal? MaxChildQuantity { get; init; }

    /// <summary>Largest notional (quote) of one child order at the plan's entry price. Null: no limit.</summary>
    public decimal? MaxChildNotional { get; init; }

    /// <summary>Limit entries go out post-only (maker only).</summary>
    public bool PostOnlyEntries { get; init; }

    /// <summary>How many times a post-only entry refused for taking liquidity is sent again (on the next bar, attempt + 1) before the trade is cancelled.</summary>
    public int PostOnlyRetries { get; init; }

    /// <summary>Move the stop to the average entry after the price went this many R in favour; null: no break-even move unless the plan or entry asks.</summary>
    public decimal? BreakEvenTriggerR { get; init; }

    /// <summary>Period of the ATR (Wilder) used by ATR trails.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Time stop for every trade without its own: close at market this long after the first entry fill. Null: none.</summary>
    public TimeSpan? DefaultTimeStop { get; init; }

    /// <summary>Time stop in management-timeframe bars for every trade without its own. Null: none.</summary>
    public int? DefaultTimeStopBars { get; init; }

    /// <summary>Keep a streaming ATR on the management timeframe of every symbol (needed by ATR trails; off saves work per bar, and ATR trails then never move).</summary>
    public bool TrackAtr { get; init; } = true;

    /// <summary>Timeframe whose bars drive trails, break-even moves, bar time stops and post-only retries; null: the first timeframe received for the symbol.</summary>
    public Timeframe? ManagementTimeframe { get; init; }

    /// <summary>When the plan has take-profits, the trail starts only after the first one filled (the runner trail); otherwise it starts with the entry.</summary>
    public bool TrailAfterFirstTakeProfit { get; init; } = true;

    /// <summary>Use the venue's native brackets when it has them (else the OMS emulates them).</summary>
    public bool UseNativeBrackets { get; init; } = true;

    /// <summary>Use the venue's native OCO for a single take-profit covering the whole position (else the OMS emulates it).</summary>
    public bool UseNativeOco { get; init; } = true;

    /// <summary>
    /// Keep every trade with its orders, fills and order history after it closed (default). False — for backtests,
    /// where a listener's <see cref="IOmsListener.OnTradeClosed"/> takes what it needs — drops a closed or cancelled
    /// trade and its orders once none of them can change, so memory follows the open trades, not the number of
    /// trades: <see cref="OrderManager.Trades"/> and <see cref="OrderManager.Orders"/> then hold only those kept,
    /// <see cref="OrderManager.GetTrade"/> / <see cref="OrderManager.GetOrder"/> throw for a dropped id, and reports
    /// for a dropped order's id count in <see cref="OrderManager.UnmatchedReports"/> and are ignored.
    /// </summary>
    public bool RetainClosedTrades { get; init; } = true;

    /// <summary>Throws when an option is out of range.</summary>
    public OmsOptions Validate()
    {
        if (string.IsNullOrEmpty(BotId) || BotId.Length > 8 || !BotId.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"OMS option BotId = '{BotId}' is invalid (allowed: 1–8 ASCII letters or digits)", nameof(BotId));
        }

        if (SubmitTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SubmitTimeout), SubmitTimeout, $"OMS option SubmitTimeout = {SubmitTimeout} is out of range (> 0)");
        }

        if (MaxChildQuantity is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxChildQuantity), MaxChildQuantity, $"OMS option MaxChildQuantity = {MaxChildQuantity} is out of range (> 0, or none)");
        }

        if (MaxChildNotional is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxChildNotional), MaxChildNotional, $"OMS option MaxChildNotional = {MaxChildNotional} is out of range (> 0, or none)");
        }

        if (PostOnlyRetries is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(PostOnlyRetries), PostOnlyRetries, $"OMS option PostOnlyRetries = {PostOnlyRetries} is out of range (0 ≤ x ≤ 100)");
        }

        if (BreakEvenTriggerR is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(BreakEvenTriggerR), BreakEvenTriggerR, $"OMS option BreakEvenTriggerR = {BreakEvenTriggerR} is out of range (> 0, or none)");
        }

        if (AtrPeriod is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(AtrPeriod), AtrPeriod, $"OMS option AtrPeriod = {AtrPeriod} is out of range (1 ≤ x ≤ 1000)");
        }

        if (DefaultTimeStop is { } stop && stop <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTimeStop), DefaultTimeStop, $"OMS option DefaultTimeStop = {DefaultTimeStop} is out of range (> 0, or none)");
        }

        if (DefaultTimeStopBars is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTimeStopBars), DefaultTimeStopBars, $"OMS option DefaultTimeStopBars = {DefaultTimeStopBars} is out of range (≥ 1, or none)");
        }

        return this;
    }
}
