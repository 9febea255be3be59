namespace Quorum.Configuration;

/// <summary><c>quorum.yaml: database</c>.</summary>
/// <param name="Provider"><c>provider</c>: <c>sqlite</c> (default) or <c>postgres</c>.</param>
/// <param name="SqlitePath"><c>sqlite.path</c>: database file; empty means <c>~/.quorum/quorum.db</c> (see <see cref="QuorumPaths"/>).</param>
/// <param name="Postgres"><c>postgres</c>: server settings without the password.</param>
public sealed record DatabaseConfig(DatabaseProvider Provider, string SqlitePath, PostgresConfig Postgres);
