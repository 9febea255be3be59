using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Integrity;
using Quorum.Data.Tests.Resampling;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Integrity;

public sealed class IntegrityCheckerPropertyTests
{
    private static readonly Timeframe[] Timeframes = [Timeframe.M1, Timeframe.M5, Timeframe.H1, Timeframe.D1, Timeframe.W1];

    [Fact]
    public void Check_FindsExactlyTheGapsAndDuplicatesInsertedIntoARandomSeries()
    {
        var specs = Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from count in Gen.Choose(3, 500)
            from timeframe in Gen.Elements(Timeframes)
            select (seed, count, timeframe));

        Prop.ForAll(specs, spec => FindsExactlyTheInsertedGapsAndDuplicates(spec.seed, spec.count, spec.timeframe)).QuickCheckThrowOnFailure();
    }

    /// <summary>Counterexamples FsCheck found once, kept as regressions.</summary>
    [Theory]
    [InlineData(65816683, 16, "5m")] // a short series with a gap made its only step look like the "dominant spacing"
    public void Check_FindsExactlyTheGapsAndDuplicates_KnownCases(int seed, int count, string timeframe) =>
        FindsExactlyTheInsertedGapsAndDuplicates(seed, count, Timeframe.Parse(timeframe)).ShouldBeTrue();

    private static bool FindsExactlyTheInsertedGapsAndDuplicates(int seed, int count, Timeframe timeframe)
    {
        var complete = RandomBars.Generate(seed, count, timeframe, gaps: false);
        var random = new Random(seed);

        // Remove random runs of interior bars (a missing first or last bar is not a gap).
        var removed = new bool[count];
        for (var i = 1; i < count - 1; i++)
        {
            if (random.Next(20) == 0)
            {
                var length = random.Next(1, 21);
                for (var k = i; k < Math.Min(i + length, count - 1); k++)
                {
                    removed[k] = true;
                }

                i += length;
            }
        }

        // Keep the rest, repeating a few rows (same or different values).
        var rows = new List<Bar>();
        var duplicateIndices = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (removed[i])
            {
                continue;
            }

            rows.Add(complete[i]);
            while (random.Next(25) == 0)
            {
                duplicateIndices.Add(rows.Count);
                rows.Add(random.Next(2) == 0 ? complete[i] : complete[i] with { Volume = complete[i].Volume + 1m });
            }
        }

        var expectedGaps = new List<(long First, long Last, long Count)>();
        for (var i = 1; i < count - 1; i++)
        {
            if (removed[i] && !removed[i - 1])
            {
                var end = i;
                while (removed[end + 1])
                {
                    end++;
                }

                expectedGaps.Add((complete[i].OpenTimeMs, complete[end].OpenTimeMs, end - i + 1));
            }
        }

        var report = IntegrityChecker.Check(new BarSeries(Bars.BtcSpot, timeframe, [.. rows]), new IntegrityOptions { MaxIssues = 10_000 });

        var foundGaps = report.Gaps.Select(g => (g.FirstMissingOpenTimeMs, g.LastMissingOpenTimeMs, g.MissingBarCount)).ToList();
        var foundDuplicates = report.Issues.Where(i => i.Kind == IntegrityIssueKind.Duplicate).Select(i => i.Index!.Value).ToList();
        var others = report.Issues.Count(i => i.Kind is not (IntegrityIssueKind.Gap or IntegrityIssueKind.Duplicate));
        return foundGaps.SequenceEqual(expectedGaps)
            && foundDuplicates.SequenceEqual(duplicateIndices)
            && others == 0
            && report.HasErrors == (duplicateIndices.Count > 0);
    }
}
