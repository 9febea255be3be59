using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Oms;

/// <summary>
/// The order-management system: the only component that calls <see cref="IVenue"/>'s order methods.
/// Plans (from the risk layer) and seed-004 commands come in; it sends entries, protective stops and
/// take-profits (native brackets when the venue has them, emulated otherwise), keeps every order's
/// state machine, manages trails, break-even moves and time stops on the bars it is fed, and keeps
/// each trade's fills, fees, funding and result.
/// </summary>
/// <remarks>
/// Single-threaded: every method runs on the engine's loop thread (no locks). The bot forwards the
/// venue's reports, bars and funding (<see cref="OnExecutionReport"/>, <see cref="OnBar"/>,
/// <see cref="OnFunding"/>; the manager is an <see cref="IVenueListener"/>, so it can also be connected
/// directly). Reports may arrive synchronously from inside a venue call: the manager updates the
/// books at once and re-plans every touched trade after the outermost call returns, so the result
/// does not depend on whether a venue answers synchronously. See docs/oms.md.
/// </remarks>
public sealed partial class OrderManager : IVenueListener
{
    private const int MaxSyncStepsPerCall = 100_000;

    private readonly IVenue _venue;
    private readonly TimeProvider _clock;
    private readonly OmsOptions _options;
    private readonly List<Trade> _trades = [];
    private readonly Dictionary<string, Trade> _tradesById = new(StringComparer.Ordinal);
    private readonly HashSet<long> _planIds = [];
    private readonly List<ManagedOrder> _orders = [];
    private readonly Dictionary<string, ManagedOrder> _ordersById = new(StringComparer.Ordinal);
    private readonly Dictionary<Symbol, List<Trade>> _openBySymbol = [];
    private readonly List<Trade> _open = [];
    private readonly Dictionary<Symbol, Instrument> _instruments = [];
    private readonly SymbolMap<SymbolBarState> _barStates = new();
    private readonly List<IOmsListener> _listeners = [];
    private readonly Queue<Trade> _dirty = new();
    private readonly List<ManagedOrder> _awaitingAck = [];
    private readonly List<OmsCommandResult> _commandLog = [];
    private long _lastPlanId;
    private int _tradesCreated;
    private int _tradesDropped;
    private bool _pumping;

    /// <summary>Set for good once a trade has a time stop in milliseconds: until then <see cref="CheckTimeouts"/> skips the walk over open trades.</summary>
    private bool _anyTimeStopMs;

    public OrderManager(IVenue venue, TimeProvider clock, OmsOptions options)
    {
        _venue = venue ?? throw new ArgumentNullException(nameof(venue));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
    }

    public OmsOptions Options => _options;

    /// <summary>Every trade, in creation order (with <see cref="OmsOptions.RetainClosedTrades"/> false: those not dropped yet).</summary>
    public IReadOnlyList<Trade> Trades => _trades;

    /// <summary>How many trades <see cref="PlanTrade"/> created, dropped ones included.</summary>
    public int TradesCreated => _tradesCreated;

    /// <summary>How many ended trades were dropped (<see cref="OmsOptions.RetainClosedTrades"/> false); 0 otherwise.</summary>
    public int TradesDropped => _tradesDropped;

    /// <summary>Pending and active trades, in creation order (a snapshot: closing trades while enumerating it is safe).</summary>
    public IEnumerable<Trade> OpenTrades => _open.Count == 0 ? [] : _open.ToArray();

    /// <summary>Closed and cancelled trades, in creation order (with <see cref="OmsOptions.RetainClosedTrades"/> false: those not dropped yet).</summary>
    public IEnumerable<Trade> ClosedTrades => _trades.Where(t => !t.IsOpen);

    /// <summary>Every order sent, in the order sent (with <see cref="OmsOptions.RetainClosedTrades"/> false: those of the trades kept).</summary>
    public IReadOnlyList<ManagedOrder> Orders => _orders;

    /// <summary>The seed-004 commands run by <see cref="Execute"/> and their results, oldest first.</summary>
    public IReadOnlyList<OmsCommandResult> CommandLog => _commandLog;

    /// <summary>Funding on a symbol with no open trade (received, negative when paid).</summary>
    public decimal UnattributedFunding { get; private set; }

    /// <summary>Reports for client order ids this manager never sent (another client on the account); ignored.</summary>
    public int UnmatchedReports { get; private set; }

    /// <summary>Registers a listener; listeners are called in registration order.</summary>
    public void AddListener(IOmsListener listener) => _listeners.Add(listener ?? throw new ArgumentNullException(nameof(listener)));

    public Trade GetTrade(string tradeId) =>
        _tradesById.TryGetValue(tradeId, out var trade)
            ? trade
            : throw new KeyNotFoundException(WasDropped(tradeId)
                ? $"trade '{tradeId}' ended and was dropped (OmsOptions.RetainClosedTrades is false)"
                : $"no trade '{tradeId}' (known: {_trades.Count} trades, ids like {ClientOrderIds.Prefix}-b{_options.BotId}-p1)");

    public bool TryGetTrade(string tradeId, out Trade trade) => _tradesById.TryGetValue(tradeId, out trade!);

    public ManagedOrder GetOrder(string clientOrderId) =>
        _ordersById.TryGetValue(clientOrderId, out var order)
            ? order
            : throw new KeyNotFoundException(WasDropped(clientOrderId)
                ? $"order '{clientOrderId}' belonged to a trade that ended and was dropped (OmsOptions.RetainClosedTrades is false)"
                : $"no order with client order id '{clientOrderId}' was sent by this OMS (bot {_options.BotId})");

    public bool TryGetOrder(string clientOrderId, out ManagedOrder order) => _ordersById.TryGetValue(clientOrderId, out order!);

    /// <summary>
    /// Opens a trade for <paramref name="plan"/>: a market entry by default, or the limit / post-only
    /// limit <paramref name="entry"/> asks for, with the plan's stop and take-profits (a native bracket
    /// when the venue has them and the entry is not sliced; otherwise placed as the entry fills).
    /// </summary>
    public Trade PlanTrade(Plan plan, TradeEntry? entry = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        entry ??= new TradeEntry();
        var instrument = GetInstrument(plan.Symbol);
        var planId = PlanIdOf(plan);
        var tradeId = string.Create(CultureInfo.InvariantCulture, $"{ClientOrderIds.Prefix}-b{_options.BotId}-p{planId}");
        var strategy = entry.Strategy ?? (plan.Metadata.TryGetValue(PlanMetadataKeys.Strategy, out var name) ? Convert.ToString(name, CultureInfo.InvariantCulture) : null) ?? "unspecified";
        var quantity = instrument.FloorQuantity(plan.Quantity);
        decimal? limitPrice = entry.Type == EntryOrderType.Market ? null : instrument.RoundPrice(entry.LimitPrice ?? plan.Entry);
        var now = Now;
        var trade = new Trade(tradeId, planId, plan, instrument, strategy, quantity, entry.Type, limitPrice, now)
        {
            Sequence = _tradesCreated++,
        };
        trade.StopPrice = instrument.RoundPrice(plan.StopLoss);
        trade.StopLeg = new ExitLeg(OrderLegKind.StopLoss, "s", trade.StopPrice, 1m);
        foreach (var takeProfit in plan.TakeProfits)
        {
            trade.TakeProfitLegCount++;
            trade.TakeProfitLegs.Add(new ExitLeg(
                OrderLegKind.TakeProfit, ClientOrderIds.Leg('t', trade.TakeProfitLegCount), instrument.RoundPrice(takeProfit.Price), takeProfit.Fraction));
        }

        trade.TimeStopMs = (long?)entry.TimeStop?.TotalMilliseconds ?? MetadataLong(plan, PlanMetadataKeys.TimeStopMs) ?? (long?)_options.DefaultTimeStop?.TotalMilliseconds;
        _anyTimeStopMs |= trade.TimeStopMs is not null;
        trade.TimeStopBars = entry.TimeStopBars ?? (int?)MetadataLong(plan, PlanMetadataKeys.TimeStopBars) ?? _options.DefaultTimeStopBars;
        trade.BreakEvenAtR = entry.BreakEvenAtR ?? MetadataDecimal(plan, PlanMetadataKeys.BreakEvenR) ?? _options.BreakEvenTriggerR;
        trade.ManagementTimeframe = entry.ManagementTimeframe;
        trade.ChildQuantity = ChildQuantity(instrument, quantity, limitPrice ?? plan.Entry);
        var capabilities = _venue.Capabilities;
        trade.VenueLinked = _options.UseNativeBrackets && capabilities.NativeBrackets && trade.ChildQuantity >= quantity;
        trade.UseOco = !trade.VenueLinked && _options.UseNativeOco && capabilities.NativeOco
            && trade.TakeProfitLegs.Count == 1 && trade.TakeProfitLegs[0].Fraction == 1m;

        // The OMS watches the stop itself (on bars) when the venue has no stop orders, or when a spot
        // stop and take-profits would both reserve the same coins (no native OCO or bracket to link them).
        trade.StopEmulated = !capabilities.StopOrders
            || (!trade.VenueLinked && !trade.UseOco && !plan.Symbol.IsPerpetual && trade.TakeProfitLegs.Count > 0);

        _trades.Add(trade);
        _tradesById.Add(tradeId, trade);
        if (!_openBySymbol.TryGetValue(plan.Symbol, out var open))
        {
            open = [];
            _openBySymbol.Add(plan.Symbol, open);
        }

        open.Add(trade);
        _open.Add(trade);
        if (quantity <= 0m)
        {
            trade.EntryDone = true;
            trade.EntryEndReason = TradeExitReason.Rejected;
            trade.ExitNote = $"plan quantity {plan.Quantity} rounds to 0 on step {instrument.StepSize}";
        }

        MarkDirty(trade);
        Pump();
        return trade;
    }

    /// <summary>
    /// Cancels one order. The working entry: no more entry orders are sent (a pending trade becomes
    /// Cancelled, an active one keeps what filled). A stop or take-profit: that leg is turned off.
    /// An order already terminal: nothing happens. Throws for an id this OMS never sent.
    /// </summary>
    public void CancelOrder(string clientOrderId)
    {
        if (!_ordersById.ContainsKey(clientOrderId) && WasDropped(clientOrderId))
        {
            return; // its trade ended: the order is terminal
        }

        var order = GetOrder(clientOrderId);
        if (!order.IsWorking)
        {
            return;
        }

        var trade = order.Trade;
        switch (order.Leg)
        {
            case OrderLegKind.Entry:
                HaltEntry(trade, TradeExitReason.Manual);
                break;
            case OrderLegKind.StopLoss:
            case OrderLegKind.TakeProfit:
                var leg = FindLeg(trade, order);
                if (leg is not null)
                {
                    leg.Disabled = true;
                }

                RequestCancel(order);
                break;
            default:
                RequestCancel(order);
                break;
        }

        MarkDirty(trade);
        Pump();
    }

    /// <summary>Closes a trade: cancels its working orders, then exits what is open at market (reason <see cref="TradeExitReason.Manual"/>). A trade already ended is left alone.</summary>
    public void CloseTrade(string tradeId, string reason) => CloseTrade(tradeId, TradeExitReason.Manual, reason);

    /// <summary>Closes a trade with an explicit reason (<see cref="TradeExitReason.Signal"/>, <see cref="TradeExitReason.TimeStop"/>, …).</summary>
    public void CloseTrade(string tradeId, TradeExitReason reason, string? note = null)
    {
        if (!_tradesById.ContainsKey(tradeId) && reason != TradeExitReason.None && WasDropped(tradeId))
        {
            return; // ended (and dropped) already
        }

        var trade = GetTrade(tradeId);
        if (reason == TradeExitReason.None)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, $"closing trade {tradeId} needs a reason (got None)");
        }

        RequestClose(trade, reason, note);
        Pump();
    }

    /// <summary>
    /// Changes an open trade: a new stop (must stay on the losing side of the last price, or of the
    /// entry while pending), new take-profits (replacing those not filled), a trail or no trail.
    /// Throws when the trade is not open or a price is on the wrong side.
    /// </summary>
    public void AdjustTrade(string tradeId, TradeAdjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        var trade = GetTrade(tradeId);
        if (!trade.IsOpen)
        {
            throw new InvalidOperationException($"trade {tradeId} is {trade.Status}: there is nothing to adjust");
        }

        var sign = trade.Side.Sign();
        var reference = trade.Status == TradeStatus.Active && TryGetLastClose(trade.Symbol, out var last)
            ? last
            : trade.AverageEntryPrice ?? trade.EntryLimitPrice ?? trade.PlannedEntry;
        decimal? newStop = null;
        if (adjustment.StopLoss is { } stop)
        {
            newStop = trade.Instrument.RoundPrice(stop);
            if (sign * (reference - newStop.Value) <= 0m)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(adjustment), stop, $"trade {tradeId}: new stop {stop} must be {(sign > 0 ? "below" : "above")} the reference price {reference}");
            }
        }

        List<ExitLeg>? newLegs = null;
        if (adjustment.TakeProfits is { } takeProfits)
        {
            var basis = trade.AverageEntryPrice ?? trade.EntryLimitPrice ?? trade.PlannedEntry;
            var filledFraction = trade.PlannedQuantity > 0m
                ? trade.TakeProfitLegs.Sum(leg => leg.FilledQuantity) / trade.PlannedQuantity
                : 0m;
            var sum = filledFraction;
            newLegs = [];
            var count = trade.TakeProfitLegCount;
            foreach (var takeProfit in takeProfits)
            {
                if (sign * (takeProfit.Price - basis) <= 0m)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(adjustment), takeProfit.Price, $"trade {tradeId}: take-profit {takeProfit.Price} must be {(sign > 0 ? "above" : "below")} {basis}");
                }

                sum += takeProfit.Fraction;
                count++;
                newLegs.Add(new ExitLeg(
                    OrderLegKind.TakeProfit, ClientOrderIds.Leg('t', count), trade.Instrument.RoundPrice(takeProfit.Price), takeProfit.Fraction));
            }

            if (sum > 1m)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(adjustment), sum, $"trade {tradeId}: take-profit fractions with those already filled ({filledFraction}) sum to {sum} (allowed: ≤ 1)");
            }

            if (count > 9999)
            {
                throw new InvalidOperationException($"trade {tradeId}: more than 9999 take-profit legs");
            }
        }

        if (newStop is { } s)
        {
            trade.StopPrice = s;
            trade.StopOrigin = StopOrigin.Plan;
            trade.StopLeg.Price = s;
            trade.StopLeg.Disabled = false;
        }

        if (newLegs is not null)
        {
            foreach (var leg in trade.TakeProfitLegs)
            {
                leg.Disabled = true;
            }

            trade.TakeProfitLegs.AddRange(newLegs);
            trade.TakeProfitLegCount += newLegs.Count;
            if (trade.VenueLinked)
            {
                Unlink(trade);
            }

            if (trade.UseOco)
            {
                trade.UseOco = false;
                foreach (var leg in trade.ExitLegs)
                {
                    if (leg.Working is { IsWorking: true } working)
                    {
                        RequestCancel(working);
                    }
                }
            }
        }

        if (adjustment.RemoveTrail)
        {
            trade.Trail = null;
        }
        else if (adjustment.Trail is { } trail)
        {
            trade.Trail = trail;
        }

        MarkDirty(trade);
        Pump();
    }

    /// <summary>
    /// Marks submitted orders not acknowledged within <see cref="OmsOptions.SubmitTimeout"/> as
    /// <see cref="OrderStatus.Unknown"/>, and closes trades whose time stop (in milliseconds) has passed.
    /// Called by the bot's scheduler and on every bar.
    /// </summary>
    public void CheckTimeouts()
    {
        // Called on every bar of a symbol with open trades: the clock is read, and the lists walked, only when there is
        // something to check (a venue that acknowledges at once, like the simulated one, leaves nothing awaiting).
        if (_awaitingAck.Count > 0)
        {
            var now = Now;
            var timeoutMs = (long)_options.SubmitTimeout.TotalMilliseconds;
            foreach (var order in _awaitingAck)
            {
                if (order.Status == OrderStatus.Submitted && now - order.SentAtMs >= timeoutMs)
                {
                    Transition(order, OrderStatus.Unknown, null, $"no acknowledgement within {_options.SubmitTimeout.TotalMilliseconds} ms");
                    MarkDirty(order.Trade);
                }
            }

            _awaitingAck.RemoveAll(static order => order.Status != OrderStatus.Submitted);
        }

        if (_anyTimeStopMs)
        {
            var now = Now;
            foreach (var trade in _open) // open trades in creation order: a closed trade cannot be Active
            {
                if (trade.Status == TradeStatus.Active && !trade.Closing && trade.TimeStopMs is { } limit && now - trade.OpenedAtMs >= limit)
                {
                    RequestClose(trade, TradeExitReason.TimeStop, $"time stop after {limit} ms");
                }
            }
        }

        Pump();
    }

    /// <summary>
    /// Resolves an <see cref="OrderStatus.Unknown"/> (or unacknowledged) order the venue says it never
    /// received: it becomes Rejected, and its leg is sent again with attempt + 1. (An order the venue
    /// does know is resolved by feeding its reports to <see cref="OnExecutionReport"/>.)
    /// </summary>
    public void ReconcileMissing(string clientOrderId)
    {
        var order = GetOrder(clientOrderId);
        if (order.Status is not (OrderStatus.Unknown or OrderStatus.Submitted))
        {
            throw new InvalidOperationException($"order {clientOrderId} is {order.Status}: only Unknown or Submitted orders can be reconciled as missing");
        }

        order.Reason = "not found at the venue";
        Transition(order, OrderStatus.Rejected, null, order.Reason);
        var trade = order.Trade;
        if (order.Leg == OrderLegKind.Entry && ReferenceEquals(trade.WorkingEntry, order))
        {
            trade.WorkingEntry = null;
            trade.EntryAttempt++;
        }
        else if (FindLeg(trade, order) is { } leg && ReferenceEquals(leg.Working, order))
        {
            leg.Working = null;
        }
        else if (ReferenceEquals(trade.WorkingExit, order))
        {
            trade.WorkingExit = null;
        }

        MarkDirty(trade);
        Pump();
    }

    private long Now => _clock.GetUtcNowMilliseconds();

    /// <summary>
    /// True when <paramref name="id"/> (a trade id <c>q1-b{bot}-p{plan}</c> or a client order id <c>q1-b{bot}-p{plan}-…</c>
    /// of this bot) names a plan whose trade was dropped (<see cref="OmsOptions.RetainClosedTrades"/> false).
    /// </summary>
    private bool WasDropped(string id)
    {
        if (_tradesDropped == 0)
        {
            return false;
        }

        var prefix = $"{ClientOrderIds.Prefix}-b{_options.BotId}-p";
        if (!id.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = id.AsSpan(prefix.Length);
        var dash = digits.IndexOf('-');
        if (dash >= 0)
        {
            digits = digits[..dash];
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var planId)
            && _planIds.Contains(planId)
            && !_tradesById.ContainsKey(string.Create(CultureInfo.InvariantCulture, $"{prefix}{planId}"));
    }

    private Instrument GetInstrument(Symbol symbol)
    {
        if (!_instruments.TryGetValue(symbol, out var instrument))
        {
            instrument = _venue.GetInstrument(symbol);
            _instruments.Add(symbol, instrument);
        }

        return instrument;
    }

    private long PlanIdOf(Plan plan)
    {
        var explicitId = MetadataLong(plan, PlanMetadataKeys.PlanId);
        var planId = explicitId ?? _lastPlanId + 1;
        if (planId is < 1 or > ClientOrderIds.MaxPlanId)
        {
            throw new ArgumentOutOfRangeException(nameof(plan), planId, $"plan id {planId} is out of range (1 ≤ id ≤ {ClientOrderIds.MaxPlanId})");
        }

        if (!_planIds.Add(planId))
        {
            throw new ArgumentException($"plan id {planId} is already used by trade {ClientOrderIds.Prefix}-b{_options.BotId}-p{planId}", nameof(plan));
        }

        _lastPlanId = Math.Max(_lastPlanId, planId);
        return planId;
    }

    private static long? MetadataLong(Plan plan, string key) =>
        plan.Metadata.TryGetValue(key, out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    private static decimal? MetadataDecimal(Plan plan, string key) =>
        plan.Metadata.TryGetValue(key, out var value) ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : null;

    private decimal ChildQuantity(Instrument instrument, decimal quantity, decimal price)
    {
        var child = quantity;
        if (_options.MaxChildQuantity is { } maxQuantity)
        {
            child = Math.Min(child, instrument.FloorQuantity(maxQuantity));
        }

        if (_options.MaxChildNotional is { } maxNotional)
        {
            child = Math.Min(child, instrument.FloorQuantity(maxNotional / (price * instrument.ContractSize)));
        }

        if (quantity > 0m && child <= 0m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(quantity), child, $"{instrument.Symbol}: the slicing limits (max child quantity {_options.MaxChildQuantity}, notional {_options.MaxChildNotional}) leave less than one step {instrument.StepSize} per child");
        }

        return child;
    }

    private static ExitLeg? FindLeg(Trade trade, ManagedOrder order)
    {
        foreach (var leg in trade.ExitLegs)
        {
            if (leg.LegId == order.LegId)
            {
                return leg;
            }
        }

        return null;
    }

    private static void HaltEntry(Trade trade, TradeExitReason reason)
    {
        if (!trade.EntryDone)
        {
            trade.EntryHalted = true;
            trade.EntryEndReason = reason;
        }
    }

    private void RequestClose(Trade trade, TradeExitReason reason, string? note)
    {
        if (!trade.IsOpen || trade.Closing)
        {
            return;
        }

        trade.Closing = true;
        trade.CloseReason = reason;
        trade.ExitNote = note;
        MarkDirty(trade);
    }

    private void Unlink(Trade trade)
    {
        trade.VenueLinked = false;
        foreach (var leg in trade.ExitLegs)
        {
            if (leg.Working is { IsWorking: true } working)
            {
                RequestCancel(working);
            }
        }
    }
}
