namespace Quorum.Execution.Engine;

/// <summary>Handles the replay events of a paper-on-replay <see cref="EventLoop"/> on its thread (implemented by <see cref="ReplayFeeder"/>).</summary>
internal interface IReplayEventHandler
{
    /// <summary>A <see cref="EngineEventKind.ReplayBar"/>, <see cref="EngineEventKind.ReplayFunding"/> or <see cref="EngineEventKind.ReplayEnd"/> event.</summary>
    void Handle(in EngineEvent replayEvent);
}
