namespace Quorum.Execution.Oms;

/// <summary>How a trade enters.</summary>
public enum EntryOrderType
{
    /// <summary>A market order (the default).</summary>
    Market,

    /// <summary>A GTC limit order at the entry price (post-only when <see cref="OmsOptions.PostOnlyEntries"/> is set).</summary>
    Limit,

    /// <summary>A post-only limit order at the entry price, whatever the options say.</summary>
    PostOnlyLimit,
}
