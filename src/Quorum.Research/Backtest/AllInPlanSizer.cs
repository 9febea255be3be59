using System.Globalization;
using Quorum.Core.Trading;

namespace Quorum.Research.Backtest;

/// <summary>
/// The <c>buy_and_hold</c> sizing: invest an equal share of equity per symbol (equity / number of symbols,
/// at most the free cash, less <see cref="RiskPercentPlanSizer.CashReserve"/>
/// for fees and the gap to the next open) and keep only a catastrophic stop <see cref="CatastrophicStopPercent"/> %
/// below the entry (above it for a short), so the benchmark is not cut short by normal volatility.
/// </summary>
public sealed class AllInPlanSizer : IPlanSizer
{
    /// <summary>Distance of the catastrophic stop from the entry, percent.</summary>
    public const decimal CatastrophicStopPercent = 50m;

    public string Description => string.Create(CultureInfo.InvariantCulture, $"equity split equally over the symbols (all cash), catastrophic stop {CatastrophicStopPercent}% from entry");

    public SizingDecision Size(Signal signal, SizingContext context)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var instrument = context.Instrument;
        var entry = context.ReferencePrice;
        var stop = instrument.RoundPrice(entry * (1m - (signal.Side.Sign() * CatastrophicStopPercent / 100m)));
        var share = Math.Min(Math.Max(0m, context.AvailableCash), context.Equity / Math.Max(1, context.SymbolCount));
        var quantity = instrument.FloorQuantity(share * (1m - RiskPercentPlanSizer.CashReserve) / entry);
        var riskPercent = context.Equity > 0m ? Math.Min(100m, Math.Abs(entry - stop) * quantity / context.Equity * 100m) : 0m;
        return PlanSizing.Finish(signal, instrument, quantity, entry, stop, decimal.Round(riskPercent, 6));
    }
}
