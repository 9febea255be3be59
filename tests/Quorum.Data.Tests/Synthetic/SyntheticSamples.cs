using Quorum.Core.Time;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

/// <summary>Markets shared by the statistical tests, generated once (fixed seeds: the tests are not flaky).</summary>
internal static class SyntheticSamples
{
    private static readonly Lazy<SyntheticMarket> DemoMarket =
        new(() => SyntheticMarketGenerator.Generate(DemoDataset.Options, progress: null, CancellationToken.None));

    private static readonly Lazy<SyntheticMarket> LongHourlyMarket =
        new(() => SyntheticMarketGenerator.Generate(LongHourlyOptions, progress: null, CancellationToken.None));

    /// <summary>The demo dataset: one year of 5m bars, seed 42.</summary>
    public static SyntheticMarket Demo => DemoMarket.Value;

    /// <summary>Ten years of 1h bars of the demo symbols with seed 7: long enough for regime and jump statistics.</summary>
    public static SyntheticMarket LongHourly => LongHourlyMarket.Value;

    public static SyntheticMarketOptions LongHourlyOptions => DemoDataset.Options with
    {
        Seed = 7,
        Timeframe = Timeframe.H1,
        BarCount = 10 * 365 * 24,
    };

    /// <summary>Small valid options (the demo definition, shortened) for validation and shape tests.</summary>
    public static SyntheticMarketOptions Small(long seed = 1, int barCount = 200) => DemoDataset.Options with
    {
        Seed = seed,
        BarCount = barCount,
    };

    /// <summary>Generates with the test's cancellation token.</summary>
    public static SyntheticMarket Generate(SyntheticMarketOptions options, IProgress<double>? progress = null) =>
        SyntheticMarketGenerator.Generate(options, progress, TestContext.Current.CancellationToken);
}
