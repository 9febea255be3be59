namespace Quorum.Execution.Oms;

/// <summary>
/// A seed-004 command (the AI's JSON after validation and, for PLAN_TRADE, after the risk layer
/// sized it): <see cref="PlanTradeCommand"/>, <see cref="CancelOrderCommand"/>,
/// <see cref="AdjustTradeCommand"/>, <see cref="DoNothingCommand"/>. Run by <see cref="OrderManager.Execute"/>.
/// </summary>
public abstract record OmsCommand
{
    private protected OmsCommand()
    {
    }

    /// <summary>The seed's action name, e.g. <c>PLAN_TRADE</c>.</summary>
    public abstract string Action { get; }

    /// <summary>The seed's <c>reasoning</c>, kept in the command log.</summary>
    public string? Reasoning { get; init; }
}
