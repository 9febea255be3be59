using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Risk.Governance;
using Quorum.Risk.Portfolio;
using Quorum.Risk.Sizing;
using Quorum.TestKit;

namespace Quorum.Risk.Tests;

/// <summary>The repository's governance.yaml, test instruments and signal builders.</summary>
internal static class RiskTestData
{
    /// <summary>2021-01-01 00:00 UTC.</summary>
    public const long Day0 = 1_609_459_200_000;

    public const long Hour = 3_600_000;

    public static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT.P");
    public static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT.P");
    public static readonly Symbol Sol = Symbol.Parse("BINANCE:SOLUSDT.P");
    public static readonly Symbol Xrp = Symbol.Parse("BINANCE:XRPUSDT.P");

    private static readonly Lazy<(GovernanceConfig Config, string Hash)> Loaded = new(() =>
    {
        var path = Repository.Combine("configs", ConfigLoader.GovernanceFileName);
        return (ConfigLoader.LoadGovernance(path), ConfigLoader.Sha256Hex(File.ReadAllBytes(path)));
    });

    /// <summary>configs/governance.yaml (0.8 / +0.3 / cap 1.1 / 1.8 / 3.5 / 3.0 / 1.5 …).</summary>
    public static GovernanceConfig RepoGovernance => Loaded.Value.Config;

    public static string GovernanceHash => Loaded.Value.Hash;

    /// <summary>Tick 0.01, step 0.001, min quantity 0.001, min notional 5.</summary>
    public static Instrument Instrument(Symbol? symbol = null, decimal? maxQuantity = null) =>
        new(symbol ?? Btc, new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m), maxQuantity);

    public static Signal Long(Symbol? symbol = null, decimal? entry = null, ExitSpec? exits = null, long timeMs = Day0) =>
        new(symbol ?? Btc, PositionSide.Long, "test", 0.8, timeMs, entry: entry, reason: "unit test", exits: exits);

    public static Signal Short(Symbol? symbol = null, decimal? entry = null, ExitSpec? exits = null, long timeMs = Day0) =>
        new(symbol ?? Btc, PositionSide.Short, "test", 0.8, timeMs, entry: entry, reason: "unit test", exits: exits);

    /// <summary>Entry reference 100, ATR 2, no percentile known: the default stop is 2×ATR = 4 away.</summary>
    public static RiskContext Context(Symbol? symbol = null, decimal price = 100m, double atr = 2.0, double atrHigh = double.NaN, long timeMs = Day0, OpenPosition? position = null) =>
        new(Instrument(symbol), price, atr, atrHigh, timeMs, position);

    public static Governor Governor(IGovernorStateStore? store = null, GovernanceConfig? governance = null) =>
        new(governance ?? RepoGovernance, GovernanceHash, store ?? new InMemoryGovernorStateStore());

    public static RiskGate Gate(GovernanceConfig? governance = null, PortfolioLimits? limits = null, IGovernorStateStore? store = null)
    {
        var config = governance ?? RepoGovernance;
        return new RiskGate(new RiskEngine(config), Governor(store, config), new PortfolioAdmission(config, limits));
    }
}
