namespace Quorum.Risk;

/// <summary>Keys the risk engine writes into <see cref="Core.Trading.Plan.Metadata"/>.</summary>
public static class PlanMetadataKeys
{
    /// <summary>Name of the strategy that emitted the signal (the OMS reads it for the trade's strategy).</summary>
    public const string Strategy = "strategy";

    /// <summary>The signal's reason text.</summary>
    public const string Reason = "reason";

    /// <summary>
    /// Profit in R at which the stop moves to the entry (the tighter of the strategy's and <c>position_management.breakeven_at_r</c>).
    /// The same key the OMS reads (<c>Quorum.Execution.Oms.PlanMetadataKeys.BreakEvenR</c>; Risk cannot reference Execution).
    /// </summary>
    public const string BreakEvenAtR = "break_even_r";

    /// <summary>The strategy's time stop in milliseconds after the entry fill, when it asked for one (the OMS's key too).</summary>
    public const string TimeStopMs = "time_stop_ms";

    /// <summary>True on a pyramiding add; the whole position's stop moves to <see cref="CombinedStop"/>.</summary>
    public const string PyramidAdd = "pyramid_add";

    /// <summary>The stop of the whole position after a pyramiding add (never below break-even).</summary>
    public const string CombinedStop = "combined_stop";

    /// <summary>True on an add to a losing position, only possible with the DCA opt-in <c>no_martingale: false</c>.</summary>
    public const string AveragingDown = "averaging_down";
}
