namespace Quorum.Configuration;

/// <summary><c>quorum.yaml: prometheus</c>.</summary>
/// <param name="Port"><c>port</c>: metrics endpoint port (default 9108, as seed 001's <c>PROMETHEUS_PORT</c>); env <c>PROMETHEUS_PORT</c> overrides.</param>
public sealed record PrometheusConfig(int Port);
