using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Execution.Oms;

/// <summary>
/// One plan's life in the OMS: its orders, entry and exit fills, fees, funding and result. Money is
/// in the quote asset of a linear instrument. <see cref="RealizedPnl"/> is gross (before fees and
/// funding); <see cref="NetPnl"/> = realized − fees + funding; <see cref="RMultiple"/> = net / initial risk.
/// Read-only outside the OMS; changes only on the loop thread.
/// </summary>
public sealed class Trade
{
    private readonly List<TradeFill> _entryFills = [];
    private readonly List<TradeFill> _exitFills = [];
    private readonly List<ManagedOrder> _orders = [];
    private static readonly IReadOnlyDictionary<string, decimal> NoOtherAssetFees = new Dictionary<string, decimal>(StringComparer.Ordinal);
    private Dictionary<string, decimal>? _otherAssetFees; // made on the first fee in a third asset (rare)
    private decimal _entryNotional;
    private decimal _exitNotional;

    internal Trade(string tradeId, long planId, Plan plan, Instrument instrument, string strategy, decimal quantity, EntryOrderType entryType, decimal? limitPrice, long createdAtMs)
    {
        TradeId = tradeId;
        PlanId = planId;
        Plan = plan;
        Instrument = instrument;
        Strategy = strategy;
        PlannedQuantity = quantity;
        EntryType = entryType;
        EntryLimitPrice = limitPrice;
        CreatedAtMs = createdAtMs;
        StopPrice = plan.StopLoss;
        Trail = plan.Trail;
    }

    public string TradeId { get; }

    /// <summary>Plan number in the client order ids.</summary>
    public long PlanId { get; }

    public Plan Plan { get; }

    public Instrument Instrument { get; }

    public string Strategy { get; }

    public Symbol Symbol => Plan.Symbol;

    public PositionSide Side => Plan.Side;

    /// <summary>Side of the entry orders (buy for a long).</summary>
    public OrderSide EntrySide => Side == PositionSide.Long ? OrderSide.Buy : OrderSide.Sell;

    public TradeStatus Status { get; internal set; }

    public bool IsOpen => Status is TradeStatus.Pending or TradeStatus.Active;

    /// <summary>Quantity to enter: the plan's, rounded down to the instrument's step.</summary>
    public decimal PlannedQuantity { get; }

    public decimal PlannedEntry => Plan.Entry;

    public decimal PlannedStop => Plan.StopLoss;

    public EntryOrderType EntryType { get; }

    public decimal? EntryLimitPrice { get; }

    /// <summary>|planned entry − planned stop| × planned quantity (quote).</summary>
    public decimal InitialRisk => Math.Abs(Plan.Entry - Plan.StopLoss) * PlannedQuantity;

    /// <summary>Current stop price (moves with adjustments, break-even and the trail).</summary>
    public decimal StopPrice { get; internal set; }

    public StopOrigin StopOrigin { get; internal set; }

    public TrailSpec? Trail { get; internal set; }

    /// <summary>Most favourable price seen since the entry (highest high for a long, lowest low for a short); null before.</summary>
    public decimal? ExtremePrice { get; internal set; }

    /// <summary>Management-timeframe bars that opened at or after the first entry fill.</summary>
    public int BarsHeld { get; internal set; }

    /// <summary>Timeframe whose bars manage this trade (break-even, trail, bar time stop); null: the symbol's management timeframe.</summary>
    public Timeframe? ManagementTimeframe { get; internal set; }

    public long CreatedAtMs { get; }

    /// <summary>Time of the first entry fill; null while pending.</summary>
    public long? OpenedAtMs { get; internal set; }

    public long? ClosedAtMs { get; internal set; }

    public TradeExitReason ExitReason { get; internal set; }

    /// <summary>Free text with the exit (the reason given to a close, a venue's rejection reason).</summary>
    public string? ExitNote { get; internal set; }

    public IReadOnlyList<TradeFill> EntryFills => _entryFills;

    public IReadOnlyList<TradeFill> ExitFills => _exitFills;

    /// <summary>Every order of the trade, in the order sent.</summary>
    public IReadOnlyList<ManagedOrder> Orders => _orders;

    public decimal EntryQuantity { get; private set; }

    public decimal ExitQuantity { get; private set; }

    /// <summary>What is open now: entry − exit quantity.</summary>
    public decimal OpenQuantity => EntryQuantity - ExitQuantity;

    public decimal? AverageEntryPrice => EntryQuantity > 0m ? _entryNotional / EntryQuantity : null;

    public decimal? AverageExitPrice => ExitQuantity > 0m ? _exitNotional / ExitQuantity : null;

    /// <summary>
    /// Gross PnL realized by the exits: side × (exit notional − the entry notional of the exited
    /// quantity). Once closed this is exactly the sum of the fills' signed cash flows.
    /// </summary>
    public decimal RealizedPnl => ExitQuantity <= 0m ? 0m
        : Side.Sign() * (_exitNotional - (ExitQuantity == EntryQuantity ? _entryNotional : _entryNotional * ExitQuantity / EntryQuantity));

    /// <summary>Fees of all fills, in quote (negative for net rebates).</summary>
    public decimal Fees { get; private set; }

    /// <summary>Fees charged in an asset that is neither base nor quote (e.g. BNB), by asset; not in <see cref="Fees"/>.</summary>
    public IReadOnlyDictionary<string, decimal> OtherAssetFees => _otherAssetFees ?? NoOtherAssetFees;

    /// <summary>Funding received (negative: paid) while the trade held the symbol's position.</summary>
    public decimal Funding { get; private set; }

    public decimal NetPnl => RealizedPnl - Fees + Funding;

    /// <summary>Net PnL in units of the initial risk.</summary>
    public decimal RMultiple => InitialRisk > 0m ? NetPnl / InitialRisk : 0m;

    /// <summary>Sum of slippage × quantity over the fills that reported a reference price (quote; adverse positive).</summary>
    public decimal SlippageCost => _entryFills.Concat(_exitFills).Sum(f => f.SlippageCost ?? 0m);

    // --- OMS working state -------------------------------------------------------------------

    internal List<ExitLeg> TakeProfitLegs { get; } = [];

    internal ExitLeg StopLeg { get; set; } = null!;

    internal ExitLeg? LastExitLeg { get; set; }

    internal int TakeProfitLegCount { get; set; }

    internal decimal ChildQuantity { get; set; }

    internal int EntryChild { get; set; }

    internal int EntryAttempt { get; set; }

    internal ManagedOrder? WorkingEntry { get; set; }

    internal bool EntryDone { get; set; }

    internal bool EntryWaitsForBar { get; set; }

    internal bool EntryHalted { get; set; }

    internal bool CloseRefused { get; set; }

    internal TradeExitReason LastExitReason { get; set; }

    internal int PostOnlyRetriesUsed { get; set; }

    internal TradeExitReason EntryEndReason { get; set; } = TradeExitReason.Manual;

    internal bool VenueLinked { get; set; }

    /// <summary>The stop is watched by the OMS on bars (no stop order at the venue).</summary>
    public bool StopEmulated { get; internal set; }

    internal bool UseOco { get; set; }

    internal int OcoLists { get; set; }

    internal bool Closing { get; set; }

    internal TradeExitReason CloseReason { get; set; }

    internal int ExitChild { get; set; }

    internal ManagedOrder? WorkingExit { get; set; }

    internal long? TimeStopMs { get; set; }

    internal int? TimeStopBars { get; set; }

    internal decimal? BreakEvenAtR { get; set; }

    internal bool BreakEvenDone { get; set; }

    internal bool Queued { get; set; }

    internal int Sequence { get; set; }

    /// <summary>Ended and forgotten by its manager (<see cref="OmsOptions.RetainClosedTrades"/> false).</summary>
    internal bool Dropped { get; set; }

    internal ExitLegList ExitLegs => new(TakeProfitLegs, StopLeg);

    internal void AddOrder(ManagedOrder order) => _orders.Add(order);

    internal void AddFill(TradeFill fill)
    {
        var quantity = fill.Fill.Quantity;
        if (fill.Role == TradeFillRole.Entry)
        {
            _entryFills.Add(fill);
            EntryQuantity += quantity;
            _entryNotional += fill.Fill.Price * quantity;
        }
        else
        {
            if (quantity > OpenQuantity)
            {
                throw new InvalidOperationException(
                    $"trade {TradeId}: exit fill of {quantity} ({fill.Fill.ClientOrderId}) exceeds the open quantity {OpenQuantity}");
            }

            _exitFills.Add(fill);
            ExitQuantity += quantity;
            _exitNotional += fill.Fill.Price * quantity;
        }

        Fees += fill.FeeInQuote;
        var asset = fill.Fill.FeeAsset;
        if (asset != Symbol.QuoteAsset && asset != Symbol.BaseAsset)
        {
            _otherAssetFees ??= new Dictionary<string, decimal>(StringComparer.Ordinal);
            _otherAssetFees[asset] = _otherAssetFees.GetValueOrDefault(asset) + fill.Fill.Fee;
        }
    }

    internal void AddFunding(decimal amount) => Funding += amount;

    public override string ToString() =>
        $"trade {TradeId} {Side} {PlannedQuantity} {Symbol} {Status}" +
        (EntryQuantity > 0m ? $" in {EntryQuantity} @ {AverageEntryPrice}" : string.Empty) +
        (ExitQuantity > 0m ? $" out {ExitQuantity} @ {AverageExitPrice}" : string.Empty) +
        (Status == TradeStatus.Closed ? $" net {NetPnl} ({RMultiple:0.###}R) {ExitReason}" : string.Empty);
}
