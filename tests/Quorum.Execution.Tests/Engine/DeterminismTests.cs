using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

public sealed class DeterminismTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public void Run_TwiceOnTheSameInputs_GivesTheSameEventSequenceHash(int seed)
    {
        static string RunOnce(int seed)
        {
            var clock = new SimulatedClock(Day);
            var scheduler = new EngineScheduler(clock);
            var target = new RecordingTarget(clock);
            scheduler.Every(15 * Timeframe.MinuteMs, target.Timer("15m task"));
            scheduler.Schedule(Day + (7 * Timeframe.HourMs) + 1, target.Timer("time stop"));
            new BacktestLoop(clock, scheduler).Run(RandomReplays.Create(seed), target, cancellationToken: TestContext.Current.CancellationToken);
            target.Events.Count.ShouldBeGreaterThan(0);
            return target.Hash();
        }

        RunOnce(seed).ShouldBe(RunOnce(seed));
    }

    [Fact]
    public void Run_OnDifferentInputs_GivesDifferentHashes()
    {
        // Guards the hash itself: it must see the events, or the test above could not fail.
        static string RunOnce(int seed)
        {
            var clock = new SimulatedClock(Day);
            var target = new RecordingTarget(clock);
            new BacktestLoop(clock, new EngineScheduler(clock)).Run(RandomReplays.Create(seed), target, cancellationToken: TestContext.Current.CancellationToken);
            return target.Hash();
        }

        RunOnce(1).ShouldNotBe(RunOnce(2));
    }
}
