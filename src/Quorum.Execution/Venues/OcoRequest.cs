using Quorum.Core.Trading;

namespace Quorum.Execution.Venues;

/// <summary>Two orders on the same symbol, side and quantity where a fill of one cancels the other (typically a take-profit limit and a stop).</summary>
public sealed record OcoRequest
{
    public OcoRequest(string listId, OrderRequest first, OrderRequest second)
    {
        ListId = ClientOrderId.Validate(listId, nameof(listId));
        First = first ?? throw new ArgumentNullException(nameof(first));
        Second = second ?? throw new ArgumentNullException(nameof(second));
        if (first.Symbol != second.Symbol || first.Side != second.Side || first.Quantity != second.Quantity)
        {
            throw new ArgumentException(
                $"OCO {listId}: both legs need the same symbol, side and quantity (got {first} and {second})", nameof(second));
        }

        if (first.ClientOrderId == second.ClientOrderId)
        {
            throw new ArgumentException($"OCO {listId}: both legs have client order id {first.ClientOrderId}", nameof(second));
        }
    }

    /// <summary>Id of the pair (Binance listClientOrderId).</summary>
    public string ListId { get; }

    public OrderRequest First { get; }

    public OrderRequest Second { get; }
}
