using System.Globalization;
using System.Text;
using Quorum.Configuration.Parsing;
using Quorum.Core;
using Quorum.Core.Instruments;

namespace Quorum.Configuration;

/// <summary>
/// Settings and secrets from environment variables (<see cref="EnvironmentVariables"/>). Read from a
/// lookup, never straight from the process, so tests need not change the process environment.
/// Environment values override <c>quorum.yaml</c> (<see cref="ApplyTo"/>); secrets are
/// <see cref="Secret"/>s and never print.
/// </summary>
public sealed record EnvironmentSettings
{
    /// <summary>Errors in the environment name this as their file.</summary>
    public const string Source = "environment";

    private static readonly KeyValuePair<string, Venue>[] ExchangeChoices = [new("binance", Venue.Binance), new("bybit", Venue.Bybit)];
    private static readonly KeyValuePair<string, TradingMode>[] ModeChoices = [new("paper", TradingMode.Paper), new("live", TradingMode.Live)];

    /// <summary>No variables set.</summary>
    public static EnvironmentSettings Empty { get; } = new();

    /// <summary><c>EXCHANGE</c>: the venue the API keys belong to.</summary>
    public Venue? Exchange { get; init; }

    /// <summary><c>API_KEY</c>.</summary>
    public Secret? ApiKey { get; init; }

    /// <summary><c>API_SECRET</c>.</summary>
    public Secret? ApiSecret { get; init; }

    /// <summary><c>MODE</c>: paper or live; overrides <c>quorum.yaml: mode</c>.</summary>
    public TradingMode? Mode { get; init; }

    /// <summary><c>PROMETHEUS_PORT</c>; overrides <c>quorum.yaml: prometheus.port</c>.</summary>
    public int? PrometheusPort { get; init; }

    /// <summary><c>OPENAI_API_KEY</c>.</summary>
    public Secret? OpenAiApiKey { get; init; }

    /// <summary><c>TZ</c>: time zone for human-facing reports (stored times are always UTC).</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary><c>LOG_LEVEL</c>; overrides <c>quorum.yaml: logging.level</c>.</summary>
    public LoggingLevel? LogLevel { get; init; }

    /// <summary><c>QUORUM_DATA_DIR</c>; overrides <c>quorum.yaml: data_dir</c>.</summary>
    public string? DataDirectory { get; init; }

    /// <summary><c>PGHOST</c>.</summary>
    public string? PostgresHost { get; init; }

    /// <summary><c>PGPORT</c>.</summary>
    public int? PostgresPort { get; init; }

    /// <summary><c>PGDATABASE</c>.</summary>
    public string? PostgresDatabase { get; init; }

    /// <summary><c>PGUSER</c>.</summary>
    public string? PostgresUser { get; init; }

    /// <summary><c>PGPASSWORD</c>.</summary>
    public Secret? PostgresPassword { get; init; }

    /// <summary>Reads and validates the variables; throws <see cref="ConfigValidationException"/> listing every bad one.</summary>
    public static EnvironmentSettings Read(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Read(name => variables.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>Reads and validates the variables; throws <see cref="ConfigValidationException"/> listing every bad one.</summary>
    public static EnvironmentSettings Read(Func<string, string?> lookup)
    {
        var errors = new ErrorCollector(Source);
        var settings = Read(lookup, errors);
        return settings ?? throw new ConfigValidationException(errors.Errors);
    }

    /// <summary>
    /// <paramref name="config"/> with the environment's overrides applied: <c>MODE</c>, <c>QUORUM_DATA_DIR</c>,
    /// <c>PROMETHEUS_PORT</c>, <c>LOG_LEVEL</c>, <c>PGHOST</c>, <c>PGPORT</c>, <c>PGDATABASE</c>, <c>PGUSER</c>.
    /// </summary>
    public QuorumConfig ApplyTo(QuorumConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var postgres = config.Database.Postgres;
        return config with
        {
            Mode = Mode ?? config.Mode,
            DataDirectory = DataDirectory ?? config.DataDirectory,
            Prometheus = config.Prometheus with { Port = PrometheusPort ?? config.Prometheus.Port },
            Logging = config.Logging with { Level = LogLevel ?? config.Logging.Level },
            Database = config.Database with
            {
                Postgres = new PostgresConfig(
                    PostgresHost ?? postgres.Host,
                    PostgresPort ?? postgres.Port,
                    PostgresDatabase ?? postgres.Database,
                    PostgresUser ?? postgres.Username),
            },
        };
    }

    /// <summary>
    /// Every variable, one per line, secrets shown only as set or not set:
    /// <c>API_KEY = *** (set)</c>. Safe to print and to log.
    /// </summary>
    public string ToRedactedSummary()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in Describe())
        {
            text.Append(name).Append(" = ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Each variable with a printable (redacted) value, in <see cref="EnvironmentVariables.All"/> order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe() =>
    [
        new(EnvironmentVariables.Exchange, Show(Exchange?.Code.ToLowerInvariant())),
        new(EnvironmentVariables.ApiKey, Show(ApiKey)),
        new(EnvironmentVariables.ApiSecret, Show(ApiSecret)),
        new(EnvironmentVariables.Mode, Show(Mode?.ToString().ToLowerInvariant())),
        new(EnvironmentVariables.PrometheusPort, Show(PrometheusPort?.ToString(CultureInfo.InvariantCulture))),
        new(EnvironmentVariables.OpenAiApiKey, Show(OpenAiApiKey)),
        new(EnvironmentVariables.TimeZone, Show(TimeZone?.Id)),
        new(EnvironmentVariables.LogLevel, Show(LogLevel?.ToString().ToLowerInvariant())),
        new(EnvironmentVariables.DataDirectory, Show(DataDirectory)),
        new(EnvironmentVariables.PostgresHost, Show(PostgresHost)),
        new(EnvironmentVariables.PostgresPort, Show(PostgresPort?.ToString(CultureInfo.InvariantCulture))),
        new(EnvironmentVariables.PostgresDatabase, Show(PostgresDatabase)),
        new(EnvironmentVariables.PostgresUser, Show(PostgresUser)),
        new(EnvironmentVariables.PostgresPassword, Show(PostgresPassword)),
    ];

    internal static EnvironmentSettings? Read(Func<string, string?> lookup, ErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var before = errors.Count;
        string? Get(string name) => lookup(name)?.Trim() is { Length: > 0 } value ? value : null;

        var settings = new EnvironmentSettings
        {
            Exchange = Choice(EnvironmentVariables.Exchange, Get(EnvironmentVariables.Exchange), ExchangeChoices, errors, string.Empty),
            ApiKey = Get(EnvironmentVariables.ApiKey) is { } apiKey ? new Secret(apiKey) : null,
            ApiSecret = Get(EnvironmentVariables.ApiSecret) is { } apiSecret ? new Secret(apiSecret) : null,
            Mode = Choice(EnvironmentVariables.Mode, Get(EnvironmentVariables.Mode), ModeChoices, errors, "; backtests run with `quorum backtest`"),
            PrometheusPort = Port(EnvironmentVariables.PrometheusPort, Get(EnvironmentVariables.PrometheusPort), errors),
            OpenAiApiKey = Get(EnvironmentVariables.OpenAiApiKey) is { } openAi ? new Secret(openAi) : null,
            TimeZone = Zone(Get(EnvironmentVariables.TimeZone), errors),
            LogLevel = Choice(EnvironmentVariables.LogLevel, Get(EnvironmentVariables.LogLevel), QuorumParser.LevelChoices, errors, " (any case)"),
            DataDirectory = Get(EnvironmentVariables.DataDirectory),
            PostgresHost = Get(EnvironmentVariables.PostgresHost),
            PostgresPort = Port(EnvironmentVariables.PostgresPort, Get(EnvironmentVariables.PostgresPort), errors),
            PostgresDatabase = Get(EnvironmentVariables.PostgresDatabase),
            PostgresUser = Get(EnvironmentVariables.PostgresUser),
            PostgresPassword = Get(EnvironmentVariables.PostgresPassword) is { } password ? new Secret(password) : null,
        };

        return errors.Count == before ? settings : null;
    }

    /// <summary>Checks that need both the environment and the effective <c>quorum.yaml</c> values.</summary>
    internal IEnumerable<ConfigError> Check(QuorumConfig effective)
    {
        if (PrometheusPort is { } port && port == effective.Web.Port)
        {
            yield return Error(
                ConfigErrorKind.Rule,
                EnvironmentVariables.PrometheusPort,
                port.ToString(CultureInfo.InvariantCulture),
                $"differs from {ConfigLoader.QuorumFileName} web.port = {effective.Web.Port}; both listen on it");
        }

        if (effective.Mode != TradingMode.Live)
        {
            yield break;
        }

        if (Mode == TradingMode.Live && !effective.Venues.AnyEnabled)
        {
            yield return Error(ConfigErrorKind.Rule, EnvironmentVariables.Mode, "live", $"live trading needs an enabled venue in {ConfigLoader.QuorumFileName} venues");
        }

        if (Exchange is null)
        {
            yield return Error(ConfigErrorKind.MissingKey, EnvironmentVariables.Exchange, null, "binance or bybit: live mode needs the venue the API keys belong to");
        }
        else if (!effective.Venues.For(Exchange.Value).Enabled)
        {
            var name = Exchange.Value.Code.ToLowerInvariant();
            yield return Error(ConfigErrorKind.Rule, EnvironmentVariables.Exchange, name, $"live mode needs {ConfigLoader.QuorumFileName} venues.{name}.enabled: true");
        }

        if (ApiKey is null)
        {
            yield return Error(ConfigErrorKind.MissingKey, EnvironmentVariables.ApiKey, null, "live mode needs the exchange API key");
        }

        if (ApiSecret is null)
        {
            yield return Error(ConfigErrorKind.MissingKey, EnvironmentVariables.ApiSecret, null, "live mode needs the exchange API secret");
        }
    }

    private static ConfigError Error(ConfigErrorKind kind, string name, string? value, string allowed) => new(Source, name, value, allowed, kind);

    private static string Show(string? value) => value ?? "(not set)";

    private static string Show(Secret? secret) => secret is null ? "(not set)" : $"{Secret.Redacted} (set)";

    private static T? Choice<T>(string name, string? value, IReadOnlyList<KeyValuePair<string, T>> choices, ErrorCollector errors, string note)
        where T : struct
    {
        if (value is null)
        {
            return null;
        }

        foreach (var choice in choices)
        {
            if (string.Equals(choice.Key, value, StringComparison.OrdinalIgnoreCase))
            {
                return choice.Value;
            }
        }

        errors.Add(ConfigErrorKind.NotAllowed, name, value, string.Join(", ", choices.Select(c => c.Key)) + note);
        return null;
    }

    private static int? Port(string name, string? value, ErrorCollector errors)
    {
        if (value is null)
        {
            return null;
        }

        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
        {
            errors.Add(ConfigErrorKind.WrongType, name, value, $"an integer ({QuorumParser.PortRange})");
            return null;
        }

        if (!QuorumParser.PortRange.Contains(port))
        {
            errors.Add(ConfigErrorKind.OutOfRange, name, value, QuorumParser.PortRange.ToString());
            return null;
        }

        return (int)port;
    }

    private static TimeZoneInfo? Zone(string? value, ErrorCollector errors)
    {
        if (value is null)
        {
            return null;
        }

        // glibc allows TZ=":Europe/Chisinau"; the colon only says "read from the zone database".
        var id = value.TrimStart(':');
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        errors.Add(ConfigErrorKind.Invalid, EnvironmentVariables.TimeZone, value, "an IANA time zone known to this machine, e.g. Europe/Chisinau or UTC");
        return null;
    }
}
