using System.Globalization;
using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Messaging;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using Quorum.Execution.Oms;
using Quorum.Risk;
using Quorum.Risk.Governance;
using Quorum.Risk.Portfolio;
using Quorum.Risk.Sizing;
using Quorum.Strategies;
using Trade = Quorum.Execution.Oms.Trade;

namespace Quorum.Research.Backtest;

/// <summary>
/// The backtest's sizing through the risk gate (docs/risk.md): <see cref="RiskGate"/> = governor + <see cref="RiskEngine"/> +
/// portfolio admission, with the run's governance.yaml. Fed at every bar of a traded symbol (equity point for the daily lock
/// and the kill switch, ATR percentile, daily closes for correlations) and with every closed trade (green bonus, streaks);
/// before each decision the position book is rebuilt from the OMS's open trades (quantity, average entry, current stop,
/// last close). A spot buy is also cut to the free quote balance (rule <see cref="RiskRule.Balance"/>). Every decision and
/// every governor change is kept for result.json (<see cref="Log"/>). The governor's state lives in memory: a kill switch
/// engaged during a run halts new entries until its end (nobody unlocks a backtest).
/// </summary>
internal sealed class RiskGateSizer : IPlanSizer, IBarRiskFeed, IOmsListener
{
    /// <summary>Hash shown when the governance did not come from a file.</summary>
    public const string InMemoryGovernance = "in-memory governance (no file hash)";

    private readonly RiskGate _gate;
    private readonly string _governanceSha256;
    private readonly Dictionary<(Symbol, Timeframe), VolatilityMonitor> _volatility = [];
    private readonly Dictionary<Symbol, decimal> _lastClose = [];
    private readonly List<RiskDecisionMade> _decisions = [];
    private long _timeMs = long.MinValue;

    private OrderManager? _oms;
    private PortfolioLedger? _ledger;

    public RiskGateSizer(GovernanceConfig governance, string? governanceSha256)
    {
        ArgumentNullException.ThrowIfNull(governance);
        _governanceSha256 = string.IsNullOrWhiteSpace(governanceSha256) ? InMemoryGovernance : governanceSha256;
        var bus = new InProcessEventBus();
        bus.Subscribe<RiskDecisionMade>(_decisions.Add);
        _gate = new RiskGate(
            new RiskEngine(governance),
            new Governor(governance, _governanceSha256, new InMemoryGovernorStateStore()),
            new PortfolioAdmission(governance),
            bus);
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"risk gate (governance.yaml {(_governanceSha256.Length == 64 ? _governanceSha256[..12] : "in memory")}): {governance.PerTradeRiskPercentBase}% R " +
            $"(+{governance.PerTradeRiskPercentGreenBonus} green, cap {governance.Additions.PerTradeRiskPercentCap}%), stop 2×ATR(14) unless the strategy's, " +
            $"daily lock {governance.MaxDailyLossPercent}%, kill switch {governance.KillSwitchDrawdown72hPercent}%/72h, leverage {governance.LeverageCap}, " +
            $"open risk {governance.MaxPortfolioRiskPercent}%");
    }

    public string Description { get; }

    public RiskGate Gate => _gate;

    /// <summary>Every decision and governor change so far.</summary>
    public BacktestRiskLog Log => new(_governanceSha256, [.. _decisions], [.. _gate.Governor.Events]);

    /// <summary>Connects the run's OMS (the position book is rebuilt from its open trades) and ledger (equity after a closed trade).</summary>
    public void Attach(OrderManager oms, PortfolioLedger ledger)
    {
        _oms = oms ?? throw new ArgumentNullException(nameof(oms));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
    }

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, decimal equity)
    {
        if (!_volatility.TryGetValue((symbol, timeframe), out var monitor))
        {
            monitor = new VolatilityMonitor(_gate.Engine.Governance.Additions.DynamicRiskReduction.AtrPercentile);
            _volatility.Add((symbol, timeframe), monitor);
        }

        monitor.Update(bar);
        _lastClose[symbol] = bar.Close;
        var closeTime = timeframe.CloseTime(bar.OpenTimeMs);
        _gate.Admission.Correlations.OnPrice(symbol, closeTime, bar.Close);
        _gate.OnEquity(Advance(closeTime), equity);
    }

    public SizingDecision Size(Signal signal, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(signal);
        SyncPositions();
        var threshold = double.NaN;
        if (Monitor(signal) is { } monitor)
        {
            threshold = monitor.HighThreshold;
        }

        var time = Advance(signal.CreatedAtMs);
        var decision = _gate.Evaluate(signal, context.Equity, new RiskContext(context.Instrument, context.ReferencePrice, context.Atr, threshold, time));
        if (decision.Plan is not { } plan)
        {
            return SizingDecision.Skip($"risk: {decision.Rule}: {decision.Reason}");
        }

        if (StrategySignals.MaxNotionalOf(signal) is { } most && context.Instrument.Notional(plan.Entry, plan.Quantity) > most)
        {
            // The strategy asks for at most this much (a DCA step amount): the gate may only shrink a plan.
            var capped = context.Instrument.FloorQuantity(most / plan.Entry);
            var why = $"{signal.Symbol}: {signal.Strategy} asks for at most {most} {signal.Symbol.QuoteAsset}; quantity {plan.Quantity} cut to {capped}";
            if (capped <= 0m || capped < context.Instrument.MinQuantity || context.Instrument.Notional(plan.Entry, capped) < context.Instrument.MinNotional)
            {
                _decisions[^1] = _decisions[^1] with { Verdict = RiskVerdict.Denied, Rule = RiskRule.StrategyCap, Reason = why + ", below the instrument's minimums", Plan = null };
                return SizingDecision.Skip($"risk: {RiskRule.StrategyCap}: {why}, below the instrument's minimums");
            }

            plan = new Plan(plan.Symbol, plan.Side, capped, plan.Entry, plan.StopLoss, plan.TakeProfits, plan.Trail, plan.RiskPercent, plan.Metadata, plan.RiskR);
            _decisions[^1] = _decisions[^1] with { Verdict = RiskVerdict.Resized, Rule = RiskRule.StrategyCap, Reason = why, Plan = plan };
        }

        // The entry must be paid for: spot from the free quote balance, a perpetual from the buying power at the simulated
        // account's leverage (governance's leverage cap: equity × L less gross exposure and pending entries) — else the venue
        // would reject it. Kept back: 1 % for fees and the gap to the fill.
        var affordable = context.Instrument.FloorQuantity(Math.Max(0m, context.AvailableCash) * (1m - RiskPercentPlanSizer.CashReserve) / plan.Entry);
        if (affordable >= plan.Quantity)
        {
            return SizingDecision.Of(plan);
        }

        var reason = $"{signal.Symbol}: quantity {plan.Quantity} × {plan.Entry} exceeds the free {(signal.Symbol.IsPerpetual ? "buying power" : "balance")} {context.AvailableCash:0.##}; cut to {affordable}";
        var last = _decisions[^1];
        if (affordable <= 0m || affordable < context.Instrument.MinQuantity || context.Instrument.Notional(plan.Entry, affordable) < context.Instrument.MinNotional)
        {
            _decisions[^1] = last with { Verdict = RiskVerdict.Denied, Rule = RiskRule.Balance, Reason = reason + ", below the instrument's minimums", Plan = null };
            return SizingDecision.Skip($"risk: {RiskRule.Balance}: {reason}, below the instrument's minimums");
        }

        var cut = new Plan(plan.Symbol, plan.Side, affordable, plan.Entry, plan.StopLoss, plan.TakeProfits, plan.Trail, plan.RiskPercent, plan.Metadata, plan.RiskR);
        _decisions[^1] = last with { Verdict = RiskVerdict.Resized, Rule = RiskRule.Balance, Reason = reason, Plan = cut };
        return SizingDecision.Of(cut);
    }

    void IOmsListener.OnTradeClosed(Trade trade)
    {
        if (trade.EntryQuantity > 0m && _ledger is not null)
        {
            _gate.OnTradeClosed(Advance(trade.ClosedAtMs ?? trade.CreatedAtMs), trade.NetPnl, _ledger.Equity);
        }
    }

    private VolatilityMonitor? Monitor(Signal signal)
    {
        if (signal.Timeframe is { } timeframe && _volatility.TryGetValue((signal.Symbol, timeframe), out var exact))
        {
            return exact;
        }

        foreach (var ((symbol, _), monitor) in _volatility)
        {
            if (symbol == signal.Symbol)
            {
                return monitor;
            }
        }

        return null;
    }

    /// <summary>Rebuilds the position book from the OMS's open trades: open quantity, average entry, current stop, last close.</summary>
    private void SyncPositions()
    {
        var book = _gate.Admission.Positions;
        book.Clear();
        if (_oms is null)
        {
            return;
        }

        foreach (var trade in _oms.OpenTradesView)
        {
            var open = trade.EntryQuantity - trade.ExitQuantity;
            if (open <= 0m || trade.AverageEntryPrice is not { } average || book.Find(trade.Symbol) is { } other && other.Side != trade.Side)
            {
                continue;
            }

            book.OnEntryFilled(trade.Plan, average, open);
            book.TryMoveStop(trade.Symbol, trade.StopPrice);
            if (_lastClose.TryGetValue(trade.Symbol, out var close))
            {
                book.Mark(trade.Symbol, close);
            }
        }
    }

    /// <summary>Event time for the gate: never behind the last one (bars of several timeframes close at the same time).</summary>
    private long Advance(long timeMs)
    {
        _timeMs = Math.Max(_timeMs, timeMs);
        return _timeMs;
    }
}
