using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

/// <summary>Properties of the merge on random stream sets: no bar before its close, time never goes backwards, the tie rules, nothing lost.</summary>
public sealed class NoLookAheadTests
{
    [Fact]
    public void Run_OnRandomStreamSets_DeliversEveryBarExactlyAtItsCloseInTimeOrderWithTheTieRules()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var replay = RandomReplays.Create(seed);
            var clock = new SimulatedClock(Day);
            var target = new RecordingTarget(clock);

            var result = new BacktestLoop(clock, new EngineScheduler(clock)).Run(replay, target, cancellationToken: TestContext.Current.CancellationToken);

            var events = target.Events;
            var noLookAhead = events.Where(e => e.IsBar).All(e => e.Timeframe!.Value.CloseTime(e.OpenTimeMs) <= e.ClockMs);
            var onTime = events.All(e => e.ClockMs == e.EventTimeMs);
            var ordered = events.Zip(events.Skip(1)).All(pair => pair.First.ClockMs <= pair.Second.ClockMs);
            var ties = events.Zip(events.Skip(1)).Where(pair => pair.First.ClockMs == pair.Second.ClockMs).All(pair =>
                (pair.First.IsBar, pair.Second.IsBar) switch
                {
                    (true, true) => pair.First.Timeframe!.Value.Milliseconds <= pair.Second.Timeframe!.Value.Milliseconds,
                    (false, true) => false, // funding before a bar at the same instant
                    _ => true,
                });
            var complete = replay.Streams.All(stream =>
                events.Where(e => e.Symbol == stream.Symbol && e.Timeframe == stream.Timeframe && e.Role == stream.Role)
                    .Select(e => e.OpenTimeMs)
                    .SequenceEqual(stream.Bars.ToArray().Select(b => b.OpenTimeMs)));
            var counted = result.Events == events.Count && events.Count == replay.EventCount;
            return noLookAhead && onTime && ordered && ties && complete && counted;
        }).QuickCheckThrowOnFailure();
    }
}
