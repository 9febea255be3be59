using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Risk.Portfolio;

/// <summary>
/// The open positions the risk layer limits (one per symbol), fed with entry fills, stop moves, exits and marks. The
/// stop of a position never widens: <see cref="TryMoveStop"/> refuses a looser stop. Kept in insertion order
/// (deterministic sums); a handful of positions, so lookups are linear and allocation-free.
/// </summary>
public sealed class PositionBook
{
    private readonly List<OpenPosition> _positions = [];

    /// <summary>Open positions, in the order they were opened.</summary>
    public IReadOnlyList<OpenPosition> Positions => _positions;

    public int Count => _positions.Count;

    /// <summary>The open position of <paramref name="symbol"/>, or null.</summary>
    public OpenPosition? Find(Symbol symbol)
    {
        var index = IndexOf(symbol);
        return index < 0 ? null : _positions[index];
    }

    /// <summary>
    /// An entry of <paramref name="plan"/> filled <paramref name="quantity"/> at <paramref name="price"/>: opens the
    /// position, or adds to it (average entry, <see cref="OpenPosition.Adds"/> + 1 for a pyramiding add, the combined stop
    /// only where it is tighter).
    /// </summary>
    public void OnEntryFilled(Plan plan, decimal price, decimal quantity)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (price <= 0m || quantity <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"entry fill of {plan.Symbol}: price {price} and quantity {quantity} must be positive");
        }

        var index = IndexOf(plan.Symbol);
        if (index < 0)
        {
            var riskPerUnit = plan.Side.Sign() * (price - plan.StopLoss);
            if (riskPerUnit <= 0m)
            {
                // Filled through the stop (a gap): the position's R is the plan's.
                riskPerUnit = plan.RiskPerUnit;
            }

            _positions.Add(new OpenPosition(plan.Symbol, plan.Side, quantity, price, plan.StopLoss, riskPerUnit, riskPerUnit * quantity, plan.RiskR, price, 0));
            return;
        }

        var p = _positions[index];
        if (p.Side != plan.Side)
        {
            throw new InvalidOperationException($"{plan.Symbol}: a {plan.Side.ToSeedText()} entry filled against an open {p.Side.ToSeedText()} position");
        }

        var total = p.Quantity + quantity;
        var average = ((p.Quantity * p.AverageEntry) + (quantity * price)) / total;
        var isAdd = plan.Metadata.ContainsKey(PlanMetadataKeys.PyramidAdd);
        var stop = Tighter(p.Side, p.StopLoss, plan.StopLoss);
        _positions[index] = p with
        {
            Quantity = total,
            AverageEntry = average,
            StopLoss = stop,
            RiskR = p.RiskR + plan.RiskR,
            MarkPrice = price,
            Adds = p.Adds + (isAdd ? 1 : 0),
        };
    }

    /// <summary>Moves the stop of <paramref name="symbol"/>'s position; false (and no change) when that would widen it or no position is open.</summary>
    public bool TryMoveStop(Symbol symbol, decimal stop)
    {
        var index = IndexOf(symbol);
        if (index < 0 || stop <= 0m)
        {
            return false;
        }

        var p = _positions[index];
        if (Tighter(p.Side, p.StopLoss, stop) != stop || stop == p.StopLoss)
        {
            return false;
        }

        _positions[index] = p with { StopLoss = stop };
        return true;
    }

    /// <summary>An exit filled <paramref name="quantity"/>: the position shrinks, or is removed when nothing is left.</summary>
    public void OnExitFilled(Symbol symbol, decimal quantity)
    {
        var index = IndexOf(symbol);
        if (index < 0)
        {
            throw new InvalidOperationException($"{symbol}: an exit filled without an open position");
        }

        var p = _positions[index];
        if (quantity <= 0m || quantity > p.Quantity)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"{symbol}: exit quantity {quantity} is out of range (0 < q ≤ open {p.Quantity})");
        }

        if (quantity == p.Quantity)
        {
            _positions.RemoveAt(index);
        }
        else
        {
            _positions[index] = p with { Quantity = p.Quantity - quantity };
        }
    }

    /// <summary>Marks <paramref name="symbol"/>'s position at <paramref name="price"/> (exposure uses the mark).</summary>
    public void Mark(Symbol symbol, decimal price)
    {
        var index = IndexOf(symbol);
        if (index >= 0 && price > 0m)
        {
            _positions[index] = _positions[index] with { MarkPrice = price };
        }
    }

    /// <summary>Removes every position (a flat account).</summary>
    public void Clear() => _positions.Clear();

    /// <summary>Sum of <see cref="OpenPosition.OpenRisk"/>.</summary>
    public decimal OpenRisk() => Sum(static p => p.OpenRisk);

    /// <summary>Sum of notionals at the mark.</summary>
    public decimal GrossExposure() => Sum(static p => p.Notional);

    /// <summary>Long notional − short notional at the mark.</summary>
    public decimal NetExposure() => Sum(static p => p.SignedNotional);

    /// <summary>Sum of <see cref="OpenPosition.RiskR"/> over positions that still carry risk (stop not yet at break-even).</summary>
    public decimal ConcurrentR() => Sum(static p => p.OpenRisk > 0m ? p.RiskR : 0m);

    /// <summary>Sum of <paramref name="value"/> over the open positions, in opening order (a static lambda: no allocation).</summary>
    private decimal Sum(Func<OpenPosition, decimal> value)
    {
        var sum = 0m;
        foreach (var p in _positions)
        {
            sum += value(p);
        }

        return sum;
    }

    private static decimal Tighter(PositionSide side, decimal current, decimal proposed) =>
        side == PositionSide.Long ? Math.Max(current, proposed) : Math.Min(current, proposed);

    private int IndexOf(Symbol symbol)
    {
        for (var i = 0; i < _positions.Count; i++)
        {
            if (_positions[i].Symbol == symbol)
            {
                return i;
            }
        }

        return -1;
    }
}
