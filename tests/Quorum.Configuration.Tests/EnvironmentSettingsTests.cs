using Quorum.Core;
using Quorum.Core.Instruments;

namespace Quorum.Configuration.Tests;

public sealed class EnvironmentSettingsTests : IDisposable
{
    private readonly ConfigDirectory _dir = new();

    private static Dictionary<string, string?> Env(params (string Name, string? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public void Read_SeedExampleValues_ParsesEveryVariable()
    {
        var settings = EnvironmentSettings.Read(Env(
            ("EXCHANGE", "binance"), ("API_KEY", "key-123"), ("API_SECRET", "secret-456"), ("MODE", "paper"),
            ("PROMETHEUS_PORT", "9108"), ("OPENAI_API_KEY", "sk-789"), ("TZ", "Europe/Chisinau"), ("LOG_LEVEL", "INFO")));

        settings.Exchange.ShouldBe(Venue.Binance);
        settings.ApiKey.ShouldNotBeNull().Reveal().ShouldBe("key-123");
        settings.ApiSecret.ShouldNotBeNull().Reveal().ShouldBe("secret-456");
        settings.Mode.ShouldBe(TradingMode.Paper);
        settings.PrometheusPort.ShouldBe(9108);
        settings.OpenAiApiKey.ShouldNotBeNull().Reveal().ShouldBe("sk-789");
        settings.TimeZone.ShouldNotBeNull().Id.ShouldBe("Europe/Chisinau");
        settings.LogLevel.ShouldBe(LoggingLevel.Info);
    }

    [Fact]
    public void Read_NothingSet_LeavesEverythingUnset()
    {
        EnvironmentSettings.Read(Env()).ShouldBe(EnvironmentSettings.Empty);
    }

    [Fact]
    public void Read_EmptyAndBlankValues_CountAsUnset()
    {
        var settings = EnvironmentSettings.Read(Env(("API_KEY", ""), ("MODE", "  "), ("PGPASSWORD", null)));

        settings.ApiKey.ShouldBeNull();
        settings.Mode.ShouldBeNull();
        settings.PostgresPassword.ShouldBeNull();
    }

    [Theory]
    [InlineData("BYBIT", "Bybit")]
    [InlineData("Binance", "Binance")]
    public void Read_ExchangeInAnyCase_Parses(string value, string venue)
    {
        EnvironmentSettings.Read(Env(("EXCHANGE", value))).Exchange.ShouldBe(Venue.Parse(venue));
    }

    [Theory]
    [InlineData("TRACE", LoggingLevel.Trace)]
    [InlineData("DEBUG", LoggingLevel.Debug)]
    [InlineData("INFO", LoggingLevel.Info)]
    [InlineData("Warning", LoggingLevel.Warning)]
    [InlineData("error", LoggingLevel.Error)]
    public void Read_LogLevelInAnyCase_Parses(string value, LoggingLevel level)
    {
        EnvironmentSettings.Read(Env(("LOG_LEVEL", value))).LogLevel.ShouldBe(level);
    }

    [Theory]
    [InlineData("EXCHANGE", "kraken", "environment: EXCHANGE = kraken is not allowed (allowed: binance, bybit)")]
    [InlineData("MODE", "backtest", "environment: MODE = backtest is not allowed (allowed: paper, live; backtests run with `quorum backtest`)")]
    [InlineData("MODE", "demo", "environment: MODE = demo is not allowed (allowed: paper, live; backtests run with `quorum backtest`)")]
    [InlineData("LOG_LEVEL", "VERBOSE", "environment: LOG_LEVEL = VERBOSE is not allowed (allowed: trace, debug, info, warning, error (any case))")]
    [InlineData("PROMETHEUS_PORT", "0", "environment: PROMETHEUS_PORT = 0 is out of range (1 ≤ x ≤ 65535)")]
    [InlineData("PROMETHEUS_PORT", "65536", "environment: PROMETHEUS_PORT = 65536 is out of range (1 ≤ x ≤ 65535)")]
    [InlineData("PROMETHEUS_PORT", "9108a", "environment: PROMETHEUS_PORT = 9108a is not an integer (1 ≤ x ≤ 65535)")]
    [InlineData("PGPORT", "-1", "environment: PGPORT = -1 is out of range (1 ≤ x ≤ 65535)")]
    [InlineData("TZ", "Mars/Olympus", "environment: TZ = Mars/Olympus is invalid (an IANA time zone known to this machine, e.g. Europe/Chisinau or UTC)")]
    public void Read_WhenVariableIsBad_FailsNamingVariableValueAndAllowed(string name, string value, string message)
    {
        var failure = Should.Throw<ConfigValidationException>(() => EnvironmentSettings.Read(Env((name, value))));

        failure.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("65535")]
    public void Read_WhenPrometheusPortIsAtItsBound_Parses(string value)
    {
        EnvironmentSettings.Read(Env(("PROMETHEUS_PORT", value))).PrometheusPort.ShouldBe(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_WhenSeveralVariablesAreBad_ReportsAllAtOnce()
    {
        var failure = Should.Throw<ConfigValidationException>(() =>
            EnvironmentSettings.Read(Env(("EXCHANGE", "ftx"), ("MODE", "yolo"), ("PROMETHEUS_PORT", "x"))));

        failure.Errors.Select(e => e.Key).ShouldBe(["EXCHANGE", "MODE", "PROMETHEUS_PORT"]);
    }

    [Fact]
    public void Read_FromALookupFunction_UsesIt()
    {
        var settings = EnvironmentSettings.Read(name => name == "MODE" ? "live" : null);

        settings.Mode.ShouldBe(TradingMode.Live);
    }

    [Fact]
    public void LoadDirectory_WhenEnvModeIsSet_OverridesQuorumYamlMode()
    {
        _dir.Set(ConfigLoader.QuorumFileName, "mode", "backtest");

        var config = _dir.Load(Env(("MODE", "paper")));

        config.Quorum.Mode.ShouldBe(TradingMode.Paper);
        config.Environment.Mode.ShouldBe(TradingMode.Paper);
    }

    [Fact]
    public void LoadDirectory_WhenEnvModeIsLiveWithKeys_GoesLive()
    {
        var config = _dir.Load(Env(("MODE", "live"), ("EXCHANGE", "bybit"), ("API_KEY", "k"), ("API_SECRET", "s")));

        config.Quorum.Mode.ShouldBe(TradingMode.Live);
    }

    [Fact]
    public void LoadDirectory_WhenLiveModeHasNoKeys_FailsNamingEachMissingVariable()
    {
        var failure = _dir.LoadFails(Env(("MODE", "LIVE")));

        failure.Message.Split('\n').ShouldBe(
        [
            "environment: EXCHANGE is missing (required: binance or bybit: live mode needs the venue the API keys belong to)",
            "environment: API_KEY is missing (required: live mode needs the exchange API key)",
            "environment: API_SECRET is missing (required: live mode needs the exchange API secret)",
        ]);
    }

    [Fact]
    public void LoadDirectory_WhenLiveExchangeIsDisabledInQuorumYaml_Fails()
    {
        _dir.Replace(ConfigLoader.QuorumFileName, "enabled: true", "enabled: false");

        var failure = _dir.LoadFails(Env(("MODE", "live"), ("EXCHANGE", "binance"), ("API_KEY", "k"), ("API_SECRET", "s")));

        failure.Message.ShouldBe("environment: EXCHANGE = binance breaks a rule (live mode needs quorum.yaml venues.binance.enabled: true)");
    }

    [Fact]
    public void LoadDirectory_WhenPaperModeHasNoKeys_Loads()
    {
        Should.NotThrow(() => _dir.Load(Env(("MODE", "paper"))));
    }

    [Fact]
    public void LoadDirectory_WhenEnvironmentOverridesPortsLevelAndDataDir_AppliesThem()
    {
        var config = _dir.Load(Env(("PROMETHEUS_PORT", "9200"), ("LOG_LEVEL", "DEBUG"), ("QUORUM_DATA_DIR", "/data/q")));

        config.Quorum.Prometheus.Port.ShouldBe(9200);
        config.Quorum.Logging.Level.ShouldBe(LoggingLevel.Debug);
        config.Quorum.DataDirectory.ShouldBe("/data/q");
        QuorumPaths.DataDirectory(config.Quorum, "/home/t").ShouldBe("/data/q");
    }

    [Fact]
    public void LoadDirectory_WhenQuorumDataDirIsSet_WinsOverTheFile()
    {
        _dir.Set(ConfigLoader.QuorumFileName, "data_dir", "/from/file");

        _dir.Load(Env(("QUORUM_DATA_DIR", "/from/env"))).Quorum.DataDirectory.ShouldBe("/from/env");
    }

    [Fact]
    public void LoadDirectory_WhenEnvPrometheusPortCollidesWithWebPort_Fails()
    {
        _dir.LoadFails(Env(("PROMETHEUS_PORT", "8080"))).Message.ShouldBe(
            "environment: PROMETHEUS_PORT = 8080 breaks a rule (differs from quorum.yaml web.port = 8080; both listen on it)");
    }

    [Fact]
    public void LoadDirectory_WhenFilesAndEnvironmentAreBad_ReportsBothTogether()
    {
        _dir.Set(ConfigLoader.GovernanceFileName, "leverage_cap", "20");

        var failure = _dir.LoadFails(Env(("MODE", "sim")));

        failure.Errors.Select(e => e.File).ShouldBe([ConfigLoader.GovernanceFileName, EnvironmentSettings.Source]);
    }

    [Fact]
    public void LoadDirectory_WhenPostgresVariablesAreSet_BuildsTheConnectionFromThem()
    {
        _dir.Set(ConfigLoader.QuorumFileName, "provider", "postgres");

        var config = _dir.Load(Env(("PGHOST", "db"), ("PGPORT", "6543"), ("PGDATABASE", "q"), ("PGUSER", "bot"), ("PGPASSWORD", "p;w\"d")));
        var connection = config.PostgresConnection;

        connection.Server.ShouldBe(new PostgresConfig("db", 6543, "q", "bot"));
        connection.ToString().ShouldNotContain("p;w");
        connection.ToConnectionString().ToString().ShouldBe(Secret.Redacted);
        var text = connection.ToConnectionString().Reveal();
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = text };
        parsed["host"].ShouldBe("db");
        parsed["port"].ShouldBe("6543");
        parsed["database"].ShouldBe("q");
        parsed["username"].ShouldBe("bot");
        parsed["password"].ShouldBe("p;w\"d");
    }

    [Fact]
    public void PostgresConnection_WithoutPassword_LeavesItOut()
    {
        var connection = new PostgresConnectionSettings(PostgresConfig.Default, Password: null);

        connection.ToConnectionString().Reveal().ShouldBe("Host=localhost;Port=5432;Database=quorum;Username=quorum");
    }

    [Fact]
    public void ToRedactedSummary_WithSecretsSet_NeverShowsThem()
    {
        var settings = EnvironmentSettings.Read(Env(
            ("API_KEY", "AKIA-very-xyzzy"), ("API_SECRET", "shh-xyzzy"), ("OPENAI_API_KEY", "sk-xyzzy"), ("PGPASSWORD", "pg-xyzzy"),
            ("EXCHANGE", "bybit"), ("MODE", "paper")));

        var summary = settings.ToRedactedSummary();

        summary.ShouldNotContain("xyzzy");
        summary.ShouldContain("API_KEY = *** (set)");
        summary.ShouldContain("API_SECRET = *** (set)");
        summary.ShouldContain("OPENAI_API_KEY = *** (set)");
        summary.ShouldContain("PGPASSWORD = *** (set)");
        summary.ShouldContain("EXCHANGE = bybit");
        summary.ShouldContain("MODE = paper");
        summary.ShouldContain("TZ = (not set)");
        settings.ToString().ShouldNotContain("xyzzy");
    }

    [Fact]
    public void ConfigurationSummary_WithSecretsSet_NeverShowsThem()
    {
        var config = _dir.Load(Env(("API_KEY", "AKIA-very-xyzzy"), ("API_SECRET", "shh-xyzzy"), ("PGPASSWORD", "pg-xyzzy"), ("MODE", "paper")));

        var summary = config.ToRedactedSummary("/home/t");

        summary.ShouldNotContain("xyzzy");
        summary.ShouldContain("mode = paper   (from MODE)");
        config.ToString().ShouldNotContain("xyzzy");
    }

    [Fact]
    public void EnvironmentVariables_All_ListsTheSeedVariablesFirst()
    {
        EnvironmentVariables.All.Take(8).ShouldBe(["EXCHANGE", "API_KEY", "API_SECRET", "MODE", "PROMETHEUS_PORT", "OPENAI_API_KEY", "TZ", "LOG_LEVEL"]);
    }

    public void Dispose() => _dir.Dispose();
}
