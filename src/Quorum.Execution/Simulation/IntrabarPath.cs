namespace Quorum.Execution.Simulation;

/// <summary>
/// The order in which the simulated exchange assumes a bar visited its open, high, low and close
/// when it matches working orders against it.
/// </summary>
public enum IntrabarPath
{
    /// <summary>
    /// Adverse to the exposure (the default): open → low → high → close when the symbol holds a long
    /// position (or, flat, when its first working stop/take-profit order is a sell), open → high → low →
    /// close for a short (or a first working buy trigger order), the bar direction otherwise. When one
    /// bar touches both the stop and the target of the same position, OCO or bracket, the stop fills first.
    /// </summary>
    Conservative,

    /// <summary>Always open → high → low → close.</summary>
    OpenHighLowClose,

    /// <summary>Always open → low → high → close.</summary>
    OpenLowHighClose,

    /// <summary>Open → low → high → close for an up bar (close ≥ open), open → high → low → close for a down bar.</summary>
    ByBarDirection,
}
