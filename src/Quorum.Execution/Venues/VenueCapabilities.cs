namespace Quorum.Execution.Venues;

/// <summary>
/// What a venue does natively. Where a flag is false the OMS emulates the feature with plain
/// orders (an OCO as two orders and a cancel, a bracket as an entry followed by its exits, an
/// amend as cancel + replace).
/// </summary>
public sealed record VenueCapabilities(
    bool NativeOco = true,
    bool NativeBrackets = true,
    bool NativeAmend = true,
    bool PostOnly = true,
    bool ReduceOnly = true,
    bool StopOrders = true)
{
    /// <summary>Everything native (the simulated exchange's default).</summary>
    public static VenueCapabilities All { get; } = new();

    /// <summary>Plain orders only: no OCO, no brackets, no amend. The OMS emulates the rest.</summary>
    public static VenueCapabilities PlainOrdersOnly { get; } = new(NativeOco: false, NativeBrackets: false, NativeAmend: false);
}
