using Quorum.Core.Time;

namespace Quorum.Data.Synthetic;

/// <summary>
/// Activity by hour of the UTC week (Monday 00:00 = 0): busiest around the US open
/// (13–16 UTC), quietest in the late Asian night (04–06 UTC), weekends at about three
/// quarters of a weekday. Multipliers average to 1 over the week.
/// </summary>
internal static class TradingSeasonality
{
    public const int HoursPerWeek = 168;

    private static readonly double[] HourOfDay =
    [
        1.05, 1.00, 0.95, 0.88, 0.80, 0.75, 0.78, 0.85, 0.95, 1.00, 0.98, 0.97,
        1.05, 1.20, 1.35, 1.35, 1.25, 1.10, 1.05, 1.00, 0.95, 0.90, 0.88, 0.92,
    ];

    private static readonly double[] DayOfWeek = [1.0, 1.02, 1.02, 1.02, 1.05, 0.78, 0.72];

    /// <summary>168 multipliers with mean 1, blended toward 1 by <paramref name="strength"/> ∈ [0, 1].</summary>
    public static double[] WeeklyProfile(double strength)
    {
        var profile = new double[HoursPerWeek];
        var sum = 0.0;
        for (var h = 0; h < HoursPerWeek; h++)
        {
            profile[h] = HourOfDay[h % 24] * DayOfWeek[h / 24];
            sum += profile[h];
        }

        var mean = sum / HoursPerWeek;
        for (var h = 0; h < HoursPerWeek; h++)
        {
            profile[h] = 1.0 + (strength * ((profile[h] / mean) - 1.0));
        }

        return profile;
    }

    /// <summary>Hour of the UTC week (0 = Monday 00:00–01:00) containing <paramref name="timestampMs"/>.</summary>
    public static int HourOfWeek(long timestampMs)
    {
        var sinceAnchor = (timestampMs - Timeframe.WeekAnchorMs) % Timeframe.WeekMs;
        if (sinceAnchor < 0)
        {
            sinceAnchor += Timeframe.WeekMs;
        }

        return (int)(sinceAnchor / Timeframe.HourMs);
    }
}
