namespace Quorum.Strategies.Workers;

/// <summary>Seed 000's module health states (<c>module_worker.py</c>: idle, running, ok, error).</summary>
public enum ModuleHealthState
{
    /// <summary>Created or restarted, no bar processed since.</summary>
    Idle,

    /// <summary>Processing a bar right now.</summary>
    Running,

    /// <summary>The last bar was processed without an exception.</summary>
    Ok,

    /// <summary>The module threw; it is skipped until its restart time (<see cref="ModuleHealth.RetryAtMs"/>).</summary>
    Error,
}
