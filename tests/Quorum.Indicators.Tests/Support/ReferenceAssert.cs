namespace Quorum.Indicators.Tests.Support;

/// <summary>Compares computed indicator values with reference values to a relative tolerance.</summary>
internal static class ReferenceAssert
{
    /// <summary>Default tolerance of the issue: 1e-6 relative (absolute near zero).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>
    /// Every index from <paramref name="from"/> on where the reference has a value must match
    /// (|a − e| ≤ tol · max(1, |e|)); at least <paramref name="minimumCompared"/> values are compared,
    /// so an empty comparison cannot pass.
    /// </summary>
    public static int Matches(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what, int from = 0, double tolerance = Tolerance, int minimumCompared = 50)
    {
        actual.Length.ShouldBeGreaterThanOrEqualTo(expected.Length, $"{what}: fewer computed values than reference rows");
        var compared = 0;
        for (var i = from; i < expected.Length; i++)
        {
            var e = expected[i];
            if (double.IsNaN(e))
            {
                continue;
            }

            var a = actual[i];
            var bound = tolerance * Math.Max(1.0, Math.Abs(e));
            if (!(Math.Abs(a - e) <= bound))
            {
                throw new Xunit.Sdk.XunitException($"{what}: row {i}: computed {a:R} but reference {e:R} (|diff| {Math.Abs(a - e):G3} > {bound:G3})");
            }

            compared++;
        }

        compared.ShouldBeGreaterThanOrEqualTo(minimumCompared, $"{what}: too few reference values compared");
        return compared;
    }
}
