using System.Collections.Immutable;
using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Risk.Portfolio;

namespace Quorum.Risk.Sizing;

/// <summary>
/// Seed 001 <c>risk/engine.py</c>: <c>plan(signal, equity, context) → Plan</c>. R-sizing at
/// <c>per_trade_r_pct_base</c> of equity, plus <c>per_trade_r_pct_green_bonus</c> while the day's realized PnL is at
/// or above <c>green_bonus_trigger_daily_pnl_pct</c> (until the day's first losing trade after that), never above
/// <c>per_trade_r_pct_cap</c>; minus <c>dynamic_risk_reduction.reduction_pp</c> after <c>loss_streak</c> losses in a
/// row (until <c>restore_after_wins</c> wins) or while ATR is above its percentile. Quantity = risk budget / stop
/// distance, so size ∝ 1/ATR. The stop is the strategy's (<see cref="ExitSpec"/>) or
/// <see cref="RiskEngineOptions.DefaultStopAtrMultiple"/> × ATR; take-profits, trail and break-even are the
/// strategy's where given (the trail and break-even only where tighter), otherwise <c>position_management</c>'s.
/// Adds to an open position: only in profit at <c>pyramiding_add.at_r</c>, by <c>size_r</c> R with the combined stop at
/// break-even or better; adding to a loser is refused unless <c>no_martingale: false</c>. The instrument's tick, step,
/// minimum quantity, minimum notional and maximum quantity are applied; a plan that cannot meet them is denied.
/// </summary>
/// <remarks>Single-threaded (one bot's event loop). Time comes only from the event timestamps it is given.</remarks>
public sealed class RiskEngine
{
    private readonly GovernanceConfig _governance;
    private readonly RiskEngineOptions _options;
    private readonly ImmutableArray<TakeProfitAtR> _defaultTakeProfits;
    private readonly TrailSpec _runnerTrail;
    private TimeGuard _time;
    private long _dayStartMs = long.MinValue;
    private decimal _dayStartEquity;

    public RiskEngine(GovernanceConfig governance, RiskEngineOptions? options = null)
    {
        _governance = governance ?? throw new ArgumentNullException(nameof(governance));
        _options = options ?? RiskEngineOptions.Default;
        _options.Validate();
        var management = governance.Additions.PositionManagement;
        _defaultTakeProfits = [.. management.PartialTakeProfits.Select(p => new TakeProfitAtR(p.AtR, p.Fraction))];
        _runnerTrail = TrailSpec.Atr(management.RunnerTrailAtrMultiple);
    }

    public GovernanceConfig Governance => _governance;

    /// <summary>True while the green bonus applies to new trades.</summary>
    public bool GreenBonusActive { get; private set; }

    /// <summary>True once the day's green bonus was dropped by a pull-back (it does not come back that day).</summary>
    public bool GreenBonusSpent { get; private set; }

    /// <summary>Realized PnL of the current UTC day (quote asset).</summary>
    public decimal DailyRealizedPnl { get; private set; }

    /// <summary>Losing trades in a row.</summary>
    public int ConsecutiveLosses { get; private set; }

    /// <summary>True while the loss-streak reduction applies.</summary>
    public bool LossStreakReductionActive { get; private set; }

    /// <summary>Winning trades since the loss-streak reduction began.</summary>
    public int WinsSinceReduction { get; private set; }

    /// <summary>Risk of a new full-size trade in % of equity, given whether volatility is high now.</summary>
    public decimal RiskPercent(bool highVolatility)
    {
        var percent = _governance.PerTradeRiskPercentBase;
        if (LossStreakReductionActive || highVolatility)
        {
            percent -= _governance.Additions.DynamicRiskReduction.ReductionPercentagePoints;
        }

        if (GreenBonusActive)
        {
            percent += _governance.PerTradeRiskPercentGreenBonus;
        }

        return Math.Min(percent, _governance.Additions.PerTradeRiskPercentCap);
    }

    /// <summary>An equity point (every bar in a backtest): starts a new UTC day's PnL and green bonus when the day changed.</summary>
    public void OnEquity(long timeMs, decimal equity)
    {
        _time.Advance(timeMs, "risk engine");
        RollDay(timeMs, equity);
    }

    /// <summary>
    /// A closed trade (or a closed part of one): feeds the day's realized PnL (green bonus and its pull-back) and the
    /// win/loss streaks (dynamic reduction). A zero result is neither a win nor a loss.
    /// </summary>
    public void OnTradeClosed(long timeMs, decimal realizedPnl, decimal equityAfter)
    {
        _time.Advance(timeMs, "risk engine");
        RollDay(timeMs, equityAfter - realizedPnl);
        DailyRealizedPnl += realizedPnl;
        var reduction = _governance.Additions.DynamicRiskReduction;
        if (realizedPnl < 0m)
        {
            if (GreenBonusActive)
            {
                GreenBonusActive = false;
                GreenBonusSpent = true;
            }

            ConsecutiveLosses++;
            if (ConsecutiveLosses >= reduction.LossStreak && !LossStreakReductionActive)
            {
                LossStreakReductionActive = true;
                WinsSinceReduction = 0;
            }
        }
        else if (realizedPnl > 0m)
        {
            ConsecutiveLosses = 0;
            if (LossStreakReductionActive && ++WinsSinceReduction >= reduction.RestoreAfterWins)
            {
                LossStreakReductionActive = false;
                WinsSinceReduction = 0;
            }
        }

        if (!GreenBonusActive && !GreenBonusSpent && _dayStartEquity > 0m &&
            DailyRealizedPnl * 100m / _dayStartEquity >= _governance.Additions.GreenBonusTriggerDailyPnlPercent)
        {
            GreenBonusActive = true;
        }
    }

    /// <summary>Sizes <paramref name="signal"/> into a plan, or denies it with the rule and the reason.</summary>
    public RiskDecision Plan(Signal signal, decimal equity, in RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var instrument = context.Instrument ?? throw new ArgumentException("risk context has no instrument", nameof(context));
        if (instrument.Symbol != signal.Symbol)
        {
            throw new ArgumentException($"risk context instrument {instrument.Symbol} does not match signal symbol {signal.Symbol}", nameof(context));
        }

        if (!double.IsFinite(context.Atr) || context.Atr <= 0.0 || context.Atr > 1e15)
        {
            return RiskDecision.Deny(RiskRule.InvalidAtr, $"{signal.Symbol}: ATR {context.Atr} is not a positive finite number; the signal is not sized");
        }

        if (equity <= 0m)
        {
            return RiskDecision.Deny(RiskRule.InvalidInput, $"{signal.Symbol}: equity {equity} is not positive; nothing can be risked");
        }

        var rawEntry = signal.Entry ?? context.ReferencePrice;
        if (rawEntry <= 0m)
        {
            return RiskDecision.Deny(RiskRule.InvalidInput, $"{signal.Symbol}: entry reference price {rawEntry} is not positive");
        }

        var entry = instrument.RoundPrice(rawEntry);
        if (entry <= 0m)
        {
            return RiskDecision.Deny(RiskRule.ExchangeFilter, $"{signal.Symbol}: entry {rawEntry} rounds to 0 at tick {instrument.TickSize}");
        }

        var atr = (decimal)context.Atr;
        var riskPercent = RiskPercent(context.IsHighVolatility);
        if (context.Position is { } position)
        {
            if (position.Symbol != signal.Symbol)
            {
                throw new ArgumentException($"risk context position {position.Symbol} does not match signal symbol {signal.Symbol}", nameof(context));
            }

            if (position.Side != signal.Side)
            {
                return RiskDecision.Deny(
                    RiskRule.OppositePosition,
                    $"{signal.Symbol}: a {position.Side.ToSeedText()} position of {position.Quantity} is open; a {signal.Side.ToSeedText()} entry must wait until it is closed");
            }

            return PlanAdd(signal, equity, entry, atr, riskPercent, position, instrument);
        }

        return PlanEntry(signal, equity, entry, atr, riskPercent, instrument, averagingDown: false);
    }

    private RiskDecision PlanEntry(Signal signal, decimal equity, decimal entry, decimal atr, decimal riskPercent, Instrument instrument, bool averagingDown)
    {
        var side = signal.Side;
        var sign = side.Sign();
        var exits = signal.Exits;
        decimal rawStop;
        if (exits?.StopPrice is { } stopPrice)
        {
            if (sign * (entry - stopPrice) <= 0m)
            {
                return RiskDecision.Deny(
                    RiskRule.StopSide,
                    $"{side.ToSeedText()} {signal.Symbol}: the strategy's stop {stopPrice} is on the wrong side of entry {entry} (it must be {(sign > 0 ? "below" : "above")} it)");
            }

            rawStop = stopPrice;
        }
        else
        {
            var multiple = exits?.StopAtrMultiple ?? _options.DefaultStopAtrMultiple;
            rawStop = entry - (sign * multiple * atr);
            if (rawStop <= 0m)
            {
                return RiskDecision.Deny(
                    RiskRule.StopSide, $"{side.ToSeedText()} {signal.Symbol}: a stop {multiple}×ATR {atr} from entry {entry} is not a positive price");
            }
        }

        // Round the stop away from the entry: the distance only grows, so the risk never exceeds the budget.
        var stop = instrument.RoundPrice(rawStop, sign > 0 ? RoundingMode.Down : RoundingMode.Up);
        if (stop <= 0m || sign * (entry - stop) <= 0m)
        {
            return RiskDecision.Deny(
                RiskRule.StopSide, $"{side.ToSeedText()} {signal.Symbol}: stop {rawStop} rounds to {stop} at tick {instrument.TickSize}, not on the losing side of entry {entry}");
        }

        var riskPerUnit = sign * (entry - stop) * instrument.ContractSize;
        var budget = equity * riskPercent / 100m;
        var quantity = instrument.FloorQuantity(budget / riskPerUnit);
        var rule = RiskRule.None;
        string? reason = null;
        if (instrument.MaxQuantity is { } maxQuantity && quantity > maxQuantity)
        {
            rule = RiskRule.ExchangeFilter;
            reason = $"{signal.Symbol}: quantity {quantity} cut to the instrument's maximum {maxQuantity}";
            quantity = instrument.FloorQuantity(maxQuantity);
        }

        if (CheckMinimums(signal, instrument, quantity, entry, budget, riskPerUnit) is { } denial)
        {
            return denial;
        }

        var plan = Build(signal, instrument, quantity, entry, stop, atr, riskPercent, extra: averagingDown ? PlanMetadataKeys.AveragingDown : null, combinedStop: null);
        return rule == RiskRule.None ? RiskDecision.Approve(plan) : RiskDecision.Resize(plan, rule, reason!);
    }

    private RiskDecision PlanAdd(Signal signal, decimal equity, decimal entry, decimal atr, decimal riskPercent, OpenPosition position, Instrument instrument)
    {
        var side = signal.Side;
        var sign = side.Sign();
        var profitR = position.ProfitR(entry);
        if (profitR <= 0m)
        {
            if (_governance.NoMartingale)
            {
                return RiskDecision.Deny(
                    RiskRule.Martingale,
                    $"{signal.Symbol}: the {side.ToSeedText()} position (average entry {position.AverageEntry}) is at {profitR:0.###}R at {entry}; " +
                    "adding to a losing position is refused (no_martingale: true)");
            }

            return PlanEntry(signal, equity, entry, atr, riskPercent, instrument, averagingDown: true);
        }

        if (_governance.Pyramiding == PyramidingPolicy.Off)
        {
            return RiskDecision.Deny(RiskRule.Pyramiding, $"{signal.Symbol}: a position is open and adding to it is off (pyramiding: off)");
        }

        var add = _governance.Additions.PyramidingAdd;
        if (profitR < add.AtR)
        {
            return RiskDecision.Deny(
                RiskRule.Pyramiding,
                $"{signal.Symbol}: the position is at +{profitR:0.###}R; an add is allowed from +{add.AtR}R (quorum_additions.pyramiding_add.at_r)");
        }

        if (position.Adds > 0)
        {
            return RiskDecision.Deny(RiskRule.Pyramiding, $"{signal.Symbol}: the position was already added to ({position.Adds} add); one add per position");
        }

        // The add risks size_r × the first entry's R at the combined stop, and the combined stop sits at the combined
        // break-even: q·(P − BE) = K with BE = (Q·E + q·P)/(Q + q) gives q = K·Q / (Q·(P − E) − K).
        var contract = instrument.ContractSize;
        var addRisk = add.SizeR * position.InitialRiskAmount;
        var openProfit = sign * (entry - position.AverageEntry) * position.Quantity * contract;
        if (openProfit <= addRisk)
        {
            return RiskDecision.Deny(
                RiskRule.Pyramiding, $"{signal.Symbol}: open profit {openProfit} does not cover the add's risk {addRisk}; the combined stop could not sit at break-even");
        }

        var quantity = instrument.FloorQuantity(addRisk * position.Quantity / (openProfit - addRisk));
        if (CheckMinimums(signal, instrument, quantity, entry, addRisk, openProfit / position.Quantity) is { } denial)
        {
            return denial;
        }

        var breakEven = ((position.Quantity * position.AverageEntry) + (quantity * entry)) / (position.Quantity + quantity);
        var roundedBreakEven = instrument.RoundPrice(breakEven, sign > 0 ? RoundingMode.Up : RoundingMode.Down);
        var stop = sign > 0 ? Math.Max(position.StopLoss, roundedBreakEven) : Math.Min(position.StopLoss, roundedBreakEven);
        if (sign * (entry - stop) <= 0m)
        {
            return RiskDecision.Deny(
                RiskRule.Pyramiding, $"{signal.Symbol}: the combined stop {stop} (break-even or the current stop) is not on the losing side of the price {entry}");
        }

        var plan = Build(signal, instrument, quantity, entry, stop, atr, riskPercent, extra: PlanMetadataKeys.PyramidAdd, combinedStop: stop, riskR: add.SizeR);
        return RiskDecision.Approve(plan);
    }

    private static RiskDecision? CheckMinimums(Signal signal, Instrument instrument, decimal quantity, decimal entry, decimal budget, decimal riskPerUnit)
    {
        if (quantity <= 0m || quantity < instrument.MinQuantity)
        {
            return RiskDecision.Deny(
                RiskRule.ExchangeFilter,
                $"{signal.Symbol}: quantity {quantity} (risk {budget:0.########} / {riskPerUnit:0.########} per unit, step {instrument.StepSize}) is below the minimum quantity {instrument.MinQuantity}");
        }

        var notional = instrument.Notional(entry, quantity);
        if (notional < instrument.MinNotional)
        {
            return RiskDecision.Deny(
                RiskRule.ExchangeFilter, $"{signal.Symbol}: notional {notional} ({quantity} × {entry}) is below the minimum notional {instrument.MinNotional}");
        }

        return null;
    }

    private Plan Build(
        Signal signal,
        Instrument instrument,
        decimal quantity,
        decimal entry,
        decimal stop,
        decimal atr,
        decimal riskPercent,
        string? extra,
        decimal? combinedStop,
        decimal riskR = 1m)
    {
        var side = signal.Side;
        var sign = side.Sign();
        var exits = signal.Exits;
        var riskPerUnit = sign * (entry - stop);
        // A pyramiding add has no take-profits of its own: its R is tiny (the stop is at break-even) and the runner trail closes it.
        var levels = combinedStop is not null ? [] : exits is { TakeProfits.IsEmpty: false } ? exits.TakeProfits : _defaultTakeProfits;
        var takeProfits = new TakeProfit[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            var price = instrument.RoundPrice(entry + (sign * levels[i].AtR * riskPerUnit));
            if (sign * (price - entry) <= 0m)
            {
                price = entry + (sign * instrument.TickSize);
            }

            takeProfits[i] = new TakeProfit(price, levels[i].Fraction);
        }

        var trail = _runnerTrail;
        if (exits?.Trail is { } wanted && wanted.Distance(entry, atr) < _runnerTrail.Distance(entry, atr))
        {
            trail = wanted;
        }

        var breakEven = _governance.Additions.PositionManagement.BreakevenAtR;
        if (exits?.BreakEvenAtR is { } wantedBreakEven && wantedBreakEven < breakEven)
        {
            breakEven = wantedBreakEven;
        }

        var count = 3 + (exits?.TimeStopMs is null ? 0 : 1) + (extra is null ? 0 : 1) + (combinedStop is null ? 0 : 1);
        var metadata = new KeyValuePair<string, object>[count];
        var n = 0;
        metadata[n++] = KeyValuePair.Create<string, object>(PlanMetadataKeys.Strategy, signal.Strategy);
        metadata[n++] = KeyValuePair.Create<string, object>(PlanMetadataKeys.Reason, signal.Reason);
        metadata[n++] = KeyValuePair.Create<string, object>(PlanMetadataKeys.BreakEvenAtR, breakEven);
        if (exits?.TimeStopMs is { } timeStop)
        {
            metadata[n++] = KeyValuePair.Create<string, object>(PlanMetadataKeys.TimeStopMs, timeStop);
        }

        if (extra is not null)
        {
            metadata[n++] = KeyValuePair.Create<string, object>(extra, true);
        }

        if (combinedStop is { } combined)
        {
            metadata[n++] = KeyValuePair.Create<string, object>(PlanMetadataKeys.CombinedStop, combined);
        }

        return new Plan(signal.Symbol, side, quantity, entry, stop, takeProfits, trail, riskPercent, metadata, riskR);
    }

    private void RollDay(long timeMs, decimal equity)
    {
        var day = UtcDay.Start(timeMs);
        if (day == _dayStartMs)
        {
            return;
        }

        _dayStartMs = day;
        _dayStartEquity = equity;
        DailyRealizedPnl = 0m;
        GreenBonusActive = false;
        GreenBonusSpent = false;
    }
}
