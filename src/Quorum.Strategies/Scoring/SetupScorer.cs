using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Strategies.Scoring;

/// <summary>
/// Computes <see cref="SetupScore"/>s (seed 001 setup scoring). Each part is 0–2 points:
/// <list type="bullet">
/// <item>regime fit — the strategy's <see cref="RegimeFit"/> table for the current label and the side;</item>
/// <item>liquidity/spread — min(1, turnover per hour / <see cref="TurnoverFullPerHour"/>) + max(0, 1 − spread /
/// <see cref="MaxSpread"/>) (<see cref="SetupBarFeatures"/>: bar turnover and the Corwin–Schultz spread estimate);</item>
/// <item>higher-timeframe alignment — <see cref="HigherTimeframeTrend.Points"/>;</item>
/// <item>volume/pattern — min(1, volume ratio / <see cref="VolumeFullRatio"/>) + the close location in the side's direction;</item>
/// <item>news — 2 × (1 − severity) from the <see cref="INewsFlagSource"/> (2 when there is none).</item>
/// </list>
/// </summary>
public sealed class SetupScorer
{
    public SetupScorer(double turnoverFullPerHour, double maxSpread, double volumeFullRatio = 1.5, INewsFlagSource? news = null)
    {
        if (!(turnoverFullPerHour > 0 && double.IsFinite(turnoverFullPerHour)))
        {
            throw new ArgumentOutOfRangeException(nameof(turnoverFullPerHour), turnoverFullPerHour, $"setup scoring: full-score turnover {turnoverFullPerHour} per hour must be positive");
        }

        if (!(maxSpread is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxSpread), maxSpread, $"setup scoring: max spread {maxSpread} is out of range (0 < x < 1, a fraction of the price)");
        }

        if (!(volumeFullRatio is > 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(volumeFullRatio), volumeFullRatio, $"setup scoring: full-score volume ratio {volumeFullRatio} is out of range (0 < x ≤ 100)");
        }

        TurnoverFullPerHour = turnoverFullPerHour;
        MaxSpread = maxSpread;
        VolumeFullRatio = volumeFullRatio;
        News = news ?? NoNewsFlags.Instance;
    }

    /// <summary>Quote turnover per hour that earns the full turnover point.</summary>
    public double TurnoverFullPerHour { get; }

    /// <summary>Estimated spread (fraction of the price) at which the spread point reaches 0.</summary>
    public double MaxSpread { get; }

    /// <summary>Volume relative to its recent mean that earns the full volume point.</summary>
    public double VolumeFullRatio { get; }

    public INewsFlagSource News { get; }

    /// <summary>The liquidity/spread part.</summary>
    public double LiquidityPoints(double turnoverPerHour, double spread) =>
        Unit(turnoverPerHour / TurnoverFullPerHour) + Unit(1.0 - (spread / MaxSpread));

    /// <summary>The volume/pattern part.</summary>
    public double VolumePatternPoints(double volumeRatio, double closeLocation) =>
        Unit(volumeRatio / VolumeFullRatio) + Unit(closeLocation);

    /// <summary>The news part of <paramref name="symbol"/> at <paramref name="timeMs"/>.</summary>
    public double NewsPoints(Symbol symbol, long timeMs)
    {
        var severity = News.Severity(symbol, timeMs);
        if (!(severity is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeMs), severity, $"news severity {severity} for {symbol} at {timeMs} is out of range (0 ≤ x ≤ 1)");
        }

        return SetupScore.PartMaximum * (1.0 - severity);
    }

    /// <summary>Scores a <paramref name="side"/> setup on <paramref name="symbol"/> at <paramref name="timeMs"/>.</summary>
    public SetupScore Score(
        Symbol symbol,
        long timeMs,
        PositionSide side,
        RegimeFit fit,
        string regime,
        SetupBarFeatures bars,
        TrendDirection higherTimeframe,
        AlignmentMode mode)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(bars);
        return new SetupScore(
            fit.Points(regime, side),
            LiquidityPoints(bars.TurnoverPerHour, bars.Spread),
            HigherTimeframeTrend.Points(higherTimeframe, side, mode),
            VolumePatternPoints(bars.VolumeRatio, bars.CloseLocationFor(side)),
            NewsPoints(symbol, timeMs));
    }

    /// <summary><paramref name="x"/> clamped to [0, 1]; NaN counts as 0.</summary>
    private static double Unit(double x) => x >= 1.0 ? 1.0 : x > 0.0 ? x : 0.0;
}
