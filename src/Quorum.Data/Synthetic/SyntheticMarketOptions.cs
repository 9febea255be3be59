using Quorum.Core.Time;

namespace Quorum.Data.Synthetic;

/// <summary>
/// What to generate: a seeded, deterministic synthetic market. The output is NOT real market
/// data: it is a simulation (regime-switching drift, GARCH-like volatility clustering, jumps,
/// correlated symbols, seasonal volume) meant for demos, tests and offline development.
/// The same options always give bit-identical bars. Call <see cref="Validate"/> to list every
/// problem; <see cref="SyntheticMarketGenerator.Generate"/> throws on the first invalid set.
/// </summary>
public sealed partial record SyntheticMarketOptions
{
    /// <summary>Largest number of bars per symbol.</summary>
    public const int MaxBarCount = 5_000_000;

    /// <summary>Largest number of symbols.</summary>
    public const int MaxSymbols = 32;

    /// <summary>Largest explicit <see cref="SubStepsPerBar"/>.</summary>
    public const int MaxSubStepsPerBar = 1000;

    /// <summary>Seed of every random stream; a different seed gives a different market.</summary>
    public required long Seed { get; init; }

    /// <summary>UTC ms; the first bar is the one containing this instant (<see cref="Timeframe.AlignDown"/>).</summary>
    public required long StartTimeMs { get; init; }

    /// <summary>Bars per symbol. Exactly one of <see cref="BarCount"/> and <see cref="EndTimeMs"/> must be set.</summary>
    public int? BarCount { get; init; }

    /// <summary>Exclusive end (UTC ms): bars whose open time is before it are generated.</summary>
    public long? EndTimeMs { get; init; }

    /// <summary>Bar timeframe (1m … 1w); bars are generated on this grid directly.</summary>
    public required Timeframe Timeframe { get; init; }

    /// <summary>The symbols, in order. The first one drives the market-wide volatility (the "leader").</summary>
    public required IReadOnlyList<SyntheticSymbolSpec> Symbols { get; init; }

    /// <summary>
    /// Correlation matrix of the symbols' diffusion shocks, one row and column per symbol in
    /// <see cref="Symbols"/> order (symmetric, unit diagonal, positive-definite). When null, every
    /// pair has <see cref="DefaultCorrelation"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>>? Correlation { get; init; }

    /// <summary>Pairwise correlation used when <see cref="Correlation"/> is null.</summary>
    public double DefaultCorrelation { get; init; } = 0.7;

    public SyntheticRegimeSettings Regimes { get; init; } = SyntheticRegimeSettings.Default;

    public SyntheticVolatilitySettings Volatility { get; init; } = SyntheticVolatilitySettings.Default;

    public SyntheticJumpSettings Jumps { get; init; } = SyntheticJumpSettings.Default;

    public SyntheticVolumeSettings Volume { get; init; } = SyntheticVolumeSettings.Default;

    /// <summary>
    /// Points of the internal path per bar, from which high and low are taken (plus a Brownian-bridge
    /// extreme between points). Null = automatic: max(6, bar length in hours).
    /// </summary>
    public int? SubStepsPerBar { get; init; }

    /// <summary>
    /// Allows symbols on a real venue (e.g. <c>BINANCE:</c>). Off by default so that synthetic data is
    /// always labelled <c>SYNTH:</c>; only tests that need real-looking names should set it.
    /// </summary>
    public bool AllowNonSyntheticVenue { get; init; }

    /// <summary>Open time of the first bar.</summary>
    public long FirstOpenTimeMs => Timeframe.AlignDown(StartTimeMs);

    /// <summary>Bars per symbol implied by <see cref="BarCount"/> or <see cref="EndTimeMs"/> (options must be valid).</summary>
    public int ResolveBarCount()
    {
        if (BarCount is { } count)
        {
            return count;
        }

        if (EndTimeMs is not { } end)
        {
            throw new InvalidOperationException("neither BarCount nor EndTimeMs is set");
        }

        var span = end - FirstOpenTimeMs;
        return span <= 0 ? 0 : (int)Math.Min(int.MaxValue, ((span - 1) / Timeframe.Milliseconds) + 1);
    }

    /// <summary>Internal path points per bar (explicit or automatic).</summary>
    public int ResolveSubStepsPerBar() =>
        SubStepsPerBar ?? (int)Math.Max(6, Timeframe.Milliseconds / Timeframe.HourMs);

    /// <summary>The correlation matrix in use (explicit or uniform <see cref="DefaultCorrelation"/>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> ResolveCorrelation() =>
        Correlation ?? CorrelationFactor.Uniform(Symbols.Count, DefaultCorrelation);
}
