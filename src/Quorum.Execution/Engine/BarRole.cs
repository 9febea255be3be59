namespace Quorum.Execution.Engine;

/// <summary>What a replayed bar is for.</summary>
[Flags]
public enum BarRole
{
    /// <summary>Nothing (never sent).</summary>
    None = 0,

    /// <summary>The simulated exchange matches resting orders against it (the finest stream of a symbol, or its lower-timeframe detail stream).</summary>
    Match = 1,

    /// <summary>Delivered to the bot as a closed bar (a subscribed symbol × timeframe).</summary>
    Deliver = 2,

    /// <summary>Both.</summary>
    MatchAndDeliver = Match | Deliver,
}
