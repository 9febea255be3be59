using Quorum.Core.Instruments;
using Quorum.Core.Messaging;
using Quorum.Core.Trading;

namespace Quorum.Risk;

/// <summary>
/// Published on the event bus for every decision of the <see cref="RiskGate"/> (approve, resize, deny), so
/// the dashboard and the audit log can show why a trade did or did not happen.
/// </summary>
/// <param name="Symbol">Symbol of the intent.</param>
/// <param name="Side">Side of the intent.</param>
/// <param name="Strategy">Strategy that emitted the signal.</param>
/// <param name="Verdict">Approved, resized or denied.</param>
/// <param name="Rule">The rule that resized or denied (<see cref="RiskRule.None"/> for an approval).</param>
/// <param name="Reason">Why, with the numbers; empty for an approval.</param>
/// <param name="Plan">The plan to send; null when denied.</param>
/// <param name="EngineTimeMs">Engine time of the decision.</param>
/// <param name="VenueTimeMs">Same as the engine time (the decision is the engine's own).</param>
public sealed record RiskDecisionMade(
    Symbol Symbol,
    PositionSide Side,
    string Strategy,
    RiskVerdict Verdict,
    RiskRule Rule,
    string Reason,
    Plan? Plan,
    long EngineTimeMs,
    long VenueTimeMs) : Event(EngineTimeMs, VenueTimeMs);
