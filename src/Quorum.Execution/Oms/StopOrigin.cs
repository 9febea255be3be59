namespace Quorum.Execution.Oms;

/// <summary>What last set a trade's stop price; decides the exit reason when the stop fills.</summary>
public enum StopOrigin
{
    /// <summary>The plan's stop, or a manual adjustment.</summary>
    Plan,

    /// <summary>The break-even move.</summary>
    BreakEven,

    /// <summary>The trail.</summary>
    Trail,
}
