using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

public sealed class EngineSchedulerTests
{
    private readonly SimulatedClock _clock = new(At(12, 0));
    private readonly List<string> _fired = [];

    private EngineScheduler NewScheduler() => new(_clock);

    private Action<long> Record(string name) => due => _fired.Add($"{name}@{ReplayedEvent.Hm(due)} clock {ReplayedEvent.Hm(_clock.UtcNowMs)}");

    [Fact]
    public void FireDue_FiresByDueTimeThenCreationOrder_AndAdvancesTheSimulatedClockToEachDueTime()
    {
        var scheduler = NewScheduler();
        scheduler.Schedule(At(12, 10), Record("c"));
        scheduler.Schedule(At(12, 5), Record("a"));
        scheduler.Schedule(At(12, 10), Record("d"));
        scheduler.Schedule(At(12, 5), Record("b"));
        scheduler.Schedule(At(12, 30), Record("later"));

        scheduler.FireDue(At(12, 10)).ShouldBe(4);

        _fired.ShouldBe(["a@12:05 clock 12:05", "b@12:05 clock 12:05", "c@12:10 clock 12:10", "d@12:10 clock 12:10"]);
        scheduler.PendingCount.ShouldBe(1);
        scheduler.NextDueMs.ShouldBe(At(12, 30));
    }

    [Fact]
    public void Cancel_PendingTimer_NeverFires_AndReturnsFalseTheSecondTime()
    {
        var scheduler = NewScheduler();
        var handle = scheduler.Schedule(At(12, 5), Record("canceled"));
        scheduler.Schedule(At(12, 6), Record("kept"));

        scheduler.Cancel(handle).ShouldBeTrue();
        scheduler.Cancel(handle).ShouldBeFalse();
        scheduler.Cancel(default).ShouldBeFalse();
        scheduler.FireDue(At(13, 0));

        _fired.ShouldBe(["kept@12:06 clock 12:06"]);
        handle.IsPending.ShouldBeFalse();
        scheduler.PendingCount.ShouldBe(0);
    }

    [Fact]
    public void Every_AlignedFifteenMinutes_FiresAtQuarterHoursStartingAfterNow()
    {
        _clock.AdvanceTo(At(12, 7));
        var scheduler = NewScheduler();
        scheduler.Every(15 * Timeframe.MinuteMs, Record("q"));

        scheduler.FireDue(At(13, 0));

        _fired.ShouldBe(["q@12:15 clock 12:15", "q@12:30 clock 12:30", "q@12:45 clock 12:45", "q@13:00 clock 13:00"]);
        scheduler.NextDueMs.ShouldBe(At(13, 15));
    }

    [Fact]
    public void Every_AlignedWhenNowIsOnTheGrid_StartsAtTheNextMultiple()
    {
        var scheduler = NewScheduler(); // clock at 12:00 exactly

        scheduler.Every(15 * Timeframe.MinuteMs, Record("q"));

        scheduler.NextDueMs.ShouldBe(At(12, 15));
    }

    [Fact]
    public void Every_NotAligned_FiresEveryPeriodFromNow()
    {
        _clock.AdvanceTo(At(12, 7));
        var scheduler = NewScheduler();
        scheduler.Every(10 * Timeframe.MinuteMs, Record("p"), alignToPeriod: false);

        scheduler.FireDue(At(12, 40));

        _fired.ShouldBe(["p@12:17 clock 12:17", "p@12:27 clock 12:27", "p@12:37 clock 12:37"]);
    }

    [Fact]
    public void Callback_CanCancelItsOwnPeriodicTimerAndScheduleOthers_WhichFireInTheSameRoundWhenDue()
    {
        var scheduler = NewScheduler();
        TimerHandle periodic = default;
        var count = 0;
        periodic = scheduler.Every(5 * Timeframe.MinuteMs, due =>
        {
            _fired.Add($"tick@{ReplayedEvent.Hm(due)}");
            if (++count == 2)
            {
                scheduler.Cancel(periodic).ShouldBeTrue();
                scheduler.Schedule(due, Record("now")); // due now: fires in this round, after the current callback
                scheduler.Schedule(due + Timeframe.MinuteMs, Record("soon"));
            }
        });

        scheduler.FireDue(At(13, 0));

        _fired.ShouldBe(["tick@12:05", "tick@12:10", "now@12:10 clock 12:10", "soon@12:11 clock 12:11"]);
        scheduler.PendingCount.ShouldBe(0);
        scheduler.FiredCount.ShouldBe(4);
    }

    [Fact]
    public void Schedule_BeforeNow_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => NewScheduler().Schedule(At(11, 59), Record("x")))
            .Message.ShouldContain("timer due at 1609502340000 (2021-01-01 11:59:00Z) is before now 1609502400000 (2021-01-01 12:00:00Z)");
    }

    [Fact]
    public void Every_NonPositivePeriod_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => NewScheduler().Every(0, Record("x"))).Message.ShouldContain("timer period 0 ms must be positive");
    }

    [Fact]
    public void Cancel_HandleOfAnotherScheduler_Throws()
    {
        var handle = NewScheduler().Schedule(At(12, 5), Record("x"));

        Should.Throw<ArgumentException>(() => NewScheduler().Cancel(handle)).Message.ShouldContain("belongs to another scheduler");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomSchedulesAndCancels_FireExactlyAsASortedModel(int seed)
    {
        // The scheduler's heap against the simplest model that obeys the contract: every pending timer in a list, the
        // next to fire found by scanning for the least (due time, creation order); periodic timers keep their order.
        var random = new Random(seed);
        var scheduler = NewScheduler();
        var model = new List<(long Due, int Id, long Period)>();
        var handles = new Dictionary<int, TimerHandle>();
        var fired = new List<string>();
        var expected = new List<string>();
        var now = _clock.UtcNowMs;
        for (var id = 0; id < 400; id++)
        {
            var choice = random.Next(10);
            if (choice < 5)
            {
                var due = now + (random.Next(0, 40) * 1000L);
                var name = id;
                if (random.Next(4) == 0)
                {
                    var period = random.Next(1, 20) * 1000L;
                    handles[id] = scheduler.Every(period, d => fired.Add($"{name}@{d}"), alignToPeriod: false);
                    model.Add((now + period, id, period));
                }
                else
                {
                    handles[id] = scheduler.Schedule(due, d => fired.Add($"{name}@{d}"));
                    model.Add((due, id, 0));
                }
            }
            else if (choice < 7 && model.Count > 0)
            {
                var victim = model[random.Next(model.Count)];
                scheduler.Cancel(handles[victim.Id]).ShouldBeTrue();
                model.Remove(victim);
            }
            else
            {
                now += random.Next(0, 15) * 1000L;
                while (model.Count > 0)
                {
                    var head = model.OrderBy(t => t.Due).ThenBy(t => t.Id).First();
                    if (head.Due > now)
                    {
                        break;
                    }

                    expected.Add($"{head.Id}@{head.Due}");
                    model.Remove(head);
                    if (head.Period > 0)
                    {
                        model.Add((head.Due + head.Period, head.Id, head.Period));
                    }
                }

                scheduler.FireDue(now);
                if (_clock.UtcNowMs < now)
                {
                    _clock.AdvanceTo(now); // "now" for the next Every, as the replay leaves it
                }

                fired.ShouldBe(expected, $"seed {seed}, step {id}");
                scheduler.PendingCount.ShouldBe(model.Count);
                scheduler.NextDueMs.ShouldBe(model.Count == 0 ? long.MaxValue : model.Min(t => t.Due));
            }
        }

        expected.Count.ShouldBeGreaterThan(100); // the sequences did fire many timers
    }
}
