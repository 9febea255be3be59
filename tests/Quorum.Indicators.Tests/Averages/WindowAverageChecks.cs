using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;

namespace Quorum.Indicators.Tests.Averages;

/// <summary>
/// The checks SMA and WMA share as averages over a re-summed window (nothing subtracted): equality with the naive
/// definition on real and rough data, the exact mean of the rest once a 1e15 spike has left the window, and no drift
/// over a million updates with huge outliers; streaming equals batch bit for bit in both of the last two.
/// </summary>
internal static class WindowAverageChecks
{
    /// <summary>The batch form of the average (<c>Sma.Batch</c>, <c>Wma.Batch</c>).</summary>
    public delegate void Batch(ReadOnlySpan<double> input, Span<double> output, int period);

    /// <summary>The naive definition over a whole series (<see cref="Naive.Sma"/>, <see cref="Naive.Wma"/>).</summary>
    public delegate double[] Definition(IReadOnlyList<double> input, int period);

    /// <summary>Streaming equals <paramref name="naive"/> to 1e-9 for each of <paramref name="periods"/> on the SPY and the rough closes.</summary>
    public static void EqualsNaive(Func<int, IPriceIndicator> create, Definition naive, string name, string definition, params int[] periods)
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            foreach (var period in periods)
            {
                ReferenceAssert.Matches(naive(close, period), Feed.Run(create(period), close), $"{name}_{period} vs {definition}", tolerance: 1e-9);
            }
        }
    }

    /// <summary>Where the spike of <see cref="ExactAfterASpikeLeaves"/> lands: at every position of a 5-value block.</summary>
    public static TheoryData<int> SpikePositions { get; } = [0, 1, 2, 3, 4];

    /// <summary>
    /// Period 5 over <paramref name="before"/> values of 0.1, a 1e15 spike and 1,000 more values of 0.1: streaming equals
    /// batch, the spike is seen while in the window, and once it has left every value is 0.1 to within 1e-15 relative.
    /// </summary>
    public static void ExactAfterASpikeLeaves(Func<int, IPriceIndicator> create, Batch batch, string name, int before)
    {
        double[] input = [.. Enumerable.Repeat(0.1, before), 1e15, .. Enumerable.Repeat(0.1, 1_000)];
        var streamed = Feed.Run(create(5), input);
        var batched = new double[input.Length];
        batch(input, batched, 5);

        Checks.Identical(streamed, batched, $"{name}_5 batch vs streaming around a 1e15 spike");
        streamed[before + 4].ShouldBeGreaterThan(1e13, "the spike is in the window");
        for (var i = before + 5; i < input.Length; i++)
        {
            Math.Abs(streamed[i] - 0.1).ShouldBeLessThanOrEqualTo(0.1 * 1e-15, $"{name}_5 at row {i}: {streamed[i]:R}");
        }
    }

    /// <summary>
    /// Period 20 over a 1,000,000-value random walk near 60 000 with one value in 10 000 a billion times larger: streaming
    /// equals batch, and 200 rows spread over the series equal <paramref name="naive"/> recomputed on their window to 1e-13
    /// relative. A running sum would keep each outlier's rounding residue (~1e-9 relative each) and drift; the re-summed
    /// window never does.
    /// </summary>
    public static void NoDriftOverOneMillionUpdates(Func<int, IPriceIndicator> create, Batch batch, Definition naive, string name)
    {
        var input = IndicatorContract.RandomWalk(1_000_000, 60_000, seed: 17);
        var random = new Random(18);
        for (var i = 0; i < input.Length; i++)
        {
            if (random.NextDouble() < 1e-4)
            {
                input[i] *= 1e9;
            }
        }

        const int period = 20;
        var average = create(period);
        var streamed = new double[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            average.Update(input[i]);
            streamed[i] = average.Value;
        }

        var batched = new double[input.Length];
        batch(input, batched, period);

        Checks.Identical(streamed, batched, $"{name}_20 batch vs streaming over 1M updates");
        foreach (var i in Enumerable.Range(0, 200).Select(k => input.Length - 1 - (k * 4_999)))
        {
            var expected = naive(input[(i - period + 1)..(i + 1)], period)[^1];
            streamed[i].ShouldBe(expected, Math.Abs(expected) * 1e-13, $"{name}_20 at row {i}");
        }
    }
}
