using Quorum.Core;
using Quorum.Core.Instruments;
using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>Validates <c>quorum.yaml</c> and builds a <see cref="QuorumConfig"/>.</summary>
internal static class QuorumParser
{
    public const string Mode = "mode";
    public const string Venues = "venues";
    public const string Binance = "binance";
    public const string Bybit = "bybit";
    public const string Enabled = "enabled";
    public const string Testnet = "testnet";
    public const string MarketTypes = "market_types";
    public const string DataDir = "data_dir";
    public const string Database = "database";
    public const string Provider = "provider";
    public const string Sqlite = "sqlite";
    public const string SqlitePath = "path";
    public const string Postgres = "postgres";
    public const string PostgresHost = "host";
    public const string PostgresPort = "port";
    public const string PostgresDatabase = "database";
    public const string PostgresUsername = "username";
    public const string Web = "web";
    public const string WebHost = "host";
    public const string WebPort = "port";
    public const string AllowRemote = "allow_remote";
    public const string Logging = "logging";
    public const string Level = "level";
    public const string LogFile = "file";
    public const string RetentionDays = "retention_days";
    public const string Prometheus = "prometheus";
    public const string PrometheusPort = "port";

    public const string Expected = "a mapping with keys mode, venues, data_dir, database, web, logging, prometheus";

    public const int DefaultRetentionDays = 180;

    public static readonly ValueRange PortRange = ValueRange.Between(1m, 65535m);
    public static readonly ValueRange RetentionDaysRange = ValueRange.Between(1m, 3650m);

    public static readonly KeyValuePair<string, TradingMode>[] ModeChoices =
    [
        new("paper", TradingMode.Paper),
        new("live", TradingMode.Live),
        new("backtest", TradingMode.Backtest),
    ];

    public static readonly KeyValuePair<string, DatabaseProvider>[] ProviderChoices =
    [
        new("sqlite", DatabaseProvider.Sqlite),
        new("postgres", DatabaseProvider.Postgres),
    ];

    public static readonly KeyValuePair<string, LoggingLevel>[] LevelChoices =
    [
        new("trace", LoggingLevel.Trace),
        new("debug", LoggingLevel.Debug),
        new("info", LoggingLevel.Info),
        new("warning", LoggingLevel.Warning),
        new("error", LoggingLevel.Error),
    ];

    private static readonly Dictionary<string, string> RefusedPostgresKeys = new(StringComparer.Ordinal)
    {
        ["password"] = "passwords never go in a config file; set the environment variable PGPASSWORD",
    };

    public static QuorumConfig? Parse(YamlMappingNode root, ErrorCollector errors)
    {
        var before = errors.Count;
        var map = new MappingReader(root, string.Empty, errors);
        var mode = map.Choice(Mode, ModeChoices);
        var venues = map.Mapping(Venues, $"a mapping with keys {Binance}, {Bybit}") is { } venuesMap ? ReadVenues(venuesMap) : null;
        var dataDir = map.Text(DataDir, required: false) ?? string.Empty;
        var database = map.Mapping(Database, $"a mapping with keys {Provider}, {Sqlite}, {Postgres}") is { } databaseMap ? ReadDatabase(databaseMap) : null;
        var web = map.Mapping(Web, $"a mapping with keys {WebHost}, {WebPort}, {AllowRemote}") is { } webMap ? ReadWeb(webMap) : null;
        var logging = map.Mapping(Logging, $"a mapping with keys {Level}, {LogFile}, {RetentionDays}") is { } loggingMap ? ReadLogging(loggingMap) : null;
        var prometheus = map.Mapping(Prometheus, $"a mapping with key {PrometheusPort}") is { } prometheusMap ? ReadPrometheus(prometheusMap) : null;
        map.RejectUnknownKeys();

        if (errors.Count != before)
        {
            return null;
        }

        var config = new QuorumConfig(mode!.Value, venues!, dataDir, database!, web!, logging!, prometheus!);
        foreach (var violation in CheckRules(config))
        {
            errors.Add(violation.Kind, violation.Key, violation.Value, violation.Allowed, YamlPath.Find(root, violation.Key.Split('.')));
        }

        return errors.Count == before ? config : null;
    }

    /// <summary>
    /// Rules across sections of the file. After environment overrides, <see cref="EnvironmentSettings"/>
    /// checks the same rules again for the values the environment changed, naming the variable.
    /// </summary>
    private static IEnumerable<ConfigError> CheckRules(QuorumConfig config)
    {
        const string file = ConfigLoader.QuorumFileName;
        if (config.Web.Port == config.Prometheus.Port)
        {
            yield return new ConfigError(
                file,
                $"{Web}.{WebPort}",
                config.Web.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{Web}.{WebPort} differs from {Prometheus}.{PrometheusPort}; both listen on it",
                ConfigErrorKind.Rule);
        }

        if (config.Mode == TradingMode.Live && !config.Venues.AnyEnabled)
        {
            yield return new ConfigError(
                file,
                Mode,
                "live",
                $"live trading needs at least one enabled venue ({Venues}.{Binance}.{Enabled} or {Venues}.{Bybit}.{Enabled})",
                ConfigErrorKind.Rule);
        }
    }

    private static VenuesConfig? ReadVenues(MappingReader map)
    {
        var before = map.Errors.Count;
        var binance = ReadVenue(map, Binance);
        var bybit = ReadVenue(map, Bybit);
        map.RejectUnknownKeys();
        return map.Errors.Count == before ? new VenuesConfig(binance!, bybit!) : null;
    }

    private static VenueConfig? ReadVenue(MappingReader parent, string key)
    {
        var description = $"a mapping with keys {Enabled}, {Testnet}, {MarketTypes}";
        if (!parent.Has(key))
        {
            return VenueConfig.Disabled;
        }

        if (parent.Mapping(key, description) is not { } map)
        {
            return null;
        }

        var before = map.Errors.Count;
        var enabled = map.Boolean(Enabled);
        var testnet = map.Boolean(Testnet);
        var items = map.Items(MarketTypes, "market types (spot, perp)", allowNullAsEmpty: true);
        var marketTypes = new List<MarketType>();
        foreach (var (node, path) in items ?? [])
        {
            if (Values.Choice(node, path, SymbolsParser.TypeChoices, map.Errors) is not { } type)
            {
                continue;
            }

            if (marketTypes.Contains(type))
            {
                map.Errors.Add(ConfigErrorKind.Duplicate, path, NodeText.Show(node), "each market type may be listed once", node);
            }
            else
            {
                marketTypes.Add(type);
            }
        }

        map.RejectUnknownKeys();
        if (map.Errors.Count == before && enabled == true && marketTypes.Count == 0)
        {
            map.Errors.Add(ConfigErrorKind.Invalid, map.PathOf(MarketTypes), "[]", "an enabled venue lists at least one market type (spot, perp)", map.Peek(MarketTypes));
        }

        return map.Errors.Count == before ? new VenueConfig(enabled!.Value, testnet!.Value, marketTypes.AsReadOnly()) : null;
    }

    private static DatabaseConfig? ReadDatabase(MappingReader map)
    {
        var before = map.Errors.Count;
        var provider = map.Choice(Provider, ProviderChoices);
        var sqlitePath = string.Empty;
        if (map.Has(Sqlite) && map.Mapping(Sqlite, $"a mapping with key {SqlitePath}") is { } sqlite)
        {
            sqlitePath = sqlite.Text(SqlitePath, required: false) ?? string.Empty;
            sqlite.RejectUnknownKeys();
        }

        var postgres = PostgresConfig.Default;
        if (map.Has(Postgres) && map.Mapping(Postgres, $"a mapping with keys {PostgresHost}, {PostgresPort}, {PostgresDatabase}, {PostgresUsername} (never a password)") is { } pg)
        {
            var host = NonEmpty(pg, PostgresHost) ?? postgres.Host;
            var port = pg.Integer(PostgresPort, PortRange, required: false) ?? postgres.Port;
            var database = NonEmpty(pg, PostgresDatabase) ?? postgres.Database;
            var username = NonEmpty(pg, PostgresUsername) ?? postgres.Username;
            pg.RejectUnknownKeys(RefusedPostgresKeys);
            postgres = new PostgresConfig(host, port, database, username);
        }

        map.RejectUnknownKeys();
        return map.Errors.Count == before ? new DatabaseConfig(provider!.Value, sqlitePath, postgres) : null;
    }

    private static WebConfig? ReadWeb(MappingReader map)
    {
        var before = map.Errors.Count;
        var host = map.Text(WebHost);
        var port = map.Integer(WebPort, PortRange);
        var allowRemote = map.Has(AllowRemote) ? map.Boolean(AllowRemote) : false;
        map.RejectUnknownKeys();
        if (host is not null)
        {
            var trimmed = host.Trim();
            if (trimmed.Length == 0 || Uri.CheckHostName(trimmed.TrimStart('[').TrimEnd(']')) == UriHostNameType.Unknown)
            {
                map.Errors.Add(ConfigErrorKind.Invalid, map.PathOf(WebHost), NodeText.Show(map.Peek(WebHost)!), "a host name or IP address, e.g. 127.0.0.1", map.Peek(WebHost));
            }
            else if (allowRemote == false && !WebConfig.IsLoopbackHost(trimmed))
            {
                map.Errors.Add(
                    ConfigErrorKind.Rule,
                    map.PathOf(WebHost),
                    trimmed,
                    $"a loopback host (127.0.0.1, ::1, localhost) unless {map.PathOf(AllowRemote)}: true; the dashboard can control trading",
                    map.Peek(WebHost));
            }
        }

        return map.Errors.Count == before ? new WebConfig(host!.Trim(), port!.Value, allowRemote!.Value) : null;
    }

    private static LoggingConfig? ReadLogging(MappingReader map)
    {
        var before = map.Errors.Count;
        var level = map.Choice(Level, LevelChoices);
        var file = map.Text(LogFile, required: false) ?? string.Empty;
        var retention = map.Has(RetentionDays) ? map.Integer(RetentionDays, RetentionDaysRange) : DefaultRetentionDays;
        map.RejectUnknownKeys();
        return map.Errors.Count == before ? new LoggingConfig(level!.Value, file, retention!.Value) : null;
    }

    private static PrometheusConfig? ReadPrometheus(MappingReader map)
    {
        var before = map.Errors.Count;
        var port = map.Integer(PrometheusPort, PortRange);
        map.RejectUnknownKeys();
        return map.Errors.Count == before ? new PrometheusConfig(port!.Value) : null;
    }

    private static string? NonEmpty(MappingReader map, string key)
    {
        var text = map.Text(key, required: false);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
