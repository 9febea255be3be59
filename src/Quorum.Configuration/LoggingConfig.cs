namespace Quorum.Configuration;

/// <summary><c>quorum.yaml: logging</c>.</summary>
/// <param name="Level"><c>level</c>: trace | debug | info | warning | error; env <c>LOG_LEVEL</c> overrides.</param>
/// <param name="File"><c>file</c>: log file; empty means <c>~/.quorum/logs/quorum.log</c> (see <see cref="QuorumPaths"/>).</param>
/// <param name="RetentionDays"><c>retention_days</c>: days log files are kept (default 180: seed 001 keeps logs ≥ 6 months for audit).</param>
public sealed record LoggingConfig(LoggingLevel Level, string File, int RetentionDays);
