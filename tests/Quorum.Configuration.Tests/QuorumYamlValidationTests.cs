using Quorum.Core;
using Quorum.Core.Instruments;

namespace Quorum.Configuration.Tests;

public sealed class QuorumYamlValidationTests : IDisposable
{
    private const string File = ConfigLoader.QuorumFileName;

    private readonly ConfigDirectory _dir = new();

    [Theory]
    [InlineData("paper", TradingMode.Paper)]
    [InlineData("live", TradingMode.Live)]
    [InlineData("backtest", TradingMode.Backtest)]
    [InlineData("Paper", TradingMode.Paper)]
    public void Load_WhenModeIsAnEnumValue_ParsesIt(string value, TradingMode mode)
    {
        _dir.Set(File, "mode", value);

        _dir.Load().Quorum.Mode.ShouldBe(mode);
    }

    [Fact]
    public void Load_WhenModeIsUnknown_FailsListingModes()
    {
        _dir.Set(File, "mode", "demo");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: mode = demo is not allowed (allowed: paper, live, backtest)");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("localhost")]
    [InlineData("::1")]
    [InlineData("\"[::1]\"")]
    public void Load_WhenWebHostIsLoopback_Loads(string host)
    {
        _dir.Set(File, "host", host);

        _dir.Load().Quorum.Web.IsLoopback.ShouldBeTrue();
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("\"::\"")]
    [InlineData("quorum.example.com")]
    public void Load_WhenWebHostIsNotLoopbackAndRemoteIsNotAllowed_Refuses(string host)
    {
        _dir.Replace(File, "host: 127.0.0.1", $"host: {host}");

        var error = _dir.LoadFails().Errors.ShouldHaveSingleItem();

        error.Key.ShouldBe("web.host");
        error.Kind.ShouldBe(ConfigErrorKind.Rule);
        error.ToString().ShouldBe(
            $"quorum.yaml: web.host = {host.Trim('"')} breaks a rule (a loopback host (127.0.0.1, ::1, localhost) unless web.allow_remote: true; the dashboard can control trading)");
    }

    [Fact]
    public void Load_WhenWebHostIsNotLoopbackAndRemoteIsAllowed_Loads()
    {
        _dir.Replace(File, "host: 127.0.0.1", "host: 0.0.0.0").Set(File, "allow_remote", "true");

        var web = _dir.Load().Quorum.Web;

        web.Host.ShouldBe("0.0.0.0");
        web.AllowRemote.ShouldBeTrue();
        web.IsLoopback.ShouldBeFalse();
    }

    [Fact]
    public void Load_WhenAllowRemoteIsLeftOut_DefaultsToLoopbackOnly()
    {
        _dir.Remove(File, "allow_remote").Replace(File, "host: 127.0.0.1", "host: 10.0.0.5");

        _dir.LoadFails().Errors.ShouldHaveSingleItem().Key.ShouldBe("web.host");
    }

    [Fact]
    public void Load_WhenWebHostIsNotAHostName_Fails()
    {
        _dir.Replace(File, "host: 127.0.0.1", "host: \"not a host\"");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: web.host = \"not a host\" is invalid (a host name or IP address, e.g. 127.0.0.1)");
    }

    [Theory]
    [InlineData("port: 8080 ", "0", "web.port = 0 is out of range (1 ≤ x ≤ 65535)")]
    [InlineData("port: 8080 ", "65536", "web.port = 65536 is out of range (1 ≤ x ≤ 65535)")]
    [InlineData("port: 8080 ", "http", "web.port = http is not an integer (1 ≤ x ≤ 65535)")]
    [InlineData("port: 9108 ", "0", "prometheus.port = 0 is out of range (1 ≤ x ≤ 65535)")]
    [InlineData("port: 5432 ", "70000", "database.postgres.port = 70000 is out of range (1 ≤ x ≤ 65535)")]
    public void Load_WhenPortIsOutOfRange_FailsNamingWhichPort(string oldLine, string value, string message)
    {
        _dir.Replace(File, oldLine, $"port: {value} ");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: " + message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("65535")]
    public void Load_WhenWebPortIsAtItsBound_Loads(string value)
    {
        _dir.Replace(File, "port: 8080 ", $"port: {value} ");

        _dir.Load().Quorum.Web.Port.ShouldBe(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Load_WhenWebAndPrometheusShareAPort_Fails()
    {
        _dir.Replace(File, "port: 8080 ", "port: 9108 ");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: web.port = 9108 breaks a rule (web.port differs from prometheus.port; both listen on it)");
    }

    [Theory]
    [InlineData("TRACE", LoggingLevel.Trace)]
    [InlineData("debug", LoggingLevel.Debug)]
    [InlineData("Info", LoggingLevel.Info)]
    [InlineData("warning", LoggingLevel.Warning)]
    [InlineData("error", LoggingLevel.Error)]
    public void Load_WhenLogLevelIsAnyCaseOfAnEnumValue_ParsesIt(string value, LoggingLevel level)
    {
        _dir.Set(File, "level", value);

        _dir.Load().Quorum.Logging.Level.ShouldBe(level);
    }

    [Fact]
    public void Load_WhenLogLevelIsUnknown_FailsListingLevels()
    {
        _dir.Set(File, "level", "verbose");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: logging.level = verbose is not allowed (allowed: trace, debug, info, warning, error)");
    }

    [Theory]
    [InlineData("0", "logging.retention_days = 0 is out of range (1 ≤ x ≤ 3650)")]
    [InlineData("3651", "logging.retention_days = 3651 is out of range (1 ≤ x ≤ 3650)")]
    public void Load_WhenRetentionIsOutOfRange_Fails(string value, string message)
    {
        _dir.Set(File, "retention_days", value);

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: " + message);
    }

    [Fact]
    public void Load_WhenDatabaseProviderIsUnknown_Fails()
    {
        _dir.Set(File, "provider", "mysql");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: database.provider = mysql is not allowed (allowed: sqlite, postgres)");
    }

    [Fact]
    public void Load_WhenPostgresPasswordIsWrittenInTheFile_RefusesIt()
    {
        _dir.Replace(File, "    username: quorum ", "    password: hunter2\n    username: quorum ");

        var failure = _dir.LoadFails();

        failure.Message.ShouldBe(
            "quorum.yaml: database.postgres.password is not a known key (passwords never go in a config file; set the environment variable PGPASSWORD)");
        failure.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void Load_WhenProviderIsPostgres_UsesFileServerSettings()
    {
        _dir.Set(File, "provider", "postgres").Replace(File, "host: localhost", "host: db.internal");

        var database = _dir.Load().Quorum.Database;

        database.Provider.ShouldBe(DatabaseProvider.Postgres);
        database.Postgres.ShouldBe(new PostgresConfig("db.internal", 5432, "quorum", "quorum"));
    }

    [Fact]
    public void Load_WhenOptionalPathsAreGiven_KeepsThemForPathResolution()
    {
        _dir.Set(File, "data_dir", "~/market").Set(File, "path", "/var/lib/quorum/q.db").Set(File, "file", "logs/q.log");

        var quorum = _dir.Load().Quorum;

        QuorumPaths.DataDirectory(quorum, "/home/t").ShouldBe("/home/t/market");
        QuorumPaths.SqliteDatabase(quorum, "/home/t").ShouldBe("/var/lib/quorum/q.db");
        QuorumPaths.LogFile(quorum, "/home/t").ShouldBe(Path.GetFullPath("logs/q.log"));
    }

    [Fact]
    public void Load_WhenVenueIsLeftOut_TreatsItAsDisabled()
    {
        var text = _dir.Read(File);
        var start = text.IndexOf("  bybit:", StringComparison.Ordinal);
        var end = text.IndexOf("# Market-data directory", StringComparison.Ordinal);
        _dir.Write(File, text[..start] + "\n" + text[end..]);

        _dir.Load().Quorum.Venues.Bybit.ShouldBe(VenueConfig.Disabled);
    }

    [Fact]
    public void Load_WhenVenueIsUnknown_Fails()
    {
        _dir.Replace(File, "venues:\n", "venues:\n  kraken:\n    enabled: true\n");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: venues.kraken is not a known key (allowed keys: binance, bybit)");
    }

    [Theory]
    [InlineData("[spot, futures]", "venues.binance.market_types[1] = futures is not allowed (allowed: spot, perp)")]
    [InlineData("[perp, perp]", "venues.binance.market_types[1] = perp is a duplicate (each market type may be listed once)")]
    [InlineData("[]", "venues.binance.market_types = [] is invalid (an enabled venue lists at least one market type (spot, perp))")]
    public void Load_WhenMarketTypesAreBad_Fails(string value, string message)
    {
        _dir.Set(File, "market_types", value);

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: " + message);
    }

    [Fact]
    public void Load_WhenVenueFlagIsNotABoolean_Fails()
    {
        _dir.Set(File, "testnet", "maybe");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: venues.binance.testnet = maybe is not true or false");
    }

    [Fact]
    public void Load_WhenTestnetIsOn_ParsesIt()
    {
        _dir.Set(File, "testnet", "true");

        _dir.Load().Quorum.Venues.Binance.Testnet.ShouldBeTrue();
    }

    [Fact]
    public void Load_WhenLiveModeHasNoEnabledVenue_Fails()
    {
        _dir.Set(File, "mode", "live").Replace(File, "enabled: true", "enabled: false").Replace(File, "enabled: true", "enabled: false");

        _dir.LoadFails().Message.ShouldBe(
            "quorum.yaml: mode = live breaks a rule (live trading needs at least one enabled venue (venues.binance.enabled or venues.bybit.enabled))");
    }

    [Fact]
    public void Load_WhenRequiredSectionIsMissing_Fails()
    {
        var text = _dir.Read(File);
        _dir.Write(File, text[..text.IndexOf("# Prometheus metrics", StringComparison.Ordinal)]);

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: prometheus is missing (required: a mapping with key port)");
    }

    [Fact]
    public void Load_WhenSectionIsAScalar_FailsNamingTheExpectedShape()
    {
        _dir.Replace(File, "prometheus:\n  port: 9108             # 1..65535", "prometheus: 9108");

        _dir.LoadFails().Message.ShouldBe("quorum.yaml: prometheus = 9108 is not a mapping with key port");
    }

    [Fact]
    public void Load_WhenShippedVenues_ListSpotAndPerpForBoth()
    {
        _dir.Load().Quorum.Venues.For(Venue.Bybit).MarketTypes.ShouldBe([MarketType.Spot, MarketType.Perpetual]);
    }

    public void Dispose() => _dir.Dispose();
}
