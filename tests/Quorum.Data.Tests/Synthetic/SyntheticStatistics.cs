using Quorum.Core.MarketData;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

/// <summary>Small statistics helpers for the synthetic market tests (double math, test side only).</summary>
internal static class SyntheticStatistics
{
    /// <summary>ln(close[k] / close[k − 1]) for k ≥ 1; element k − 1 belongs to bar k.</summary>
    public static double[] LogReturns(BarSeries series)
    {
        var returns = new double[series.Count - 1];
        for (var k = 1; k < series.Count; k++)
        {
            returns[k - 1] = Math.Log((double)series[k].Close / (double)series[k - 1].Close);
        }

        return returns;
    }

    public static double[] Absolute(double[] values) => [.. values.Select(Math.Abs)];

    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = Math.Min(a.Length, b.Length);
        var meanA = Mean(a[..n]);
        var meanB = Mean(b[..n]);
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n; i++)
        {
            sab += (a[i] - meanA) * (b[i] - meanB);
            saa += (a[i] - meanA) * (a[i] - meanA);
            sbb += (b[i] - meanB) * (b[i] - meanB);
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    public static double Autocorrelation(ReadOnlySpan<double> values, int lag)
    {
        var mean = Mean(values);
        double numerator = 0, denominator = 0;
        for (var i = 0; i < values.Length; i++)
        {
            denominator += (values[i] - mean) * (values[i] - mean);
            if (i >= lag)
            {
                numerator += (values[i] - mean) * (values[i - lag] - mean);
            }
        }

        return numerator / denominator;
    }

    /// <summary>Lengths (in bars) of the maximal runs of <paramref name="regime"/>, excluding runs cut by either end.</summary>
    public static List<int> RunLengths(IReadOnlyList<SyntheticRegime> labels, SyntheticRegime regime)
    {
        var runs = new List<int>();
        var start = -1;
        for (var k = 0; k <= labels.Count; k++)
        {
            var inRun = k < labels.Count && labels[k] == regime;
            if (inRun && start < 0)
            {
                start = k;
            }
            else if (!inRun && start >= 0)
            {
                if (start > 0 && k < labels.Count)
                {
                    runs.Add(k - start);
                }

                start = -1;
            }
        }

        return runs;
    }
}
