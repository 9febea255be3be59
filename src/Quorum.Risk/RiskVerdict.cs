namespace Quorum.Risk;

/// <summary>What the risk gate did with an intent.</summary>
public enum RiskVerdict
{
    /// <summary>Accepted as planned.</summary>
    Approved,

    /// <summary>Accepted with a smaller quantity (a limit or an exchange maximum cut it); the reason says which.</summary>
    Resized,

    /// <summary>Refused; the reason says which rule and by how much.</summary>
    Denied,
}
