using System.Globalization;
using System.Text;

namespace Quorum.Configuration;

/// <summary>
/// Everything Quorum reads at start: the four config files, validated, plus the environment.
/// <see cref="Quorum"/> holds the effective values (environment overrides applied).
/// </summary>
/// <param name="ConfigDirectory">Full path of the directory the files were read from.</param>
/// <param name="Governance"><c>governance.yaml</c> (locked).</param>
/// <param name="EnableMap"><c>enable_map.yaml</c>.</param>
/// <param name="Symbols"><c>symbols.yaml</c>.</param>
/// <param name="Quorum"><c>quorum.yaml</c>, with environment overrides applied.</param>
/// <param name="GovernanceSha256">SHA-256 of <c>governance.yaml</c>'s bytes, lowercase hex: shown on the dashboard and in metrics so a changed limit is visible.</param>
/// <param name="Environment">The environment variables read (<see cref="EnvironmentSettings.Empty"/> when loaded without one).</param>
public sealed record QuorumConfiguration(
    string ConfigDirectory,
    GovernanceConfig Governance,
    EnableMapConfig EnableMap,
    SymbolsConfig Symbols,
    QuorumConfig Quorum,
    string GovernanceSha256,
    EnvironmentSettings Environment)
{
    /// <summary>The PostgreSQL connection (server from <c>quorum.yaml</c> and <c>PG*</c>, password from <c>PGPASSWORD</c>).</summary>
    public PostgresConnectionSettings PostgresConnection => new(Quorum.Database.Postgres, Environment.PostgresPassword);

    /// <summary>A printable summary for <c>quorum config validate</c>, with paths resolved against the current user's home. Secrets show as <c>***</c>.</summary>
    public string ToRedactedSummary() => ToRedactedSummary(QuorumPaths.UserHome);

    /// <summary>A printable summary for <c>quorum config validate</c>. Secrets show as <c>***</c>.</summary>
    public string ToRedactedSummary(string homeDirectory)
    {
        var g = Governance;
        var a = g.Additions;
        var q = Quorum;
        var env = Environment;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        string From(object? overriddenBy, string variable) => overriddenBy is null ? string.Empty : $"   (from {variable})";

        Line($"config directory: {ConfigDirectory}");
        Line($"{ConfigLoader.GovernanceFileName} (locked) sha256={GovernanceSha256}");
        Line($"  per_trade_r_pct_base = {N(g.PerTradeRiskPercentBase)}");
        Line($"  per_trade_r_pct_green_bonus = {N(g.PerTradeRiskPercentGreenBonus)}");
        Line($"  max_daily_loss_pct = {N(g.MaxDailyLossPercent)}");
        Line($"  kill_switch_drawdown_72h = {N(g.KillSwitchDrawdown72hPercent)}");
        Line($"  leverage_cap = {N(g.LeverageCap)}");
        Line($"  max_portfolio_r_pct = {N(g.MaxPortfolioRiskPercent)}");
        Line($"  no_martingale = {(g.NoMartingale ? "true" : "false")}");
        Line($"  pyramiding = {g.Pyramiding.ToString().ToLowerInvariant()}");
        Line($"  ntp_skew_ms = {g.NtpSkewMilliseconds.ToString(CultureInfo.InvariantCulture)}");
        Line($"  require_streams = [{string.Join(", ", g.RequireStreams)}]");
        Line($"  quorum_additions.per_trade_r_pct_cap = {N(a.PerTradeRiskPercentCap)}");
        Line($"  quorum_additions.green_bonus_trigger_daily_pnl_pct = {N(a.GreenBonusTriggerDailyPnlPercent)}");
        var r = a.DynamicRiskReduction;
        Line($"  quorum_additions.dynamic_risk_reduction = -{N(r.ReductionPercentagePoints)} pp after {r.LossStreak} losses or ATR > p{N(r.AtrPercentile)}; restore after {r.RestoreAfterWins} wins");
        var p = a.PositionManagement;
        var takeProfits = string.Join(", ", p.PartialTakeProfits.Select(t => $"{(t.Fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture)} % @ {N(t.AtR)}R"));
        Line($"  quorum_additions.position_management = breakeven @ {N(p.BreakevenAtR)}R; take-profits {takeProfits}; rest trails {N(p.RunnerTrailAtrMultiple)}×ATR");
        Line($"  quorum_additions.pyramiding_add = +{N(a.PyramidingAdd.SizeR)}R at +{N(a.PyramidingAdd.AtR)}R");

        Line(ConfigLoader.EnableMapFileName);
        foreach (var (regime, strategies) in EnableMap.Regimes)
        {
            Line($"  {regime}: {(strategies.Count == 0 ? "(none)" : string.Join(", ", strategies))}");
        }

        Line($"  switching_rules: min_bars_hold = {EnableMap.SwitchingRules.MinBarsHold}, cooldown_after_2_losses = {EnableMap.SwitchingRules.CooldownAfter2Losses}");

        Line($"{ConfigLoader.SymbolsFileName} ({Symbols.Symbols.Count} symbols)");
        foreach (var s in Symbols.Symbols)
        {
            Line($"  {s.Symbol} {(s.Type == Core.Instruments.MarketType.Perpetual ? "perp" : "spot")} min_qty={N(s.MinQuantity)} min_notional={N(s.MinNotional)} " +
                 $"min_vol={N(s.MinVolume24h)} max_spread={N(s.MaxSpreadBps)}bps tfs=[{string.Join(", ", s.AllowedTimeframes)}]");
        }

        Line($"{ConfigLoader.QuorumFileName} (effective values)");
        Line($"  mode = {q.Mode.ToString().ToLowerInvariant()}{From(env.Mode, EnvironmentVariables.Mode)}");
        Line($"  venues.binance = {Venue(q.Venues.Binance)}");
        Line($"  venues.bybit = {Venue(q.Venues.Bybit)}");
        Line($"  data_dir = {QuorumPaths.DataDirectory(q, homeDirectory)}{From(env.DataDirectory, EnvironmentVariables.DataDirectory)}");
        Line($"  database.provider = {q.Database.Provider.ToString().ToLowerInvariant()}");
        if (q.Database.Provider == DatabaseProvider.Sqlite)
        {
            Line($"  database.sqlite.path = {QuorumPaths.SqliteDatabase(q, homeDirectory)}");
        }
        else
        {
            var pg = q.Database.Postgres;
            Line($"  database.postgres = {pg.Username}@{pg.Host}:{pg.Port}/{pg.Database}, password {(env.PostgresPassword is null ? "(not set)" : Secret.Redacted + " (set)")}");
        }

        Line($"  web = {q.Web.Host}:{q.Web.Port}{(q.Web.IsLoopback ? " (loopback only)" : " (REMOTE ACCESS ALLOWED)")}");
        Line($"  logging = {q.Logging.Level.ToString().ToLowerInvariant()}{From(env.LogLevel, EnvironmentVariables.LogLevel)}, file {QuorumPaths.LogFile(q, homeDirectory)}, kept {q.Logging.RetentionDays} days");
        Line($"  prometheus.port = {q.Prometheus.Port}{From(env.PrometheusPort, EnvironmentVariables.PrometheusPort)}");

        Line("environment");
        foreach (var (name, value) in env.Describe())
        {
            Line($"  {name} = {value}");
        }

        return text.ToString();
    }

    private static string Venue(VenueConfig venue) =>
        !venue.Enabled
            ? "disabled"
            : $"enabled{(venue.Testnet ? " (testnet)" : string.Empty)}, markets [{string.Join(", ", venue.MarketTypes.Select(m => m == Core.Instruments.MarketType.Perpetual ? "perp" : "spot"))}]";
}
