using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Time;

namespace Quorum.Core.Tests.Time;

public sealed class SimulatedClockTests
{
    /// <summary>2021-01-01 00:00 UTC.</summary>
    private const long T0 = 1_609_459_200_000;

    [Fact]
    public void GetUtcNow_NewClock_IsTheStartTimeInUtc()
    {
        var clock = new SimulatedClock(T0);

        clock.GetUtcNow().ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(T0));
        clock.GetUtcNow().Offset.ShouldBe(TimeSpan.Zero);
        clock.UtcNowMs.ShouldBe(T0);
        clock.GetUtcNowMilliseconds().ShouldBe(T0);
        clock.LocalTimeZone.ShouldBe(TimeZoneInfo.Utc);
        clock.GetLocalNow().ShouldBe(clock.GetUtcNow());
    }

    [Fact]
    public void Advance_MovesTimeAndElapsedTimeByExactlyTheDelta()
    {
        var clock = new SimulatedClock(T0);
        var start = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMinutes(5));

        clock.UtcNowMs.ShouldBe(T0 + 300_000);
        clock.GetElapsedTime(start).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Advance_NegativeDelta_Throws()
    {
        var clock = new SimulatedClock(T0);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromMilliseconds(-1)));

        error.Message.ShouldContain("time cannot go backwards");
        clock.UtcNowMs.ShouldBe(T0);
    }

    [Fact]
    public void AdvanceTo_EarlierTime_ThrowsNamingBothTimes()
    {
        var clock = new SimulatedClock(T0);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => clock.AdvanceTo(T0 - 1));

        error.Message.ShouldContain($"back to {T0 - 1} ms (2020-12-31 23:59:59.9990000Z)");
        error.Message.ShouldContain($"from {T0} ms (2021-01-01 00:00:00.0000000Z)");
    }

    [Fact]
    public void AdvanceTo_SameTime_IsAllowed()
    {
        var clock = new SimulatedClock(T0);

        clock.AdvanceTo(T0);

        clock.UtcNowMs.ShouldBe(T0);
    }

    [Fact]
    public void OneShotTimer_FiresOnceWhenClockReachesItsDueTime()
    {
        var clock = new SimulatedClock(T0);
        var firedAt = new List<long>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.UtcNowMs), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(9_999));
        var beforeDue = firedAt.Count;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromMinutes(1));

        beforeDue.ShouldBe(0);
        firedAt.ShouldBe([T0 + 10_000]);
        clock.PendingTimerCount.ShouldBe(0);
    }

    [Fact]
    public void Timers_FireInDueOrderThenCreationOrder_WithClockAtEachDueTime()
    {
        var clock = new SimulatedClock(T0);
        var fired = new List<(string Name, long AtMs)>();
        void Create(string name, int dueMs) =>
            clock.CreateTimer(_ => fired.Add((name, clock.UtcNowMs)), null, TimeSpan.FromMilliseconds(dueMs), Timeout.InfiniteTimeSpan);
        Create("c", 300);
        Create("a", 100);
        Create("b1", 200);
        Create("b2", 200);

        clock.AdvanceTo(T0 + 1_000);

        fired.ShouldBe([("a", T0 + 100), ("b1", T0 + 200), ("b2", T0 + 200), ("c", T0 + 300)]);
        clock.UtcNowMs.ShouldBe(T0 + 1_000);
    }

    [Fact]
    public void PeriodicTimer_ReArmsAndFiresEveryPeriodWithinOneAdvance()
    {
        var clock = new SimulatedClock(T0);
        var firedAt = new List<long>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.UtcNowMs), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));

        clock.Advance(TimeSpan.FromSeconds(10));

        firedAt.ShouldBe([T0 + 3_000, T0 + 6_000, T0 + 9_000]);
        clock.PendingTimerCount.ShouldBe(1);
    }

    [Fact]
    public void PeriodicAndOneShotTimers_InterleaveByDueTime()
    {
        var clock = new SimulatedClock(T0);
        var fired = new List<string>();
        using var periodic = clock.CreateTimer(_ => fired.Add($"p{clock.UtcNowMs - T0}"), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        using var oneShot = clock.CreateTimer(_ => fired.Add($"o{clock.UtcNowMs - T0}"), null, TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(300));

        fired.ShouldBe(["p100", "p200", "o250", "p300"]);
    }

    [Fact]
    public void DisposedTimer_DoesNotFire_AndCannotBeChanged()
    {
        var clock = new SimulatedClock(T0);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        fired.ShouldBe(0);
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan).ShouldBeFalse();
        clock.PendingTimerCount.ShouldBe(0);
    }

    [Fact]
    public void Change_RearmsFromNow_AndInfiniteDueTimeDisarms()
    {
        var clock = new SimulatedClock(T0);
        var firedAt = new List<long>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.UtcNowMs), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(500));
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan); // same due time twice: still one firing
        clock.Advance(TimeSpan.FromSeconds(2));
        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));

        firedAt.ShouldBe([T0 + 1_500]);
    }

    [Fact]
    public void ZeroDueTime_FiresImmediatelyOnCreation()
    {
        var clock = new SimulatedClock(T0);
        var fired = 0;

        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        fired.ShouldBe(1);
    }

    [Fact]
    public void TimerCreatedInsideACallback_FiresInTheSameAdvanceWhenDue()
    {
        var clock = new SimulatedClock(T0);
        var fired = new List<string>();
        var timers = new List<ITimer>();
        timers.Add(clock.CreateTimer(
            _ =>
            {
                fired.Add($"outer@{clock.UtcNowMs - T0}");
                timers.Add(clock.CreateTimer(_ => fired.Add($"inner@{clock.UtcNowMs - T0}"), null, TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan));
                timers.Add(clock.CreateTimer(_ => fired.Add($"now@{clock.UtcNowMs - T0}"), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan));
            },
            null,
            TimeSpan.FromMilliseconds(100),
            Timeout.InfiniteTimeSpan));

        clock.Advance(TimeSpan.FromMilliseconds(200));

        fired.ShouldBe(["outer@100", "now@100", "inner@150"]);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void AdvanceFromInsideACallback_IsRefused()
    {
        var clock = new SimulatedClock(T0);
        Exception? inner = null;
        using var timer = clock.CreateTimer(
            _ => inner = Record.Exception(() => clock.Advance(TimeSpan.FromSeconds(1))), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(2));

        inner.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("cannot advance the clock while it is firing timers");
        clock.UtcNowMs.ShouldBe(T0 + 2_000);
    }

    [Fact]
    public void ThrowingCallback_PropagatesAndLeavesClockAtItsDueTimeWithLaterTimersPending()
    {
        var clock = new SimulatedClock(T0);
        var laterFired = false;
        using var failing = clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var later = clock.CreateTimer(_ => laterFired = true, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        Should.Throw<InvalidOperationException>(() => clock.Advance(TimeSpan.FromSeconds(5))).Message.ShouldBe("boom");
        var stoppedAt = clock.UtcNowMs;
        clock.Advance(TimeSpan.Zero);
        var firedAfterZeroAdvance = laterFired;
        clock.Advance(TimeSpan.FromSeconds(1));

        stoppedAt.ShouldBe(T0 + 1_000);
        firedAfterZeroAdvance.ShouldBeFalse();
        laterFired.ShouldBeTrue();
    }

    [Fact]
    public async Task TaskDelay_WithSimulatedClock_CompletesOnlyWhenAdvanced()
    {
        var clock = new SimulatedClock(T0);

        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock, TestContext.Current.CancellationToken);
        var completedEarly = delay.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(30));
        await delay;

        completedEarly.ShouldBeFalse();
        delay.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void CancellationTokenSource_WithSimulatedClock_CancelsWhenAdvancedPastDelay()
    {
        var clock = new SimulatedClock(T0);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);

        clock.Advance(TimeSpan.FromSeconds(4));
        var canceledEarly = cancellation.IsCancellationRequested;
        clock.Advance(TimeSpan.FromSeconds(1));

        canceledEarly.ShouldBeFalse();
        cancellation.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void CreateTimer_NegativeDueTime_Throws()
    {
        var clock = new SimulatedClock(T0);

        Should.Throw<ArgumentOutOfRangeException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-1), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void AdvanceTo_InSmallSteps_FiresATimerArmedBetweenStepsAtItsDueTime_AndSkipsADisposedOne()
    {
        // AdvanceTo skips the lock when nothing can fire on the way (the backtest loop's per-bar path); arming must end that.
        var clock = new SimulatedClock(T0);
        var fired = new List<long>();
        clock.AdvanceTo(T0 + 1_000);
        using var timer = clock.CreateTimer(_ => fired.Add(clock.UtcNowMs), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        var disposed = clock.CreateTimer(_ => fired.Add(-1), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        disposed.Dispose();

        for (var t = T0 + 2_000; t <= T0 + 10_000; t += 1_000)
        {
            clock.AdvanceTo(t);
        }

        fired.ShouldBe([T0 + 6_000]);
        clock.UtcNowMs.ShouldBe(T0 + 10_000);
        clock.PendingTimerCount.ShouldBe(0);
    }

    [Fact]
    public void Timers_AnyDueTimesAndAdvanceSteps_FireInDueThenCreationOrderAtTheirDueTime()
    {
        var gen =
            from dues in Gen.Choose(0, 1_000).ListOf()
            from steps in Gen.Choose(0, 400).ListOf()
            select (dues: dues.ToArray(), steps: steps.ToArray());

        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var clock = new SimulatedClock(T0);
            clock.Advance(TimeSpan.FromMilliseconds(1)); // zero-due timers below then fire at creation, still in order
            var start = clock.UtcNowMs;
            var fired = new List<(int Due, int Index, long AtMs)>();
            var timers = sample.dues
                .Select((due, index) => clock.CreateTimer(
                    _ => fired.Add((due, index, clock.UtcNowMs)), null, TimeSpan.FromMilliseconds(due), Timeout.InfiniteTimeSpan))
                .ToList();

            foreach (var step in sample.steps)
            {
                clock.Advance(TimeSpan.FromMilliseconds(step));
            }

            clock.AdvanceTo(Math.Max(clock.UtcNowMs, start + 1_000));
            timers.ForEach(t => t.Dispose());

            var expected = sample.dues.Select((due, index) => (due, index)).OrderBy(x => x.due).ThenBy(x => x.index).ToList();
            var zeroDue = expected.Where(x => x.due == 0).ToList();
            var rest = expected.Where(x => x.due > 0).ToList();
            return fired.Count == sample.dues.Length &&
                   fired.All(f => f.AtMs == start + f.Due) &&
                   fired.Select(f => (f.Due, f.Index)).SequenceEqual(zeroDue.Concat(rest));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AdvanceTo_AnyMillisecondInRange_AgreesWithDateTimeOffset()
    {
        // The clock converts Unix ms to ticks and back itself (per bar, without a DateTimeOffset): both directions must
        // agree with DateTimeOffset's own conversion over the whole range, negative (pre-1970) times included.
        var times = Gen.Choose(-62_135_596, 253_402_300).SelectMany(seconds => Gen.Choose(0, 999).Select(ms => (seconds * 1000L) + ms));
        Prop.ForAll(times.ToArbitrary(), ms =>
        {
            var clock = new SimulatedClock(DateTimeOffset.MinValue);
            clock.AdvanceTo(ms);
            return clock.GetUtcNow() == DateTimeOffset.FromUnixTimeMilliseconds(ms) && clock.UtcNowMs == ms && clock.GetUtcNowMilliseconds() == ms;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AdvanceTo_MillisecondsOutsideDateTimeOffsetRange_ThrowsLikeDateTimeOffset()
    {
        var clock = new SimulatedClock(T0);

        Should.Throw<ArgumentOutOfRangeException>(() => clock.AdvanceTo(253_402_300_800_000L));
        clock.UtcNowMs.ShouldBe(T0);
    }

    [Fact]
    public void AdvanceToAsSoleAdvancer_BehavesAsAdvanceTo_FiringTimersAndRefusingToGoBack()
    {
        // Both advance kinds over the same schedule: the same times fired, the same end time, the same refusal.
        IReadOnlyList<long> Run(bool sole)
        {
            var clock = new SimulatedClock(T0);
            var fired = new List<long>();
            using var periodic = clock.CreateTimer(_ => fired.Add(clock.UtcNowMs - T0), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
            foreach (var step in new long[] { 100, 100, 600, 601, 1_000, 2_000 })
            {
                if (sole)
                {
                    clock.AdvanceToAsSoleAdvancer(T0 + step);
                }
                else
                {
                    clock.AdvanceTo(T0 + step);
                }

                fired.Add(-(clock.UtcNowMs - T0)); // the time after each advance, negated to tell it from a firing
            }

            Should.Throw<ArgumentOutOfRangeException>(() => clock.AdvanceToAsSoleAdvancer(T0 + 1_999)).Message.ShouldContain("time cannot go backwards");
            return fired;
        }

        var sole = Run(sole: true);
        sole.ShouldBe(Run(sole: false));
        sole.ShouldBe([-100, -100, 250, 500, -600, -601, 750, 1_000, -1_000, 1_250, 1_500, 1_750, 2_000, -2_000]);
    }
}
