namespace Quorum.Execution.Engine;

/// <summary>
/// What a <see cref="BacktestLoop.Run"/> replayed: <see cref="Events"/> = <see cref="Bars"/> + <see cref="FundingEvents"/>,
/// the first and last event times (null for an empty replay), the clock when the run ended (the last event's time, the replay's
/// <see cref="MarketReplay.EndTimeMs"/>, or the start for an empty replay) and the scheduler timers fired during the run.
/// </summary>
public sealed record ReplayResult(
    long Events,
    long Bars,
    long FundingEvents,
    long? FirstEventTimeMs,
    long? LastEventTimeMs,
    long EndTimeMs,
    long TimersFired);
