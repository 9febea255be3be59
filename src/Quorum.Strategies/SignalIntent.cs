namespace Quorum.Strategies;

/// <summary>What a signal asks for (metadata key <see cref="StrategySignals.IntentKey"/>).</summary>
public enum SignalIntent
{
    /// <summary>Open a position of the signal's side.</summary>
    Entry,

    /// <summary>Close the open position of the signal's side (a spot long is closed by selling).</summary>
    Exit,
}
