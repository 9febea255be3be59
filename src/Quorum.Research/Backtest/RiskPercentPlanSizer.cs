using System.Globalization;
using Quorum.Core.Trading;

namespace Quorum.Research.Backtest;

/// <summary>
/// Fixed-fractional sizing: risk <see cref="RiskPercent"/> % of equity between the entry (the signal's
/// price) and the stop — the strategy's (<see cref="ExitSpec"/>: a price or an ATR multiple), else <see cref="AtrMultiple"/> × ATR(14) away; quantity = equity × risk% / stop distance,
/// capped so that entry × quantity ≤ available cash × (1 − <see cref="CashReserve"/>) (no leverage, spot
/// or perpetual), floored to the instrument's step; the strategy's take-profits, trail, time stop and break-even ride along
/// (<see cref="PlanSizing.Finish"/>). A signal whose ATR is not ready, or whose quantity
/// falls below the instrument's minimum quantity or notional, is skipped with the reason.
/// </summary>
public sealed class RiskPercentPlanSizer(decimal riskPercent, decimal atrMultiple = 2m) : IPlanSizer
{
    /// <summary>Share of the free cash kept back for fees and the gap between the signal close and the fill at the next open.</summary>
    public const decimal CashReserve = 0.01m;

    public decimal RiskPercent { get; } = riskPercent is > 0m and <= 100m
        ? riskPercent
        : throw new ArgumentOutOfRangeException(nameof(riskPercent), riskPercent, $"risk {riskPercent}% is out of range (0 < percent ≤ 100)");

    public decimal AtrMultiple { get; } = atrMultiple > 0m
        ? atrMultiple
        : throw new ArgumentOutOfRangeException(nameof(atrMultiple), atrMultiple, $"ATR multiple {atrMultiple} must be positive");

    public string Description => string.Create(CultureInfo.InvariantCulture, $"risk {RiskPercent}% of equity per trade, stop {AtrMultiple}×ATR(14), capped by cash");

    public SizingDecision Size(Signal signal, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var instrument = context.Instrument;
        var entry = context.ReferencePrice;
        var exits = signal.Exits ?? ExitSpec.None;
        if (exits.StopPrice is null && (!double.IsFinite(context.Atr) || context.Atr <= 0))
        {
            return SizingDecision.Skip("ATR(14) is not ready yet");
        }

        if (exits.StopFor(instrument, signal.Side, entry, context.Atr, AtrMultiple) is not { } stop)
        {
            return SizingDecision.Skip(exits.StopPrice is { } price
                ? $"stop {price} asked by {signal.Strategy} is not on the losing side of entry {entry}"
                : $"stop at {exits.StopAtrMultiple ?? AtrMultiple}×ATR {context.Atr:G6} is not on the losing side of entry {entry}");
        }

        var riskBudget = context.Equity * RiskPercent / 100m;
        var byRisk = riskBudget / Math.Abs(entry - stop);
        var byCash = Math.Max(0m, context.AvailableCash) * (1m - CashReserve) / entry;
        var quantity = instrument.FloorQuantity(Math.Min(byRisk, byCash));
        return PlanSizing.Finish(signal, instrument, quantity, entry, stop, RiskPercent);
    }
}
