using System.Security.Cryptography;
using Quorum.Core;
using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.TestKit;

namespace Quorum.Configuration.Tests;

/// <summary>The files in the repository's configs/ load cleanly and carry seed 001's defaults.</summary>
public sealed class ShippedConfigTests
{
    private static readonly Lazy<QuorumConfiguration> Shipped = new(() => ConfigLoader.LoadDirectory(Repository.ConfigsDirectory));

    private static QuorumConfiguration Config => Shipped.Value;

    [Fact]
    public void LoadDirectory_ShippedConfigs_LoadWithoutErrors()
    {
        var config = ConfigLoader.LoadDirectory(Repository.ConfigsDirectory);

        config.ConfigDirectory.ShouldBe(Path.GetFullPath(Repository.ConfigsDirectory));
        config.Environment.ShouldBe(EnvironmentSettings.Empty);
    }

    [Fact]
    public void LoadDirectory_ShippedConfigsWithShippedEnvExample_LoadWithoutErrors()
    {
        var environment = DotEnvFile.Load(Repository.Combine(".env.example"));

        var config = ConfigLoader.LoadDirectory(Repository.ConfigsDirectory, environment);

        config.Quorum.Mode.ShouldBe(TradingMode.Paper);
        config.Environment.Exchange.ShouldBe(Venue.Binance);
        config.Environment.ApiKey.ShouldBeNull();
    }

    [Fact]
    public void Governance_Shipped_PinsEverySeedDefault()
    {
        var g = Config.Governance;

        g.PerTradeRiskPercentBase.ShouldBe(0.8m);
        g.PerTradeRiskPercentGreenBonus.ShouldBe(0.3m);
        g.MaxDailyLossPercent.ShouldBe(1.8m);
        g.KillSwitchDrawdown72hPercent.ShouldBe(3.5m);
        g.LeverageCap.ShouldBe(3.0m);
        g.MaxPortfolioRiskPercent.ShouldBe(1.5m);
        g.NoMartingale.ShouldBeTrue();
        g.Pyramiding.ShouldBe(PyramidingPolicy.Anti);
        g.NtpSkewMilliseconds.ShouldBe(1500);
        g.RequireStreams.ShouldBe(["candles", "funding"]);
        g.PerTradeRiskPercentWithBonus.ShouldBe(1.1m);
    }

    [Fact]
    public void Governance_Shipped_PinsTheSeedProseNumbersInQuorumAdditions()
    {
        var a = Config.Governance.Additions;

        a.PerTradeRiskPercentCap.ShouldBe(1.1m);
        a.GreenBonusTriggerDailyPnlPercent.ShouldBe(0.5m);
        a.DynamicRiskReduction.ShouldBe(new DynamicRiskReduction(3, 90m, 0.2m, 5));
        a.PositionManagement.BreakevenAtR.ShouldBe(0.6m);
        a.PositionManagement.PartialTakeProfits.ShouldBe([new PartialTakeProfit(1.0m, 0.25m), new PartialTakeProfit(2.0m, 0.25m)]);
        a.PositionManagement.RunnerFraction.ShouldBe(0.5m);
        a.PositionManagement.RunnerTrailAtrMultiple.ShouldBe(1.8m);
        a.PyramidingAdd.ShouldBe(new PyramidingAdd(1.0m, 0.3m));
    }

    [Fact]
    public void Governance_ShippedFile_KeepsTheSeedKeyNamesVerbatim()
    {
        var text = File.ReadAllText(Path.Combine(Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName));

        foreach (var line in new[]
                 {
                     "per_trade_r_pct_base: 0.8", "per_trade_r_pct_green_bonus: 0.3", "max_daily_loss_pct: 1.8",
                     "kill_switch_drawdown_72h: 3.5", "leverage_cap: 3.0", "max_portfolio_r_pct: 1.5", "no_martingale: true",
                     "pyramiding: \"anti\"", "ntp_skew_ms: 1500", "require_streams: [\"candles\", \"funding\"]",
                 })
        {
            text.ShouldContain("\n" + line + "\n");
        }
    }

    [Fact]
    public void LoadedConfiguration_ListsAndMaps_CannotBeChangedThroughACast()
    {
        // DESIGN.md principle 4: nothing at runtime changes the loaded limits. A List<T> handed out as
        // IReadOnlyList<T> could be cast back and edited; the loader hands out read-only wrappers.
        var config = ConfigLoader.LoadDirectory(Repository.ConfigsDirectory);

        ShouldBeReadOnly(config.Governance.RequireStreams);
        ShouldBeReadOnly(config.Governance.Additions.PositionManagement.PartialTakeProfits);
        ShouldBeReadOnly(config.EnableMap.Regimes[RegimeLabels.TrendUp]);
        ShouldBeReadOnly(config.Symbols.Symbols);
        ShouldBeReadOnly(config.Symbols.Symbols[0].AllowedTimeframes);
        ShouldBeReadOnly(config.Quorum.Venues.Binance.MarketTypes);
        (config.EnableMap.Regimes as IDictionary<string, IReadOnlyList<string>>).ShouldNotBeNull().IsReadOnly.ShouldBeTrue();
    }

    [Fact]
    public void EnableMap_Shipped_FollowsTheSeedRules()
    {
        var map = Config.EnableMap;

        map.Regimes.Keys.ShouldBe(RegimeLabels.All);
        map.SwitchingRules.ShouldBe(new SwitchingRules(MinBarsHold: 6, CooldownAfter2Losses: 3));
        map.StrategiesFor(RegimeLabels.Panic).ShouldBeEmpty();
        foreach (var regime in RegimeLabels.All)
        {
            map.IsEnabled(regime, KnownStrategies.RangeRev5m).ShouldBe(regime == RegimeLabels.RangeLowVol);
        }

        foreach (var trend in RegimeLabels.Trends)
        {
            map.IsEnabled(trend, KnownStrategies.FundingRev).ShouldBeFalse();
        }

        map.Regimes.Values.SelectMany(s => s).Distinct().Order().ShouldBe(KnownStrategies.Names.Order());
    }

    [Fact]
    public void Symbols_Shipped_ListTheSeedAndDemoSymbols()
    {
        Config.Symbols.Symbols.Select(s => s.Symbol.ToString()).ShouldBe(
        [
            "BINANCE:BTCUSDT.P", "BINANCE:ETHUSDT.P", "BYBIT:BTCUSDT.P", "BINANCE:BTCUSDT",
            "SYNTH:BTCUSDT", "SYNTH:ETHUSDT", "SYNTH:SOLUSDT",
        ]);
        foreach (var entry in Config.Symbols.Symbols)
        {
            entry.Type.ShouldBe(entry.Symbol.MarketType);
            entry.AllowedTimeframes.ShouldNotBeEmpty();
        }

        Config.Symbols.Symbols.Where(s => s.Symbol.Venue.IsSynthetic).ShouldAllBe(s => s.Type == MarketType.Spot);
    }

    [Fact]
    public void Symbols_ShippedBinanceBtcPerp_HasRealisticFilters()
    {
        var btc = Config.Symbols.Find(Symbol.Parse("BINANCE:BTCUSDT.P")).ShouldNotBeNull();

        btc.MinQuantity.ShouldBe(0.001m);
        btc.MinNotional.ShouldBe(100m);
        btc.MinVolume24h.ShouldBe(1_000_000_000m);
        btc.MaxSpreadBps.ShouldBe(2m);
        btc.MaxSpreadFraction.ShouldBe(0.0002m);
        btc.AllowedTimeframes.ShouldContain(Timeframe.H4);
    }

    [Fact]
    public void Quorum_Shipped_IsSafeByDefault()
    {
        var q = Config.Quorum;

        q.Mode.ShouldBe(TradingMode.Paper);
        q.Web.Host.ShouldBe("127.0.0.1");
        q.Web.IsLoopback.ShouldBeTrue();
        q.Web.AllowRemote.ShouldBeFalse();
        q.Prometheus.Port.ShouldBe(9108);
        q.DataDirectory.ShouldBe(string.Empty);
        q.Database.Provider.ShouldBe(DatabaseProvider.Sqlite);
        q.Database.SqlitePath.ShouldBe(string.Empty);
        q.Logging.Level.ShouldBe(LoggingLevel.Info);
        q.Logging.RetentionDays.ShouldBe(180);
        q.Venues.Binance.ShouldBe(new VenueConfig(true, false, q.Venues.Binance.MarketTypes));
        q.Venues.Binance.MarketTypes.ShouldBe([MarketType.Spot, MarketType.Perpetual]);
        q.Venues.Bybit.Enabled.ShouldBeTrue();
    }

    [Fact]
    public void QuorumPaths_ShippedDefaults_LiveUnderDotQuorumInHome()
    {
        var q = Config.Quorum;

        QuorumPaths.DataDirectory(q, "/home/trader").ShouldBe("/home/trader/.quorum/data");
        QuorumPaths.SqliteDatabase(q, "/home/trader").ShouldBe("/home/trader/.quorum/quorum.db");
        QuorumPaths.LogFile(q, "/home/trader").ShouldBe("/home/trader/.quorum/logs/quorum.log");
    }

    [Fact]
    public void GovernanceSha256_Shipped_IsTheLowercaseHexHashOfTheFileBytes()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName));

        Config.GovernanceSha256.ShouldBe(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
        Config.GovernanceSha256.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void ToRedactedSummary_Shipped_ShowsHashLimitsAndEffectiveValues()
    {
        var summary = Config.ToRedactedSummary("/home/trader");

        summary.ShouldContain($"governance.yaml (locked) sha256={Config.GovernanceSha256}");
        summary.ShouldContain("max_daily_loss_pct = 1.8");
        summary.ShouldContain("range_lowvol: range_rev_5m, funding_rev");
        summary.ShouldContain("BINANCE:BTCUSDT.P perp");
        summary.ShouldContain("mode = paper");
        summary.ShouldContain("web = 127.0.0.1:8080 (loopback only)");
        summary.ShouldContain("data_dir = /home/trader/.quorum/data");
        summary.ShouldContain("API_KEY = (not set)");
    }

    private static void ShouldBeReadOnly<T>(IReadOnlyList<T> list) =>
        (list as ICollection<T>).ShouldNotBeNull().IsReadOnly.ShouldBeTrue($"{list.GetType().Name} can be cast to a writable collection");
}
