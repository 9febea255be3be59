namespace Quorum.Strategies.Seed003;

/// <summary>The level arithmetic of the seed-003 grid engine (<c>calculate_grid_levels</c>) and of its ATR template.</summary>
public static class GridLevels
{
    /// <summary>Fewest and most levels of the seed's ATR template (<c>grid_levels = clamp(span / ATR, 5, 50)</c>).</summary>
    public const int TemplateMinimum = 5;

    /// <inheritdoc cref="TemplateMinimum"/>
    public const int TemplateMaximum = 50;

    /// <summary>
    /// <paramref name="count"/> levels from <paramref name="lower"/> to <paramref name="upper"/> inclusive, increasing. Arithmetic
    /// levels are exact decimals; geometric ones are computed in double (there is no decimal power) and converted, with the
    /// two bounds exact. Throws when the bounds are not 0 &lt; lower &lt; upper or fewer than 2 levels are asked for.
    /// </summary>
    public static decimal[] Compute(decimal lower, decimal upper, int count, GridMode mode)
    {
        if (lower <= 0m || upper <= lower)
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, $"grid bounds lower = {lower}, upper = {upper}: need 0 < lower < upper");
        }

        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"grid levels = {count}: need at least 2");
        }

        var levels = new decimal[count];
        var last = count - 1;
        var ratio = (double)upper / (double)lower;
        for (var i = 0; i < count; i++)
        {
            levels[i] = i == 0 ? lower
                : i == last ? upper
                : mode == GridMode.Arithmetic ? lower + ((upper - lower) * i / last)
                : (decimal)((double)lower * Math.Pow(ratio, (double)i / last));
        }

        return levels;
    }

    /// <summary>The seed's template level count for a range of <paramref name="span"/> with ATR <paramref name="atr"/>: round(span / ATR) clamped to [5, 50].</summary>
    public static int TemplateCount(decimal span, decimal atr)
    {
        if (span <= 0m || atr <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(atr), atr, $"grid template: span {span} and ATR {atr} must be positive");
        }

        return (int)Math.Clamp(Math.Round(span / atr, MidpointRounding.AwayFromZero), TemplateMinimum, TemplateMaximum);
    }

    /// <summary>Gross profit of one round trip from <paramref name="level"/> to <paramref name="next"/>, in percent of the buy price (seed <c>profit_per_grid</c>).</summary>
    public static decimal ProfitPercent(decimal level, decimal next) => (next - level) / level * 100m;

    /// <summary>
    /// The take-profit of a buy at <paramref name="level"/> written in R for an <see cref="Core.Trading.ExitSpec"/>: the distance
    /// to <paramref name="next"/> over the distance to the grid <paramref name="stop"/>.
    /// </summary>
    public static decimal TakeProfitR(decimal level, decimal next, decimal stop)
    {
        if (!(stop < level && level < next))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"grid level {level}: need stop {stop} < level < next level {next}");
        }

        return (next - level) / (level - stop);
    }
}
