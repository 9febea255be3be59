using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;
using Quorum.Indicators;
using Quorum.Indicators.Volatility;
using Quorum.Strategies;

namespace Quorum.Research.Backtest;

/// <summary>
/// The bot of a backtest, connected to the simulated exchange as its <see cref="IVenueListener"/>. Per
/// report: the ledger books the fill, then the OMS updates its orders. Per delivered closed bar: the
/// ledger marks the symbol at the close, the OMS manages exits (trails, time stops), the symbol's
/// ATR(14) updates, then the strategy sees the bar; its signals are handled after it returns: an exit
/// closes the strategy's open trades of that symbol and side at market, an entry is sized by the
/// <see cref="IPlanSizer"/> and handed to <see cref="OrderManager.PlanTrade"/> (skipped while the symbol
/// already has an open or pending trade: one position per symbol).
/// </summary>
internal sealed class BacktestBot : IVenueListener, ISignalSink
{
    private readonly PortfolioLedger _ledger;
    private readonly IStrategy _strategy;
    private readonly IPlanSizer _sizer;
    private readonly Timeframe _timeframe;
    private readonly Dictionary<Symbol, Instrument> _instruments;
    private readonly Dictionary<Symbol, Atr> _atrs = [];
    private readonly List<Signal> _pending = [];
    private readonly List<SkippedSignal> _skipped = [];

    public BacktestBot(PortfolioLedger ledger, IStrategy strategy, IPlanSizer sizer, Timeframe timeframe, IEnumerable<Instrument> instruments)
    {
        _ledger = ledger;
        _strategy = strategy;
        _sizer = sizer;
        _timeframe = timeframe;
        _instruments = instruments.ToDictionary(i => i.Symbol);
        foreach (var symbol in _instruments.Keys)
        {
            _atrs.Add(symbol, new Atr(14));
        }
    }

    /// <summary>Set once the OMS exists (it needs the venue, which needs this listener first).</summary>
    public OrderManager? Oms { get; set; }

    public int Signals { get; private set; }

    public IReadOnlyList<SkippedSignal> Skipped => _skipped;

    private OrderManager Manager => Oms ?? throw new InvalidOperationException("the backtest bot received an event before its OMS was set");

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
    {
        _ledger.Mark(symbol, bar.Close);
        Manager.OnBar(symbol, timeframe, bar);
        if (timeframe == _timeframe && _atrs.TryGetValue(symbol, out var atr))
        {
            atr.Update(OhlcvPoint.From(bar));
        }

        _strategy.OnBar(symbol, timeframe, bar, this);
        if (_pending.Count == 0)
        {
            return;
        }

        foreach (var signal in _pending)
        {
            Handle(signal, bar);
        }

        _pending.Clear();
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

    public void Emit(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Signals++;
        _pending.Add(signal);
    }

    private void Handle(Signal signal, in Bar bar)
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
            throw new InvalidOperationException($"strategy {signal.Strategy} emitted a signal for {signal.Symbol}, which is not a symbol of this backtest");
        }

        if (oms.OpenTrades.Any(t => t.Symbol == signal.Symbol))
        {
            _skipped.Add(new SkippedSignal(signal, $"{signal.Symbol} already has an open trade"));
            return;
        }

        var context = new SizingContext(instrument, _ledger.Equity, AvailableCash(signal.Symbol), signal.Entry ?? bar.Close, _atrs[signal.Symbol].GetOutput(0), _instruments.Count);
        var decision = _sizer.Size(signal, context);
        if (decision.Plan is { } plan)
        {
            oms.PlanTrade(plan, new TradeEntry { Strategy = signal.Strategy });
        }
        else
        {
            _skipped.Add(new SkippedSignal(signal, decision.SkipReason ?? "not sized"));
        }
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
