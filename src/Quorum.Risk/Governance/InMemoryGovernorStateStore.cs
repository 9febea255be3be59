namespace Quorum.Risk.Governance;

/// <summary>A governor state store that lives as long as the process: for backtests, where nothing must outlive the run.</summary>
public sealed class InMemoryGovernorStateStore : IGovernorStateStore
{
    private readonly List<KillSwitchUnlock> _audit = [];
    private GovernorState? _state;

    public GovernorState? Load() => _state;

    public void Save(GovernorState state) => _state = state ?? throw new ArgumentNullException(nameof(state));

    public void AppendAudit(KillSwitchUnlock unlock) => _audit.Add(unlock ?? throw new ArgumentNullException(nameof(unlock)));

    public IReadOnlyList<KillSwitchUnlock> ReadAudit() => [.. _audit];
}
