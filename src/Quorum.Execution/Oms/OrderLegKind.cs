namespace Quorum.Execution.Oms;

/// <summary>What an order does for its trade; the letter is the leg's code in the client order id.</summary>
public enum OrderLegKind
{
    /// <summary>Entry (or one child of a sliced entry), code <c>e</c>.</summary>
    Entry,

    /// <summary>Protective stop-loss (also the trailing and break-even stop), code <c>s</c>.</summary>
    StopLoss,

    /// <summary>A take-profit level, code <c>t</c>.</summary>
    TakeProfit,

    /// <summary>A market exit closing what is open (close, time stop, stop placement refused), code <c>x</c>.</summary>
    Exit,
}
