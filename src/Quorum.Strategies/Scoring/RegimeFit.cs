using Quorum.Configuration;
using Quorum.Core.Trading;

namespace Quorum.Strategies.Scoring;

/// <summary>
/// The regime part of a strategy's setup score: 0–2 points per seed-001 regime label and side; an unknown label
/// scores 0. Each strategy declares its own table (docs/strategies.md, "Setup scoring").
/// </summary>
public sealed class RegimeFit
{
    private readonly double[] _long;
    private readonly double[] _short;

    /// <param name="longPoints">Points of a long setup per label, in <see cref="RegimeLabels.All"/> order (trend_up, trend_down, range_lowvol, range_highvol, panic).</param>
    /// <param name="shortPoints">The same for a short setup.</param>
    public RegimeFit(IReadOnlyList<double> longPoints, IReadOnlyList<double> shortPoints)
    {
        _long = Check(longPoints, nameof(longPoints));
        _short = Check(shortPoints, nameof(shortPoints));
    }

    /// <summary>Points of a <paramref name="side"/> setup in regime <paramref name="label"/>.</summary>
    public double Points(string label, PositionSide side)
    {
        var labels = RegimeLabels.All;
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return side == PositionSide.Long ? _long[i] : _short[i];
            }
        }

        return 0.0;
    }

    private static double[] Check(IReadOnlyList<double> points, string name)
    {
        ArgumentNullException.ThrowIfNull(points, name);
        if (points.Count != RegimeLabels.All.Count)
        {
            throw new ArgumentException($"regime fit needs {RegimeLabels.All.Count} points ({string.Join(", ", RegimeLabels.All)}), got {points.Count}", name);
        }

        foreach (var p in points)
        {
            if (!(p is >= 0 and <= SetupScore.PartMaximum))
            {
                throw new ArgumentOutOfRangeException(name, p, $"regime fit points {p} are out of range (0 ≤ x ≤ {SetupScore.PartMaximum})");
            }
        }

        return [.. points];
    }
}
