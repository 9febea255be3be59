namespace Quorum.Data.Integrity;

/// <summary>What the <see cref="IntegrityChecker"/> found wrong with a bar or a series.</summary>
public enum IntegrityIssueKind
{
    /// <summary>Bars are missing between two bars (a warning: real exchanges have outages).</summary>
    Gap,

    /// <summary>Two rows share one open time.</summary>
    Duplicate,

    /// <summary>A row opens before the row above it.</summary>
    OutOfOrder,

    /// <summary>Low above open/close/high, or high below open/close.</summary>
    InconsistentOhlc,

    /// <summary>A zero or negative open, high, low or close.</summary>
    NonPositivePrice,

    /// <summary>A negative volume.</summary>
    NegativeVolume,

    /// <summary>An open time that is not on the timeframe's grid.</summary>
    Misaligned,

    /// <summary>A bar opens less than one timeframe after the previous bar.</summary>
    SpacingBelowTimeframe,

    /// <summary>The most common spacing between bars is not the declared timeframe.</summary>
    TimeframeMismatch,

    /// <summary>A still-forming bar anywhere but at the end.</summary>
    NonClosedBar,
}
