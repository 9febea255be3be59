using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;
using Quorum.Indicators;
using Quorum.Indicators.Volatility;
using Quorum.Research.Statistics;
using Quorum.Strategies;
using Trade = Quorum.Execution.Oms.Trade;

namespace Quorum.Research.Backtest;

/// <summary>
/// The bot of a backtest, connected to the simulated exchange as its <see cref="IVenueListener"/> and to the OMS as an
/// <see cref="IOmsListener"/>. Per report: the ledger books the fill, then the OMS updates its orders. Per delivered closed
/// bar: the ledger marks a traded symbol at the close, the OMS manages exits, the ATR(14) of that symbol × timeframe
/// updates, then the strategy sees the bar. Funding rates reach an <see cref="IFundingAwareStrategy"/> after the exchange
/// settled them. Signals are handled after the strategy returns: an exit closes the strategy's open trades of that symbol
/// and side at market; an entry is refused with a reason (short on spot, the symbol already holds
/// <see cref="StrategyDescriptor.MaxOpenTradesPerSymbol"/> trades, not sized) or sized by the <see cref="IPlanSizer"/>
/// with the ATR of the signal's timeframe and handed to <see cref="OrderManager.PlanTrade"/> (a limit entry when the
/// signal asks for one). A position-aware strategy hears of each of its trades' first fill, final close and refusals;
/// what it emits there is handled at the next bar.
/// </summary>
internal sealed class BacktestBot : IVenueListener, ISignalSink, IOmsListener
{
    private readonly PortfolioLedger _ledger;
    private readonly IStrategy _strategy;
    private readonly IPositionAwareStrategy? _positionAware;
    private readonly IFundingAwareStrategy? _fundingAware;
    private readonly IPlanSizer _sizer;
    private readonly int _maxOpenPerSymbol;
    private readonly Dictionary<Symbol, Instrument> _instruments;
    private readonly Dictionary<StrategySubscription, Atr> _atrs = [];
    private readonly Dictionary<string, StrategyPosition> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Signal> _entrySignals = new(StringComparer.Ordinal);
    private readonly List<Signal> _pending = [];
    private readonly List<SkippedSignal> _skipped = [];
    private Signal? _planning;

    public BacktestBot(PortfolioLedger ledger, IStrategy strategy, StrategyDescriptor descriptor, IPlanSizer sizer, IEnumerable<Instrument> instruments)
    {
        _ledger = ledger;
        _strategy = strategy;
        _positionAware = strategy as IPositionAwareStrategy;
        _fundingAware = strategy as IFundingAwareStrategy;
        _sizer = sizer;
        _maxOpenPerSymbol = descriptor.MaxOpenTradesPerSymbol;
        _instruments = instruments.ToDictionary(i => i.Symbol);
        foreach (var subscription in strategy.Subscriptions)
        {
            if (_instruments.ContainsKey(subscription.Symbol))
            {
                _atrs.TryAdd(subscription, new Atr(14));
            }
        }
    }

    /// <summary>Set once the OMS exists (it needs the venue, which needs this listener first).</summary>
    public OrderManager? Oms { get; set; }

    public int Signals { get; private set; }

    public IReadOnlyList<SkippedSignal> Skipped => _skipped;

    private OrderManager Manager => Oms ?? throw new InvalidOperationException("the backtest bot received an event before its OMS was set");

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
    {
        var traded = _instruments.ContainsKey(symbol);
        if (traded)
        {
            _ledger.Mark(symbol, bar.Close);
            Manager.OnBar(symbol, timeframe, bar);
            if (_atrs.TryGetValue(new StrategySubscription(symbol, timeframe), out var atr))
            {
                atr.Update(OhlcvPoint.From(bar));
            }
        }

        _strategy.OnBar(symbol, timeframe, bar, this);
        HandlePending(bar.Close, symbol);
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
        if (_fundingAware is null)
        {
            return;
        }

        _fundingAware.OnFunding(rate.Symbol, rate, this);
        HandlePending(null, rate.Symbol);
    }

    public void Emit(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Signals++;
        _pending.Add(signal);
    }

    void IOmsListener.OnTradeOpened(Trade trade)
    {
        if (_positionAware is null || SignalOf(trade) is not { } signal)
        {
            return;
        }

        var position = new StrategyPosition(
            trade.TradeId, trade.Symbol, trade.Side, trade.EntryQuantity, trade.AverageEntryPrice ?? trade.PlannedEntry, trade.OpenedAtMs ?? trade.CreatedAtMs, signal);
        _positions[trade.TradeId] = position;
        _positionAware.OnPositionOpened(position, this);
    }

    void IOmsListener.OnTradeClosed(Trade trade)
    {
        var signal = SignalOf(trade);
        _entrySignals.Remove(trade.TradeId);
        if (signal is null || _positionAware is null)
        {
            return;
        }

        if (_positions.Remove(trade.TradeId, out var position))
        {
            // The position as it ended up: every entry fill (a partially filled limit entry included).
            position = position with { Quantity = trade.EntryQuantity, AverageEntry = trade.AverageEntryPrice ?? position.AverageEntry };
            _positionAware.OnPositionClosed(
                new ClosedStrategyPosition(position, trade.AverageExitPrice ?? 0m, trade.NetPnl, trade.ClosedAtMs ?? trade.CreatedAtMs, ExitReasonText(trade)),
                this);
        }
        else
        {
            _positionAware.OnEntryRejected(signal, trade.ExitNote ?? $"entry {trade.ExitReason.ToString().ToLowerInvariant()} before any fill", this);
        }
    }

    /// <summary>The entry signal of <paramref name="trade"/>; during <see cref="OrderManager.PlanTrade"/> (a synchronous fill or refusal) the one being planned.</summary>
    private Signal? SignalOf(Trade trade) =>
        _entrySignals.TryGetValue(trade.TradeId, out var signal) ? signal : _planning;

    private static string ExitReasonText(Trade trade) =>
        trade.ExitReason == TradeExitReason.Manual && trade.ExitNote == BacktestRunner.EndOfDataNote
            ? "end_of_data"
            : TradeSummary.ReasonText(trade.ExitReason);

    private void HandlePending(decimal? close, Symbol symbol)
    {
        // Signals emitted while handling signals (a position-aware strategy reacting to a refusal) are handled in the same pass.
        for (var i = 0; i < _pending.Count; i++)
        {
            var signal = _pending[i];
            Handle(signal, signal.Symbol == symbol ? close : null);
        }

        _pending.Clear();
    }

    private void Handle(Signal signal, decimal? close)
    {
        var oms = Manager;
        if (StrategySignals.IntentOf(signal) == SignalIntent.Exit)
        {
            var closed = 0;
            foreach (var trade in oms.OpenTrades.Where(t => t.Symbol == signal.Symbol && t.Side == signal.Side && t.Strategy == signal.Strategy).ToList())
            {
                oms.CloseTrade(trade.TradeId, TradeExitReason.Signal, signal.Reason);
                closed++;
            }

            if (closed == 0)
            {
                _skipped.Add(new SkippedSignal(signal, "exit without an open trade"));
            }

            return;
        }

        if (!_instruments.TryGetValue(signal.Symbol, out var instrument))
        {
            throw new InvalidOperationException($"strategy {signal.Strategy} emitted a signal for {signal.Symbol}, which is not a traded symbol of this backtest");
        }

        if (signal.Side == PositionSide.Short && !signal.Symbol.IsPerpetual)
        {
            Refuse(signal, $"{signal.Symbol} is spot: a short needs a perpetual");
            return;
        }

        var open = 0;
        foreach (var trade in oms.OpenTrades)
        {
            if (trade.Symbol == signal.Symbol)
            {
                open++;
            }
        }

        if (open >= _maxOpenPerSymbol)
        {
            Refuse(signal, _maxOpenPerSymbol == 1
                ? $"{signal.Symbol} already has an open trade"
                : $"{signal.Symbol} already has {open} open trades (at most {_maxOpenPerSymbol})");
            return;
        }

        var timeframe = signal.Timeframe ?? _atrs.Keys.First(k => k.Symbol == signal.Symbol).Timeframe;
        var atr = _atrs.TryGetValue(new StrategySubscription(signal.Symbol, timeframe), out var indicator) ? indicator.GetOutput(0) : double.NaN;
        if ((signal.Entry ?? close) is not { } reference)
        {
            Refuse(signal, "no reference price: the signal has no entry price and no bar of its symbol closed with it");
            return;
        }

        var context = new SizingContext(instrument, _ledger.Equity, AvailableCash(signal.Symbol), reference, atr, _instruments.Count);
        var decision = _sizer.Size(signal, context);
        if (decision.Plan is not { } plan)
        {
            Refuse(signal, decision.SkipReason ?? "not sized");
            return;
        }

        var entry = StrategySignals.IsLimitEntry(signal)
            ? TradeEntry.Limit(plan.Entry) with { Strategy = signal.Strategy }
            : new TradeEntry { Strategy = signal.Strategy };
        _planning = signal;
        try
        {
            var trade = oms.PlanTrade(plan, entry);
            if (trade.IsOpen)
            {
                _entrySignals[trade.TradeId] = signal;
            }
        }
        finally
        {
            _planning = null;
        }
    }

    private void Refuse(Signal signal, string reason)
    {
        _skipped.Add(new SkippedSignal(signal, reason));
        _positionAware?.OnEntryRejected(signal, reason, this);
    }

    /// <summary>
    /// Cash free to back a new position: spot — the quote balance less what pending entries will spend;
    /// perpetual (no leverage) — equity less gross exposure and pending entries.
    /// </summary>
    private decimal AvailableCash(Symbol symbol)
    {
        var reserved = 0m;
        foreach (var trade in Manager.OpenTrades)
        {
            if (trade.Status == TradeStatus.Pending)
            {
                reserved += trade.PlannedQuantity * trade.PlannedEntry;
            }
        }

        var free = symbol.IsPerpetual ? _ledger.Equity - _ledger.GrossExposure : _ledger.Cash;
        return free - reserved;
    }
}
