using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Risk.Portfolio;

/// <summary>
/// One open position as the risk layer sees it (kept by <see cref="PositionBook"/>).
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Long or short.</param>
/// <param name="Quantity">Open quantity (base units), &gt; 0.</param>
/// <param name="AverageEntry">Average entry price of what is open.</param>
/// <param name="StopLoss">Current protective stop.</param>
/// <param name="InitialRiskPerUnit">|entry − stop| of the first entry: the position's R per unit.</param>
/// <param name="InitialRiskAmount">Money the first entry risked (its 1R, quote asset).</param>
/// <param name="RiskR">Risk of the position in R (1 for a full entry, 1.3 after one pyramiding add).</param>
/// <param name="MarkPrice">Last price the position was marked at.</param>
/// <param name="Adds">Number of pyramiding adds made to it.</param>
public readonly record struct OpenPosition(
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal AverageEntry,
    decimal StopLoss,
    decimal InitialRiskPerUnit,
    decimal InitialRiskAmount,
    decimal RiskR,
    decimal MarkPrice,
    int Adds)
{
    /// <summary>Money lost if the stop is hit, measured from the average entry (0 once the stop is at or beyond break-even).</summary>
    public decimal OpenRisk => Math.Max(0m, Side.Sign() * (AverageEntry - StopLoss)) * Quantity;

    /// <summary>Notional at the mark: |quantity × mark|.</summary>
    public decimal Notional => Quantity * MarkPrice;

    /// <summary>Signed notional: positive for a long, negative for a short.</summary>
    public decimal SignedNotional => Side.Sign() * Notional;

    /// <summary>Profit of the position at <paramref name="price"/>, in R of its first entry.</summary>
    public decimal ProfitR(decimal price) => Side.Sign() * (price - AverageEntry) / InitialRiskPerUnit;
}
