using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

public sealed class ProgressTests
{
    [Fact]
    public void Run_ReportsProgressEveryIntervalEventsAndOnceAtTheEnd()
    {
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(0, 0), 35), BarRole.MatchAndDeliver));
        var clock = new SimulatedClock(At(0, 0));
        var progress = new SynchronousProgress();

        new BacktestLoop(clock, new EngineScheduler(clock)) { ProgressIntervalEvents = 10 }.Run(replay, new RecordingTarget(clock), progress, cancellationToken: TestContext.Current.CancellationToken);

        // After bars 10, 20, 30 (closing 00:10, 00:20, 00:30) and at the end (35 bars, 00:35).
        progress.Reports.ShouldBe(
        [
            new ReplayProgress(10, 35, At(0, 10)),
            new ReplayProgress(20, 35, At(0, 20)),
            new ReplayProgress(30, 35, At(0, 30)),
            new ReplayProgress(35, 35, At(0, 35)),
        ]);
        progress.Reports[^1].Fraction.ShouldBe(1.0);
    }

    [Fact]
    public void Run_WhenCanceled_StopsAtTheNextProgressCheck()
    {
        var replay = new MarketReplay().AddBars(new BarStream(Btc, Timeframe.M1, Bars(Timeframe.M1, At(0, 0), 100), BarRole.MatchAndDeliver));
        var clock = new SimulatedClock(At(0, 0));
        using var cancellation = new CancellationTokenSource();
        var target = new RecordingTarget(clock) { OnEvent = e => { if (e.OpenTimeMs == At(0, 12)) { cancellation.Cancel(); } } };

        Should.Throw<OperationCanceledException>(() =>
            new BacktestLoop(clock, new EngineScheduler(clock)) { ProgressIntervalEvents = 5 }.Run(replay, target, null, cancellation.Token));

        target.Events.Count.ShouldBe(15); // canceled during bar 13; the check after bar 15 stops the run
    }

    [Fact]
    public void ProgressIntervalEvents_BelowOne_Throws()
    {
        var clock = new SimulatedClock(At(0, 0));

        Should.Throw<ArgumentOutOfRangeException>(() => new BacktestLoop(clock, new EngineScheduler(clock)) { ProgressIntervalEvents = 0 });
    }

    private sealed class SynchronousProgress : IProgress<ReplayProgress>
    {
        public List<ReplayProgress> Reports { get; } = [];

        public void Report(ReplayProgress value) => Reports.Add(value);
    }
}
