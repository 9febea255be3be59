namespace Quorum.Risk.Governance;

/// <summary>A kill-switch store that lives as long as the process: for backtests, where nothing must outlive the run.</summary>
public sealed class InMemoryKillSwitchStore : IKillSwitchStore
{
    private readonly List<KillSwitchUnlock> _audit = [];
    private KillSwitchState? _state;

    public KillSwitchState? Load() => _state;

    public void Save(KillSwitchState state) => _state = state ?? throw new ArgumentNullException(nameof(state));

    public void AppendAudit(KillSwitchUnlock unlock) => _audit.Add(unlock ?? throw new ArgumentNullException(nameof(unlock)));

    public IReadOnlyList<KillSwitchUnlock> ReadAudit() => [.. _audit];
}
