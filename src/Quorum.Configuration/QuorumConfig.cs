using Quorum.Core;

namespace Quorum.Configuration;

/// <summary>
/// <c>quorum.yaml</c>: how the process runs. Inside a <see cref="QuorumConfiguration"/> loaded with an
/// environment, the values are the effective ones (environment overrides applied).
/// </summary>
/// <param name="Mode"><c>mode</c>: paper (default) | live | backtest; env <c>MODE</c> overrides.</param>
/// <param name="Venues"><c>venues</c>.</param>
/// <param name="DataDirectory"><c>data_dir</c>: empty means <c>~/.quorum/data</c>; env <c>QUORUM_DATA_DIR</c> overrides.</param>
/// <param name="Database"><c>database</c>.</param>
/// <param name="Web"><c>web</c>.</param>
/// <param name="Logging"><c>logging</c>.</param>
/// <param name="Prometheus"><c>prometheus</c>.</param>
public sealed record QuorumConfig(
    TradingMode Mode,
    VenuesConfig Venues,
    string DataDirectory,
    DatabaseConfig Database,
    WebConfig Web,
    LoggingConfig Logging,
    PrometheusConfig Prometheus);
