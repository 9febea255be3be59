namespace Quorum.Execution.Simulation;

/// <summary>A native bracket: the entry, its stop and its take-profits (loop thread only).</summary>
internal sealed class BracketGroup(string listId, WorkingOrder entry, WorkingOrder stop, WorkingOrder[] takeProfits)
{
    public string ListId { get; } = listId;

    public WorkingOrder Entry { get; } = entry;

    public WorkingOrder Stop { get; } = stop;

    /// <summary>The take-profits in request order (an array: <c>foreach</c> over it allocates nothing).</summary>
    public WorkingOrder[] TakeProfits { get; } = takeProfits;

    /// <summary>Quantity the take-profits have filled so far.</summary>
    public decimal TakeProfitFilled
    {
        get
        {
            var total = 0m;
            foreach (var takeProfit in TakeProfits)
            {
                total += takeProfit.Filled;
            }

            return total;
        }
    }
}
