using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Data.Synthetic;

/// <summary>
/// The embedded demo dataset: one year of SYNTHETIC 5-minute bars for three made-up coins on
/// the <c>SYNTH</c> venue, generated on demand so the project works offline on a fresh clone.
/// It imitates the look of a crypto market but is NOT real market data and must never be
/// presented or used as such (no price, date or event in it happened).
/// </summary>
public static class DemoDataset
{
    /// <summary>Seed of the demo market.</summary>
    public const long Seed = 42;

    /// <summary>2024-01-01 00:00 UTC.</summary>
    public const long StartTimeMs = 1_704_067_200_000;

    /// <summary>Length of the demo in days.</summary>
    public const int Days = 365;

    /// <summary>Bars per symbol in the base timeframe (365 × 288 five-minute bars).</summary>
    public const int BarCount = Days * 288;

    /// <summary>Shown with the dataset wherever it is listed.</summary>
    public const string Description =
        "Quorum demo dataset: SYNTHETIC 5m bars (seed 42, 2024-01-01 + 365 days) for SYNTH:BTCUSDT, SYNTH:ETHUSDT, " +
        "SYNTH:SOLUSDT. Generated, not real market data.";

    public static readonly Symbol Btc = Symbol.Parse("SYNTH:BTCUSDT");
    public static readonly Symbol Eth = Symbol.Parse("SYNTH:ETHUSDT");
    public static readonly Symbol Sol = Symbol.Parse("SYNTH:SOLUSDT");

    /// <summary>The demo symbols, in generation order.</summary>
    public static IReadOnlyList<Symbol> Symbols { get; } = [Btc, Eth, Sol];

    /// <summary>
    /// The USDT-M perpetual twins of <see cref="Symbols"/> (<c>SYNTH:BTCUSDT.P</c> …), derived from them by
    /// <see cref="SyntheticPerpetual.Derive"/> with the demo's seed; their funding is derived from the pair when a backtest
    /// needs it (<see cref="SyntheticPerpetual.Funding"/>).
    /// </summary>
    public static IReadOnlyList<Symbol> Perpetuals { get; } = [.. Symbols.Select(SyntheticPerpetual.PerpetualOf)];

    /// <summary>The timeframe the demo is generated in.</summary>
    public static Timeframe BaseTimeframe => Timeframe.M5;

    /// <summary>Timeframes produced from the base bars by resampling (not generated separately).</summary>
    public static IReadOnlyList<Timeframe> DerivedTimeframes { get; } = [Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1];

    /// <summary>Correlations of the demo coins' diffusion shocks (BTC, ETH, SOL).</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Correlation { get; } =
    [
        [1.00, 0.85, 0.75],
        [0.85, 1.00, 0.78],
        [0.75, 0.78, 1.00],
    ];

    /// <summary>The full definition of the demo market.</summary>
    public static SyntheticMarketOptions Options { get; } = new()
    {
        Seed = Seed,
        StartTimeMs = StartTimeMs,
        BarCount = BarCount,
        Timeframe = Timeframe.M5,
        Symbols =
        [
            new SyntheticSymbolSpec(Btc, StartPrice: 40_000m, TickSize: 0.01m, VolumeScale: 1_000m, Beta: 1.0, VolatilityMultiplier: 1.0, VolumeDecimals: 5),
            new SyntheticSymbolSpec(Eth, StartPrice: 2_500m, TickSize: 0.01m, VolumeScale: 15_000m, Beta: 1.15, VolatilityMultiplier: 1.25, VolumeDecimals: 4),
            new SyntheticSymbolSpec(Sol, StartPrice: 100m, TickSize: 0.01m, VolumeScale: 150_000m, Beta: 1.4, VolatilityMultiplier: 1.7, VolumeDecimals: 3),
        ],
        Correlation = Correlation,
    };
}
