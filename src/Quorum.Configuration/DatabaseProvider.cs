namespace Quorum.Configuration;

/// <summary><c>quorum.yaml: database.provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary><c>sqlite</c>: one local file (default).</summary>
    Sqlite,

    /// <summary><c>postgres</c>: a PostgreSQL server; connection from <c>database.postgres</c> and <c>PG*</c> environment variables.</summary>
    Postgres,
}
