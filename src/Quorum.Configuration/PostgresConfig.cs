namespace Quorum.Configuration;

/// <summary>
/// <c>quorum.yaml: database.postgres</c> — everything but the password, which only ever comes from the
/// environment variable <c>PGPASSWORD</c>. <c>PGHOST</c>, <c>PGPORT</c>, <c>PGDATABASE</c> and
/// <c>PGUSER</c> override the file.
/// </summary>
/// <param name="Host"><c>host</c> (default <c>localhost</c>).</param>
/// <param name="Port"><c>port</c> (default 5432).</param>
/// <param name="Database"><c>database</c> (default <c>quorum</c>).</param>
/// <param name="Username"><c>username</c> (default <c>quorum</c>).</param>
public sealed record PostgresConfig(string Host, int Port, string Database, string Username)
{
    public static PostgresConfig Default { get; } = new("localhost", 5432, "quorum", "quorum");
}
