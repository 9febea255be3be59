namespace Quorum.Data.Synthetic;

/// <summary>
/// Generates a seeded, deterministic SYNTHETIC market: OHLCV bars that look like a crypto market
/// (trends, ranges, crashes, volatility clustering, correlated coins, seasonal volume) but are
/// not real market data. Same options ⇒ bit-identical output on any machine (no platform math
/// library, no wall clock, no unseeded randomness). See docs/synthetic-data.md for the model.
/// </summary>
public static class SyntheticMarketGenerator
{
    /// <summary>
    /// Version of the model. Bump it whenever a change alters generated data, so that stored
    /// datasets and their fingerprints can be told apart.
    /// </summary>
    public const int ModelVersion = 1;

    /// <summary>Generates the market described by <paramref name="options"/>.</summary>
    /// <param name="options">What to generate; invalid options throw <see cref="ArgumentException"/> listing every problem.</param>
    /// <param name="progress">Receives the fraction done (0–1), about a hundred times, ending with 1.</param>
    /// <param name="cancellationToken">Checked between progress reports.</param>
    public static SyntheticMarket Generate(
        SyntheticMarketOptions options,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return new SyntheticMarketSimulation(options).Run(progress, cancellationToken);
    }
}
