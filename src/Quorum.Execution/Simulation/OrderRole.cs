namespace Quorum.Execution.Simulation;

/// <summary>What a working order is to the exchange: a plain order, an OCO leg or a part of a bracket.</summary>
internal enum OrderRole
{
    Single,
    OcoLeg,
    BracketEntry,
    BracketStop,
    BracketTakeProfit,
}
