using System.Data.Common;
using System.Globalization;

namespace Quorum.Configuration;

/// <summary>
/// A PostgreSQL connection: server settings from <c>quorum.yaml</c> (after <c>PG*</c> overrides) and the
/// password from <c>PGPASSWORD</c> only.
/// </summary>
/// <param name="Server">Host, port, database and user.</param>
/// <param name="Password">From <c>PGPASSWORD</c>; null when not set.</param>
public sealed record PostgresConnectionSettings(PostgresConfig Server, Secret? Password)
{
    /// <summary>An Npgsql connection string (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>), as a secret.</summary>
    public Secret ToConnectionString()
    {
        var builder = new DbConnectionStringBuilder
        {
            ["Host"] = Server.Host,
            ["Port"] = Server.Port.ToString(CultureInfo.InvariantCulture),
            ["Database"] = Server.Database,
            ["Username"] = Server.Username,
        };
        if (Password is not null)
        {
            builder["Password"] = Password.Reveal();
        }

        return new Secret(builder.ConnectionString);
    }
}
