namespace Quorum.Strategies.Workers;

/// <summary>
/// A snapshot of one module's health (for the dashboard and metrics): its state, the last error and when it
/// happened, how often it was restarted, the signals it emitted, the close time of the last bar it processed,
/// the bars skipped while it was in error and, in error, when it will be restarted. Times are UTC ms (engine time
/// in a backtest, the injected clock's time in a worker).
/// </summary>
public sealed record ModuleHealth(
    string Module,
    ModuleHealthState State,
    string? LastError,
    long? LastErrorAtMs,
    int Restarts,
    long SignalsEmitted,
    long? LastBarTimeMs,
    long BarsSkipped,
    long? RetryAtMs);
