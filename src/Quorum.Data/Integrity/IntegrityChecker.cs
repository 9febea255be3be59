using System.Globalization;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Integrity;

/// <summary>
/// Checks a bar series for gaps, duplicates, out-of-order rows, impossible OHLC values,
/// timeframe problems and still-forming bars before the end. One pass over the bars (plus a
/// sort only when rows are out of order); a million bars take well under a second.
/// </summary>
/// <remarks>
/// What is found:
/// <list type="bullet">
/// <item><b>Gaps</b> (warnings): missing bars between two rows, with the first and last missing
/// open time and the count. Computed on the timeframe grid; when rows are out of order the
/// gaps are computed over the sorted open times, so a displaced row does not fake a gap.</item>
/// <item><b>Duplicates</b>: rows with the same open time (adjacent or not).</item>
/// <item><b>Out of order</b>: a row that opens before the row above it.</item>
/// <item><b>OHLC sanity</b>: low ≤ open, close ≤ high (hence low ≤ high); prices &gt; 0; volume ≥ 0.</item>
/// <item><b>Timeframe sanity</b>: open times off the grid; a row less than one timeframe
/// after the previous; a series where most steps between bars are one spacing other than its
/// declared timeframe (e.g. 5m bars declared as 1m), once that spacing occurs at least
/// <see cref="MinimumDominantSteps"/> times.</item>
/// <item><b>Non-closed bars</b> anywhere but last.</item>
/// </list>
/// </remarks>
public static class IntegrityChecker
{
    /// <summary>Fewest steps at one other spacing before a series counts as having the wrong timeframe.</summary>
    public const int MinimumDominantSteps = 10;

    public static IntegrityReport Check(BarSeries series, IntegrityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= IntegrityOptions.Default;
        options.Validate();

        var bars = series.Span;
        var timeframe = series.Timeframe;
        var timeframeMs = timeframe.Milliseconds;
        var issues = new IssueCollector(options.MaxIssues);
        var stepsAtTimeframe = 0L;
        Dictionary<long, long>? otherSteps = null;
        var outOfOrder = false;

        for (var i = 0; i < bars.Length; i++)
        {
            ref readonly var bar = ref bars[i];
            var time = bar.OpenTimeMs;

            if (!timeframe.IsAligned(time))
            {
                issues.Add(IntegrityIssueKind.Misaligned, i, time, (i, time, timeframe), static s =>
                    $"bar at index {s.i} opens at {TimeText.Utc(s.time)} UTC, which is not on the {s.timeframe} grid (nearest grid times {TimeText.Utc(s.timeframe.AlignDown(s.time))} and {TimeText.Utc(s.timeframe.AlignDown(s.time) + s.timeframe.Milliseconds)})");
            }

            if (!bar.IsSane)
            {
                CheckValues(bar, i, issues);
            }

            if (!bar.IsClosed && i != bars.Length - 1)
            {
                issues.Add(IntegrityIssueKind.NonClosedBar, i, time, (i, time), static s =>
                    $"bar at index {s.i} ({TimeText.Utc(s.time)} UTC) is not closed; only the last bar may still be forming");
            }

            if (i == 0)
            {
                continue;
            }

            var previous = bars[i - 1].OpenTimeMs;
            var step = time - previous;
            if (step == timeframeMs)
            {
                stepsAtTimeframe++;
                continue;
            }

            if (step > 0)
            {
                otherSteps ??= [];
                otherSteps[step] = otherSteps.GetValueOrDefault(step) + 1;
                if (step < timeframeMs)
                {
                    issues.Add(IntegrityIssueKind.SpacingBelowTimeframe, i, time, (i, time, step, timeframe), static s =>
                        $"bar at index {s.i} ({TimeText.Utc(s.time)} UTC) opens only {TimeText.Duration(s.step)} after the previous bar; bars of {s.timeframe} must be at least {s.timeframe.Name} apart");
                }
                else
                {
                    AddGapBetween(previous, time, timeframe, i, issues);
                }
            }
            else if (step == 0)
            {
                AddDuplicate(bars, i - 1, i, issues);
            }
            else
            {
                outOfOrder = true;
                issues.Add(IntegrityIssueKind.OutOfOrder, i, time, (i, time, previous), static s =>
                    $"bar at index {s.i} opens at {TimeText.Utc(s.time)} UTC, before the bar above it at index {s.i - 1} ({TimeText.Utc(s.previous)} UTC); rows must be in ascending open-time order");
            }
        }

        if (outOfOrder)
        {
            CheckSorted(bars, timeframe, issues);
        }

        CheckDominantSpacing(timeframe, stepsAtTimeframe, otherSteps, issues);

        // Row order, with series-wide findings (no index) first.
        var issueList = outOfOrder || issues.Counts[(int)IntegrityIssueKind.TimeframeMismatch] > 0
            ? [.. issues.Issues.OrderBy(issue => issue.Index ?? -1)]
            : issues.Issues;
        return new IntegrityReport(series, issueList, issues);
    }

    private static void CheckValues(in Bar bar, int index, IssueCollector issues)
    {
        if (bar.Open <= 0 || bar.High <= 0 || bar.Low <= 0 || bar.Close <= 0)
        {
            issues.Add(IntegrityIssueKind.NonPositivePrice, index, bar.OpenTimeMs, (index, bar), static s =>
                $"bar at index {s.index} ({TimeText.Utc(s.bar.OpenTimeMs)} UTC) has a price ≤ 0 (O={s.bar.Open} H={s.bar.High} L={s.bar.Low} C={s.bar.Close}); prices must be > 0");
        }

        if (bar.Volume < 0)
        {
            issues.Add(IntegrityIssueKind.NegativeVolume, index, bar.OpenTimeMs, (index, bar), static s =>
                $"bar at index {s.index} ({TimeText.Utc(s.bar.OpenTimeMs)} UTC) has volume {s.bar.Volume}; volume must be ≥ 0");
        }

        if (bar.Low > bar.Open || bar.Low > bar.Close || bar.Low > bar.High || bar.High < bar.Open || bar.High < bar.Close)
        {
            issues.Add(IntegrityIssueKind.InconsistentOhlc, index, bar.OpenTimeMs, (index, bar), static s =>
                $"bar at index {s.index} ({TimeText.Utc(s.bar.OpenTimeMs)} UTC) has inconsistent OHLC (O={s.bar.Open} H={s.bar.High} L={s.bar.Low} C={s.bar.Close}): {DescribeOhlc(s.bar)}; required low ≤ open, close ≤ high");
        }
    }

    private static string DescribeOhlc(in Bar bar)
    {
        var problems = new List<string>(4);
        if (bar.Low > bar.High)
        {
            problems.Add("low > high");
        }

        if (bar.Low > bar.Open)
        {
            problems.Add("low > open");
        }

        if (bar.Low > bar.Close)
        {
            problems.Add("low > close");
        }

        if (bar.High < bar.Open)
        {
            problems.Add("high < open");
        }

        if (bar.High < bar.Close)
        {
            problems.Add("high < close");
        }

        return string.Join(", ", problems);
    }

    private static void AddGapBetween(long previous, long next, Timeframe timeframe, int nextIndex, IssueCollector issues)
    {
        var firstMissing = timeframe.AlignDown(previous) + timeframe.Milliseconds;
        var lastMissing = timeframe.AlignDown(next) - timeframe.Milliseconds;
        if (lastMissing >= firstMissing)
        {
            issues.AddGap(firstMissing, lastMissing, timeframe.Milliseconds, nextIndex, next);
        }
    }

    private static void AddDuplicate(ReadOnlySpan<Bar> bars, int firstIndex, int index, IssueCollector issues)
    {
        var identical = bars[firstIndex] == bars[index];
        var time = bars[index].OpenTimeMs;
        issues.Add(IntegrityIssueKind.Duplicate, index, time, (index, firstIndex, time, identical), static s =>
            $"bar at index {s.index} repeats the open time {TimeText.Utc(s.time)} UTC of the bar at index {s.firstIndex} ({(s.identical ? "identical values" : "different values")}); open times must be unique");
    }

    /// <summary>Rows are out of order: recompute gaps over the sorted open times and find non-adjacent duplicates.</summary>
    private static void CheckSorted(ReadOnlySpan<Bar> bars, Timeframe timeframe, IssueCollector issues)
    {
        var order = new (long Time, int Index)[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            order[i] = (bars[i].OpenTimeMs, i);
        }

        Array.Sort(order);
        issues.ClearGaps();
        for (var k = 1; k < order.Length; k++)
        {
            var (previousTime, previousIndex) = order[k - 1];
            var (time, index) = order[k];
            if (time == previousTime)
            {
                // Adjacent rows with the same open time were reported in the main pass.
                if (index != previousIndex + 1)
                {
                    AddDuplicate(bars, previousIndex, index, issues);
                }
            }
            else if (time - previousTime > timeframe.Milliseconds)
            {
                AddGapBetween(previousTime, time, timeframe, index, issues);
            }
        }
    }

    private static void CheckDominantSpacing(Timeframe timeframe, long stepsAtTimeframe, Dictionary<long, long>? otherSteps, IssueCollector issues)
    {
        if (otherSteps is null)
        {
            return;
        }

        var (dominant, count) = (0L, 0L);
        foreach (var (step, stepCount) in otherSteps)
        {
            if (stepCount > count || (stepCount == count && step < dominant))
            {
                (dominant, count) = (step, stepCount);
            }
        }

        // Flag only a clear majority of enough steps, so that a few odd rows or a short run with
        // a gap (already reported one by one) do not also make the whole series look mislabelled.
        var total = stepsAtTimeframe + otherSteps.Values.Sum();
        if (count < MinimumDominantSteps || count <= stepsAtTimeframe || count * 2 <= total)
        {
            return;
        }

        issues.Add(IntegrityIssueKind.TimeframeMismatch, null, null, (timeframe, dominant, count, total), static s =>
            string.Create(CultureInfo.InvariantCulture,
                $"series is declared {s.timeframe} but its most common spacing between bars is {TimeText.Duration(s.dominant)} ({s.count:N0} of {s.total:N0} steps); the declared timeframe is probably wrong"));
    }
}
