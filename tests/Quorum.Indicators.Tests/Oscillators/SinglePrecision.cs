namespace Quorum.Indicators.Tests.Oscillators;

/// <summary>
/// Re-computations in single precision (float, rounded after every operation) of the LEAN reference
/// files that were evidently produced in float: each reproduces its file to 1e-6 relative, where
/// the same formulas in double differ from the file by up to ~1e-4 (the float rounding of ~$155
/// prices, about 1e-5, amplified by 100 / range). That proves the file's formula is Quorum's and
/// the remaining difference is the file's arithmetic, not a convention.
/// </summary>
internal static class SinglePrecision
{
    public static double[] WilliamsR(OhlcvColumns bars, int period)
    {
        var result = Averages.Checks.Missing(bars.Length);
        for (var i = period - 1; i < bars.Length; i++)
        {
            var (highest, lowest) = Range(bars, i, period);
            var close = (float)bars.Close[i];
            result[i] = -100f * (highest - close) / (highest - lowest);
        }

        return result;
    }

    public static (double[] K, double[] D) Stochastic(OhlcvColumns bars, int period, int kSmoothing, int dPeriod)
    {
        var fast = new float[bars.Length];
        var k = new float[bars.Length];
        var kResult = Averages.Checks.Missing(bars.Length);
        var dResult = Averages.Checks.Missing(bars.Length);
        for (var i = period - 1; i < bars.Length; i++)
        {
            var (highest, lowest) = Range(bars, i, period);
            fast[i] = 100f * ((float)bars.Close[i] - lowest) / (highest - lowest);
            if (i < period + kSmoothing - 2)
            {
                continue;
            }

            var sum = 0f;
            for (var j = i - kSmoothing + 1; j <= i; j++)
            {
                sum += fast[j];
            }

            k[i] = sum / kSmoothing;
            kResult[i] = k[i];
            if (i < period + kSmoothing + dPeriod - 3)
            {
                continue;
            }

            sum = 0f;
            for (var j = i - dPeriod + 1; j <= i; j++)
            {
                sum += k[j];
            }

            dResult[i] = sum / dPeriod;
        }

        return (kResult, dResult);
    }

    /// <summary>Cutler's RSI: plain means of the gains and losses of the last period changes, 100 − 100 / (1 + G/L).</summary>
    public static double[] CutlerRsi(IReadOnlyList<double> closes, int period)
    {
        var result = Averages.Checks.Missing(closes.Count);
        for (var i = period; i < closes.Count; i++)
        {
            float gain = 0f, loss = 0f;
            for (var j = i - period + 1; j <= i; j++)
            {
                var change = (float)closes[j] - (float)closes[j - 1];
                if (change > 0)
                {
                    gain += change;
                }
                else
                {
                    loss -= change;
                }
            }

            gain /= period;
            loss /= period;
            result[i] = 100f - (100f / (1f + (gain / loss)));
        }

        return result;
    }

    private static (float Highest, float Lowest) Range(OhlcvColumns bars, int end, int period)
    {
        var highest = float.NegativeInfinity;
        var lowest = float.PositiveInfinity;
        for (var j = end - period + 1; j <= end; j++)
        {
            highest = Math.Max(highest, (float)bars.High[j]);
            lowest = Math.Min(lowest, (float)bars.Low[j]);
        }

        return (highest, lowest);
    }
}
