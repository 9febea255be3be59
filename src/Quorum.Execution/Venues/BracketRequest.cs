using System.Collections.Immutable;
using Quorum.Core.Trading;

namespace Quorum.Execution.Venues;

/// <summary>
/// An entry order with its protective exits: one stop-loss for the whole entry quantity and zero or
/// more take-profits (reduce-only, opposite side, quantities summing to at most the entry's). Exits
/// are armed as the entry fills, sized to what has filled. When a take-profit fills, the stop's
/// quantity shrinks by as much; when the stop fills, every take-profit is canceled.
/// </summary>
public sealed record BracketRequest
{
    public BracketRequest(string listId, OrderRequest entry, OrderRequest stopLoss, IEnumerable<OrderRequest>? takeProfits = null)
    {
        ListId = ClientOrderId.Validate(listId, nameof(listId));
        Entry = entry ?? throw new ArgumentNullException(nameof(entry));
        StopLoss = stopLoss ?? throw new ArgumentNullException(nameof(stopLoss));
        TakeProfits = takeProfits?.ToImmutableArray() ?? [];
        var exitSide = entry.Side.Opposite();
        if (stopLoss.Symbol != entry.Symbol || stopLoss.Side != exitSide || stopLoss.Quantity != entry.Quantity || !stopLoss.Type.HasTriggerPrice())
        {
            throw new ArgumentException(
                $"bracket {listId}: the stop-loss must be a stop order on {entry.Symbol}, side {exitSide}, quantity {entry.Quantity} (got {stopLoss})", nameof(stopLoss));
        }

        var total = 0m;
        foreach (var takeProfit in TakeProfits)
        {
            if (takeProfit.Symbol != entry.Symbol || takeProfit.Side != exitSide)
            {
                throw new ArgumentException($"bracket {listId}: take-profit {takeProfit} must be on {entry.Symbol}, side {exitSide}", nameof(takeProfits));
            }

            total += takeProfit.Quantity;
        }

        if (total > entry.Quantity)
        {
            throw new ArgumentException($"bracket {listId}: take-profit quantities sum to {total}, more than the entry's {entry.Quantity}", nameof(takeProfits));
        }
    }

    /// <summary>Id of the whole bracket.</summary>
    public string ListId { get; }

    public OrderRequest Entry { get; }

    public OrderRequest StopLoss { get; }

    public ImmutableArray<OrderRequest> TakeProfits { get; }
}
