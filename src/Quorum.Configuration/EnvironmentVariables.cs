namespace Quorum.Configuration;

/// <summary>
/// Environment variables Quorum reads. The first eight are seed 001's <c>.env</c>; the rest are
/// Quorum's (data directory and the standard PostgreSQL client variables).
/// </summary>
public static class EnvironmentVariables
{
    /// <summary><c>binance</c> | <c>bybit</c>: the venue <see cref="ApiKey"/> and <see cref="ApiSecret"/> belong to.</summary>
    public const string Exchange = "EXCHANGE";

    /// <summary>Exchange API key (secret).</summary>
    public const string ApiKey = "API_KEY";

    /// <summary>Exchange API secret (secret).</summary>
    public const string ApiSecret = "API_SECRET";

    /// <summary><c>paper</c> | <c>live</c>; overrides <c>quorum.yaml: mode</c>.</summary>
    public const string Mode = "MODE";

    /// <summary>Port 1..65535; overrides <c>quorum.yaml: prometheus.port</c>.</summary>
    public const string PrometheusPort = "PROMETHEUS_PORT";

    /// <summary>LLM key for the research/advisor layer (secret, optional).</summary>
    public const string OpenAiApiKey = "OPENAI_API_KEY";

    /// <summary>IANA time zone for human-facing reports (e.g. <c>Europe/Chisinau</c>); all stored times stay UTC.</summary>
    public const string TimeZone = "TZ";

    /// <summary>trace | debug | info | warning | error (any case); overrides <c>quorum.yaml: logging.level</c>.</summary>
    public const string LogLevel = "LOG_LEVEL";

    /// <summary>Market-data directory; overrides <c>quorum.yaml: data_dir</c>.</summary>
    public const string DataDirectory = "QUORUM_DATA_DIR";

    /// <summary>PostgreSQL host; overrides <c>quorum.yaml: database.postgres.host</c>.</summary>
    public const string PostgresHost = "PGHOST";

    /// <summary>PostgreSQL port; overrides <c>quorum.yaml: database.postgres.port</c>.</summary>
    public const string PostgresPort = "PGPORT";

    /// <summary>PostgreSQL database; overrides <c>quorum.yaml: database.postgres.database</c>.</summary>
    public const string PostgresDatabase = "PGDATABASE";

    /// <summary>PostgreSQL user; overrides <c>quorum.yaml: database.postgres.username</c>.</summary>
    public const string PostgresUser = "PGUSER";

    /// <summary>PostgreSQL password (secret); the only place a database password comes from.</summary>
    public const string PostgresPassword = "PGPASSWORD";

    private static readonly string[] Names =
    [
        Exchange, ApiKey, ApiSecret, Mode, PrometheusPort, OpenAiApiKey, TimeZone, LogLevel,
        DataDirectory, PostgresHost, PostgresPort, PostgresDatabase, PostgresUser, PostgresPassword,
    ];

    /// <summary>Every variable Quorum reads, in documentation order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The variables that hold secrets: their values never appear in output, logs or error messages.</summary>
    public static IReadOnlyList<string> Secrets { get; } = [ApiKey, ApiSecret, OpenAiApiKey, PostgresPassword];
}
