using System.Threading.Channels;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Workers;
using static Quorum.Strategies.Tests.Seed000.Seed000Bars;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Workers;

public sealed class ModuleWorkerTests
{
    private static readonly ModuleRestartPolicy Policy = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
    private static readonly Bar[] Bars = Ohlc([.. Enumerable.Repeat((100m, 101m, 99m, 100m), 6)]);

    [Fact]
    public async Task Worker_AModuleThatThrows_DoesNotAffectAnotherModulesSignals()
    {
        var clock = new SimulatedClock(Start);
        var queue = Channel.CreateUnbounded<Signal>();
        var good = new ScriptedModule("good") { SignalAt = [0, 1, 2, 3, 4, 5] };
        var bad = new ScriptedModule("bad") { SignalAt = [0, 1, 2, 3, 4, 5], ThrowAt = [1] };
        var faults = Channel.CreateUnbounded<ModuleFault>();
        await using var group = new ModuleWorkerGroup([good, bad], clock, new ChannelSignalSink(queue.Writer), Policy, f => faults.Writer.TryWrite(f));
        group.Start();

        foreach (var bar in Bars)
        {
            await group.PostAsync(new ModuleBar(Btc, M15, bar), TestContext.Current.CancellationToken);
        }

        var fault = await faults.Reader.ReadAsync(TestContext.Current.CancellationToken);
        group.Workers[0].Complete();
        await group.Workers[0].Completion;

        fault.Module.ShouldBe("bad");
        fault.RetryAtMs.ShouldBe(Start + 5_000);
        group.Workers[0].Health.ShouldSatisfyAllConditions(h => h.State.ShouldBe(ModuleHealthState.Ok), h => h.SignalsEmitted.ShouldBe(6));
        group.Workers[1].Health.State.ShouldBe(ModuleHealthState.Error); // waiting for the clock, which does not move
        var fromGood = new List<Signal>();
        while (queue.Reader.TryRead(out var signal))
        {
            if (signal.Strategy == "good")
            {
                fromGood.Add(signal);
            }
        }

        fromGood.Select(s => s.CreatedAtMs).ShouldBe(Bars.Select((_, i) => CloseOf(i)));
    }

    [Fact]
    public async Task Worker_AfterAFailure_WaitsForTheBackoffOnTheInjectedClock_ThenRestartsAndGoesOn()
    {
        var clock = new SimulatedClock(Start);
        var queue = Channel.CreateUnbounded<Signal>();
        var module = new ScriptedModule("m") { SignalAt = [0, 1, 2, 3, 4, 5], ThrowAt = [1] };
        var health = Channel.CreateUnbounded<ModuleHealth>();
        await using var worker = new ModuleWorker(module, clock, new ChannelSignalSink(queue.Writer), Policy, onHealthChanged: h => health.Writer.TryWrite(h));
        worker.Start();
        foreach (var bar in Bars[..3])
        {
            worker.TryPost(new ModuleBar(Btc, M15, bar)).ShouldBeTrue();
        }

        // The error is reported once the restart timer is armed on the simulated clock.
        var error = await health.Reader.ReadAsync(TestContext.Current.CancellationToken);
        error.State.ShouldBe(ModuleHealthState.Error);
        error.RetryAtMs.ShouldBe(Start + 5_000);
        module.Seen.Count.ShouldBe(2); // bar 2 waits in the channel during the backoff

        clock.Advance(TimeSpan.FromSeconds(5));
        var restarted = await health.Reader.ReadAsync(TestContext.Current.CancellationToken);
        worker.Complete();
        await worker.Completion;

        restarted.ShouldSatisfyAllConditions(h => h.State.ShouldBe(ModuleHealthState.Idle), h => h.Restarts.ShouldBe(1));
        module.Resets.ShouldBe(1);
        worker.Health.ShouldSatisfyAllConditions(
            h => h.State.ShouldBe(ModuleHealthState.Ok),
            h => h.LastBarTimeMs.ShouldBe(CloseOf(2)),
            h => h.SignalsEmitted.ShouldBe(2)); // bar 0, then bar 2 as the restarted module's first bar
        var signals = new List<Signal>();
        while (queue.Reader.TryRead(out var signal))
        {
            signals.Add(signal);
        }

        signals.Select(s => s.CreatedAtMs).ShouldBe([CloseOf(0), CloseOf(2)]);
    }

    [Fact]
    public async Task Worker_DisposedDuringABackoff_Stops()
    {
        var clock = new SimulatedClock(Start);
        var module = new ScriptedModule("m") { ThrowAt = [0] };
        var health = Channel.CreateUnbounded<ModuleHealth>();
        var worker = new ModuleWorker(module, clock, new ChannelSignalSink(Channel.CreateUnbounded<Signal>().Writer), Policy, onHealthChanged: h => health.Writer.TryWrite(h));
        worker.Start();
        worker.TryPost(new ModuleBar(Btc, M15, Bars[0]));
        (await health.Reader.ReadAsync(TestContext.Current.CancellationToken)).State.ShouldBe(ModuleHealthState.Error);

        await worker.DisposeAsync();

        worker.Completion.IsCompleted.ShouldBeTrue();
        module.Resets.ShouldBe(0);
    }

    [Fact]
    public void Start_Twice_Throws()
    {
        var worker = new ModuleWorker(new ScriptedModule("m"), new SimulatedClock(Start), new SignalList());
        worker.Start();

        Should.Throw<InvalidOperationException>(worker.Start).Message.ShouldContain("already started");
        worker.Complete();
    }
}
