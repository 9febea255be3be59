using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;
using Quorum.Indicators.Volatility;
using Quorum.Research.Statistics;
using Quorum.Strategies;
using RiskMetadata = Quorum.Risk.PlanMetadataKeys;
using Trade = Quorum.Execution.Oms.Trade;

namespace Quorum.Research.Backtest;

/// <summary>
/// The bot of a backtest (one or several strategies on one account), connected to the simulated exchange as its <see cref="IVenueListener"/> and to the OMS as an
/// <see cref="IOmsListener"/>. Per report: the ledger books the fill, then the OMS updates its orders. Per delivered closed
/// bar: the ledger marks a traded symbol at the close, the OMS manages exits, the ATR(14) of that symbol × timeframe
/// updates, then each strategy subscribed to that symbol × timeframe sees the bar, in the order the strategies were given.
/// Funding rates reach every <see cref="IFundingAwareStrategy"/> after the exchange settled them. Signals are handled after
/// the strategy returns, as the emitting strategy's: an exit closes that strategy's open trades of the symbol and side at
/// market; an entry is refused with a reason (short on spot, the symbol already holds the strategy's
/// <see cref="StrategyDescriptor.MaxOpenTradesPerSymbol"/> trades, not sized) or sized by the strategy's
/// <see cref="IPlanSizer"/> with the ATR of the signal's timeframe and handed to <see cref="OrderManager.PlanTrade"/> (a
/// limit entry when the signal asks for one; managed on the strategy's management timeframe). A position-aware strategy
/// hears of each of its trades' first fill, final close and refusals; what it emits there is handled at once.
/// </summary>
internal sealed class BacktestBot : IVenueListener, ISignalSink, IOmsListener
{
    private readonly PortfolioLedger _ledger;
    private readonly IReadOnlyList<BotStrategy> _strategies;
    private readonly IBarRiskFeed? _riskFeed;
    private readonly Dictionary<StrategySubscription, BotStrategy[]> _listeners = [];
    private readonly Dictionary<Symbol, Instrument> _instruments;
    private readonly SymbolTimeframeMap<BarSlot> _slots = new();
    private readonly List<StrategySubscription> _sizedSubscriptions = [];
    private readonly Dictionary<string, StrategyPosition> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Signal Signal, BotStrategy Owner)> _entrySignals = new(StringComparer.Ordinal);
    private readonly List<(Signal Signal, BotStrategy Owner)> _pending = [];
    private readonly List<SkippedSignal> _skipped = [];
    private readonly int _perpetualLeverage;
    private BotStrategy? _emitter;
    private (Signal Signal, BotStrategy Owner)? _planning;

    public BacktestBot(PortfolioLedger ledger, IReadOnlyList<BotStrategy> strategies, IEnumerable<Instrument> instruments, int perpetualLeverage = 1)
    {
        _perpetualLeverage = perpetualLeverage >= 1
            ? perpetualLeverage
            : throw new ArgumentOutOfRangeException(nameof(perpetualLeverage), perpetualLeverage, $"perpetual leverage {perpetualLeverage} must be ≥ 1");
        _ledger = ledger;
        _strategies = strategies;
        _riskFeed = strategies.Select(s => s.Sizer).OfType<IBarRiskFeed>().FirstOrDefault();
        _instruments = instruments.ToDictionary(i => i.Symbol);
        foreach (var subscription in strategies.SelectMany(s => s.Strategy.Subscriptions).Distinct())
        {
            _listeners.Add(subscription, [.. strategies.Where(s => s.Strategy.Subscriptions.Contains(subscription))]);
            if (_instruments.ContainsKey(subscription.Symbol))
            {
                _sizedSubscriptions.Add(subscription);
            }
        }
    }

    /// <summary>Set once the OMS exists (it needs the venue, which needs this listener first).</summary>
    public OrderManager? Oms { get; set; }

    public int Signals { get; private set; }

    /// <summary>The first <see cref="MaxSkippedKept"/> refused signals with their reasons (the rest are counted in <see cref="SkippedCount"/>).</summary>
    public IReadOnlyList<SkippedSignal> Skipped => _skipped;

    /// <summary>Every refused signal, kept or not.</summary>
    public int SkippedCount { get; private set; }

    private OrderManager Manager => Oms ?? throw new InvalidOperationException("the backtest bot received an event before its OMS was set");

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
    {
        var slot = SlotOf(symbol, timeframe);
        if (slot.Traded)
        {
            _ledger.Mark(symbol, bar.Close);
            Manager.OnBar(symbol, timeframe, bar);
            slot.Atr?.Update((double)bar.High, (double)bar.Low, (double)bar.Close);
            _riskFeed?.OnBar(symbol, timeframe, bar, _ledger.Equity);
        }

        if (slot.Listeners is { } listeners)
        {
            foreach (var listener in listeners)
            {
                _emitter = listener;
                listener.Strategy.OnBar(symbol, timeframe, bar, this);
            }

            _emitter = null;
            HandlePending(bar.Close, symbol);
        }
    }

    public void OnExecutionReport(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Fill is { } fill)
        {
            _ledger.ApplyFill(fill, fill.Symbol.MarketType);
        }

        Manager.OnExecutionReport(report);
    }

    public void OnFunding(FundingPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        _ledger.ApplyFunding(payment);
        Manager.OnFunding(payment);
    }

    /// <summary>A funding rate of a subscribed perpetual, after the exchange settled it: passed to a funding-aware strategy.</summary>
    public void OnFundingRate(FundingRate rate)
    {
        foreach (var strategy in _strategies)
        {
            if (strategy.FundingAware is { } aware)
            {
                _emitter = strategy;
                aware.OnFunding(rate.Symbol, rate, this);
            }
        }

        _emitter = null;
        HandlePending(null, rate.Symbol);
    }

    public void Emit(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Signals++;
        _pending.Add((signal, _emitter ?? throw new InvalidOperationException($"signal {signal} was emitted outside a strategy call")));
    }

    void IOmsListener.OnTradeOpened(Trade trade)
    {
        if (SignalOf(trade) is not { Owner.PositionAware: { } aware } entry)
        {
            return;
        }

        var position = new StrategyPosition(
            trade.TradeId, trade.Symbol, trade.Side, trade.EntryQuantity, trade.AverageEntryPrice ?? trade.PlannedEntry, trade.OpenedAtMs ?? trade.CreatedAtMs, entry.Signal);
        _positions[trade.TradeId] = position;
        Call(entry.Owner, () => aware.OnPositionOpened(position, this));
    }

    void IOmsListener.OnTradeClosed(Trade trade)
    {
        var entry = SignalOf(trade);
        _entrySignals.Remove(trade.TradeId);
        if (entry is not { Owner.PositionAware: { } aware } known)
        {
            return;
        }

        if (_positions.Remove(trade.TradeId, out var position))
        {
            // The position as it ended up: every entry fill (a partially filled limit entry included).
            position = position with { Quantity = trade.EntryQuantity, AverageEntry = trade.AverageEntryPrice ?? position.AverageEntry };
            var closed = new ClosedStrategyPosition(position, trade.AverageExitPrice ?? 0m, trade.NetPnl, trade.ClosedAtMs ?? trade.CreatedAtMs, ExitReasonText(trade));
            Call(known.Owner, () => aware.OnPositionClosed(closed, this));
        }
        else
        {
            var reason = trade.ExitNote ?? $"entry {TradeSummary.ReasonText(trade.ExitReason)} before any fill";
            Call(known.Owner, () => aware.OnEntryRejected(known.Signal, reason, this));
        }
    }

    /// <summary>The entry signal of <paramref name="trade"/> and its strategy; during <see cref="OrderManager.PlanTrade"/> (a synchronous fill or refusal) the one being planned.</summary>
    private (Signal Signal, BotStrategy Owner)? SignalOf(Trade trade) =>
        _entrySignals.TryGetValue(trade.TradeId, out var entry) ? entry : _planning;

    /// <summary>Calls a hook of <paramref name="owner"/>, so what it emits is the owner's.</summary>
    private void Call(BotStrategy owner, Action hook)
    {
        var previous = _emitter;
        _emitter = owner;
        try
        {
            hook();
        }
        finally
        {
            _emitter = previous;
        }
    }

    /// <summary>The first sized timeframe of <paramref name="symbol"/> (a loop, not a lambda: its closure was allocated on every signal).</summary>
    private Timeframe SizedTimeframeOf(Symbol symbol)
    {
        foreach (var subscription in _sizedSubscriptions)
        {
            if (subscription.Symbol == symbol)
            {
                return subscription.Timeframe;
            }
        }

        throw new InvalidOperationException($"{symbol} has no sized subscription (sequence contains no matching element)");
    }

    private static string ExitReasonText(Trade trade) =>
        trade.ExitReason == TradeExitReason.Manual && trade.ExitNote == BacktestRunner.EndOfDataNote
            ? "end_of_data"
            : TradeSummary.ReasonText(trade.ExitReason);

    private void HandlePending(decimal? close, Symbol symbol)
    {
        // Signals emitted while handling signals (a position-aware strategy reacting to a refusal) are handled in the same pass.
        for (var i = 0; i < _pending.Count; i++)
        {
            var (signal, owner) = _pending[i];
            Handle(signal, owner, signal.Symbol == symbol ? close : null);
        }

        _pending.Clear();
    }

    private void Handle(Signal signal, BotStrategy owner, decimal? close)
    {
        var oms = Manager;
        if (StrategySignals.IntentOf(signal) == SignalIntent.Exit)
        {
            List<Trade>? closing = null; // closed below: closing changes the list enumerated here
            foreach (var trade in oms.OpenTradesOf(signal.Symbol))
            {
                if (trade.Side == signal.Side && trade.Strategy == signal.Strategy)
                {
                    (closing ??= []).Add(trade);
                }
            }

            var closed = 0;
            foreach (var trade in closing ?? [])
            {
                oms.CloseTrade(trade.TradeId, TradeExitReason.Signal, signal.Reason);
                closed++;
            }

            if (closed == 0)
            {
                Skip(signal, "exit without an open trade");
            }

            return;
        }

        if (!_instruments.TryGetValue(signal.Symbol, out var instrument))
        {
            throw new InvalidOperationException($"strategy {signal.Strategy} emitted a signal for {signal.Symbol}, which is not a traded symbol of this backtest");
        }

        if (signal.Side == PositionSide.Short && !signal.Symbol.IsPerpetual)
        {
            Refuse(signal, owner, $"{signal.Symbol} is spot: a short needs a perpetual");
            return;
        }

        var open = 0;
        var sameSideActive = 0;
        foreach (var trade in oms.OpenTradesOf(signal.Symbol))
        {
            if (trade.Strategy == signal.Strategy)
            {
                open++;
                sameSideActive += trade.Side == signal.Side && trade.Status == TradeStatus.Active ? 1 : 0;
            }
        }

        // At the limit, an entry on the side of the strategy's active position is an add: only the risk gate may allow it
        // (anti-martingale pyramiding: in profit, once, with the combined stop at break-even); without a gate it is refused.
        var maxOpen = owner.Descriptor.MaxOpenTradesPerSymbol;
        var pyramidCandidate = owner.Sizer is RiskGateSizer && sameSideActive == open;
        if (open >= maxOpen && !pyramidCandidate)
        {
            Refuse(signal, owner, maxOpen == 1
                ? $"{signal.Symbol} already has an open trade of {signal.Strategy}"
                : $"{signal.Symbol} already has {open} open trades of {signal.Strategy} (at most {maxOpen})");
            return;
        }

        var timeframe = signal.Timeframe ?? SizedTimeframeOf(signal.Symbol);
        var atr = SizingAtr(new StrategySubscription(signal.Symbol, timeframe));
        if ((signal.Entry ?? close) is not { } reference)
        {
            Refuse(signal, owner, "no reference price: the signal has no entry price and no bar of its symbol closed with it");
            return;
        }

        var context = new SizingContext(instrument, _ledger.Equity, AvailableCash(signal.Symbol), reference, atr, _instruments.Count);
        var decision = owner.Sizer.Size(signal, context);
        if (decision.Plan is not { } plan)
        {
            Refuse(signal, owner, decision.SkipReason ?? "not sized");
            return;
        }

        var entry = new TradeEntry
        {
            Type = StrategySignals.IsLimitEntry(signal) ? EntryOrderType.Limit : EntryOrderType.Market,
            LimitPrice = StrategySignals.IsLimitEntry(signal) ? plan.Entry : null,
            Strategy = signal.Strategy,
            ManagementTimeframe = owner.ManagementTimeframe,
        };
        _planning = (signal, owner);
        try
        {
            if (open >= maxOpen && !plan.Metadata.ContainsKey(RiskMetadata.PyramidAdd))
            {
                // The gate sized a fresh position although one is open (its book did not see it yet): not an add.
                Refuse(signal, owner, $"{signal.Symbol} already has {open} open trade(s) of {signal.Strategy} and the risk gate did not make this an add");
                return;
            }

            var trade = oms.PlanTrade(plan, entry);
            if (trade.IsOpen)
            {
                _entrySignals[trade.TradeId] = (signal, owner);
            }

            if (plan.Metadata.TryGetValue(RiskMetadata.CombinedStop, out var combined) && combined is decimal combinedStop)
            {
                MoveStops(signal, combinedStop, trade.TradeId);
            }
        }
        finally
        {
            _planning = null;
        }
    }

    /// <summary>A pyramiding add was placed: every other open trade of the position gets the combined stop where it tightens theirs.</summary>
    private void MoveStops(Signal signal, decimal combinedStop, string addTradeId)
    {
        var oms = Manager;
        var sign = signal.Side.Sign();
        foreach (var trade in oms.OpenTrades.Where(t => t.Symbol == signal.Symbol && t.Side == signal.Side && t.Strategy == signal.Strategy && t.TradeId != addTradeId).ToList())
        {
            if (trade.Status == TradeStatus.Active && sign * (combinedStop - trade.StopPrice) > 0m)
            {
                oms.AdjustTrade(trade.TradeId, new TradeAdjustment { StopLoss = combinedStop });
            }
        }
    }

    private void Refuse(Signal signal, BotStrategy owner, string reason)
    {
        Skip(signal, reason);
        if (owner.PositionAware is { } aware)
        {
            Call(owner, () => aware.OnEntryRejected(signal, reason, this));
        }
    }

    /// <summary>
    /// What the bot does with the bars of one symbol × timeframe, resolved at its first bar so a bar costs one lookup: whether
    /// the symbol is traded (mark, OMS, ATR), the strategies subscribed, and the ATR(14) used for sizing — the OMS's own
    /// when it keeps the same ATR(14) of every bar it is fed (the bot feeds it every traded bar), else one of the bot's.
    /// </summary>
    private BarSlot SlotOf(Symbol symbol, Timeframe timeframe)
    {
        if (!_slots.TryGetValue(symbol, timeframe, out var slot))
        {
            var key = new StrategySubscription(symbol, timeframe);
            var traded = _instruments.ContainsKey(symbol);
            var sized = traded && _sizedSubscriptions.Contains(key);
            var ownAtr = sized && !SharesOmsAtr ? new Atr(SizingAtrPeriod) : null;
            slot = new BarSlot(traded, sized, _listeners.GetValueOrDefault(key), ownAtr);
            _slots.Set(symbol, timeframe, slot);
        }

        return slot;
    }

    /// <summary>The ATR(14) of a sized subscription (NaN during warm-up, before its first bar, or for a subscription that sizes nothing).</summary>
    private double SizingAtr(StrategySubscription subscription)
    {
        if (!_slots.TryGetValue(subscription.Symbol, subscription.Timeframe, out var slot) || !slot.Sized)
        {
            return double.NaN;
        }

        return slot.Atr is { } own ? own.Value
            : SharesOmsAtr ? Manager.AtrValue(subscription.Symbol, subscription.Timeframe)
            : double.NaN;
    }

    private bool SharesOmsAtr => Manager.Options is { TrackAtr: true, AtrPeriod: SizingAtrPeriod };

    /// <summary>
    /// Notional a new position may take: spot — the quote balance less what pending entries will spend; perpetual — the
    /// buying power at the account's leverage L (isolated margin): equity × L less gross exposure and pending entries.
    /// </summary>
    private decimal AvailableCash(Symbol symbol)
    {
        var reserved = 0m;
        foreach (var trade in Manager.OpenTradesView)
        {
            if (trade.Status == TradeStatus.Pending)
            {
                reserved += trade.PlannedQuantity * trade.PlannedEntry;
            }
        }

        var free = symbol.IsPerpetual ? (_ledger.Equity * _perpetualLeverage) - _ledger.GrossExposure : _ledger.Cash;
        return free - reserved;
    }

    /// <summary>
    /// Refused signals kept with their reasons: a churning run refuses hundreds of thousands, and keeping each (with its
    /// signal) made memory grow with the run's events; beyond this many only the count grows.
    /// </summary>
    internal const int MaxSkippedKept = 10_000;

    private const int SizingAtrPeriod = 14;

    private void Skip(Signal signal, string reason)
    {
        SkippedCount++;
        if (_skipped.Count < MaxSkippedKept)
        {
            _skipped.Add(new SkippedSignal(signal, reason));
        }
    }

    private sealed class BarSlot(bool traded, bool sized, BotStrategy[]? listeners, Atr? atr)
    {
        public bool Traded { get; } = traded;

        public bool Sized { get; } = sized;

        public BotStrategy[]? Listeners { get; } = listeners;

        public Atr? Atr { get; } = atr;
    }
}
