using Quorum.Strategies.Workers;
using static Quorum.Strategies.Tests.Seed000.Seed000Bars;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Workers;

public sealed class ModuleSupervisorTests
{
    private static readonly ModuleRestartPolicy Policy = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));
    private static readonly (decimal, decimal, decimal, decimal) Flat = (100m, 101m, 99m, 100m);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 60)] // 80 capped at the max
    [InlineData(40, 60)]
    public void DelayAfter_DoublesPerFailureInARow_UpToTheMax(int failures, int seconds)
    {
        Policy.DelayAfter(failures).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Process_HealthGoesIdleRunningOkErrorAndBackAfterTheBackoff()
    {
        var module = new ScriptedModule("m") { SignalAt = [0], ThrowAt = [1] };
        var supervisor = new ModuleSupervisor(module, Policy);
        var during = new List<ModuleHealthState>();
        module.During = () => during.Add(supervisor.State);
        var bars = Ohlc(Flat, Flat);
        var sink = new SignalList();
        supervisor.Health().State.ShouldBe(ModuleHealthState.Idle);

        supervisor.Process(Btc, M15, bars[0], 1_000, sink).ShouldBeTrue();
        supervisor.Health().ShouldSatisfyAllConditions(
            h => h.State.ShouldBe(ModuleHealthState.Ok),
            h => h.SignalsEmitted.ShouldBe(1),
            h => h.LastBarTimeMs.ShouldBe(CloseOf(0)));

        supervisor.Process(Btc, M15, bars[1], 2_000, sink).ShouldBeFalse();
        supervisor.Health().ShouldSatisfyAllConditions(
            h => h.State.ShouldBe(ModuleHealthState.Error),
            h => h.LastErrorAtMs.ShouldBe(2_000),
            h => h.RetryAtMs.ShouldBe(12_000),
            h => h.Restarts.ShouldBe(0));

        supervisor.Process(Btc, M15, bars[0], 11_999, sink).ShouldBeFalse(); // still backing off: skipped
        module.Seen.Count.ShouldBe(2);
        supervisor.Health().BarsSkipped.ShouldBe(1);

        supervisor.Process(Btc, M15, bars[0], 12_000, sink).ShouldBeTrue(); // due: reset, restarted, run
        module.Resets.ShouldBe(1);
        supervisor.Health().ShouldSatisfyAllConditions(
            h => h.State.ShouldBe(ModuleHealthState.Ok),
            h => h.Restarts.ShouldBe(1),
            h => h.RetryAtMs.ShouldBeNull(),
            h => h.LastError.ShouldBe("InvalidOperationException: m fails on bar 1"));
        during.ShouldBe([ModuleHealthState.Running, ModuleHealthState.Running, ModuleHealthState.Running]);
        sink.Signals.Count.ShouldBe(2); // bar index 0 before the failure and again after the restart
    }

    [Fact]
    public void Process_ConsecutiveFailures_BackOffExponentially_AndASuccessEndsTheRun()
    {
        var module = new ScriptedModule("m") { ThrowAt = [0] }; // throws on the first bar after every restart
        var supervisor = new ModuleSupervisor(module, Policy);
        var bar = Ohlc(Flat)[0];
        var sink = new SignalList();

        supervisor.Process(Btc, M15, bar, 0, sink);
        supervisor.RetryAtMs.ShouldBe(10_000);
        supervisor.Process(Btc, M15, bar, 10_000, sink);
        supervisor.RetryAtMs.ShouldBe(30_000); // 10 s + 20 s
        supervisor.Process(Btc, M15, bar, 30_000, sink);
        supervisor.RetryAtMs.ShouldBe(70_000); // + 40 s

        module.ThrowAt.Clear();
        supervisor.Process(Btc, M15, bar, 70_000, sink).ShouldBeTrue();
        module.ThrowAt.Add(1);
        supervisor.Process(Btc, M15, bar, 80_000, sink).ShouldBeFalse();
        supervisor.RetryAtMs.ShouldBe(90_000); // the run of failures restarted at 10 s
        supervisor.Health().Restarts.ShouldBe(3);
    }

    [Fact]
    public void Process_AFailingReset_IsAFailureToo()
    {
        var module = new ScriptedModule("m") { ThrowAt = [0], ThrowOnReset = true };
        var faults = new List<ModuleFault>();
        var supervisor = new ModuleSupervisor(module, Policy, faults.Add);
        var bar = Ohlc(Flat)[0];

        supervisor.Process(Btc, M15, bar, 0, new SignalList());
        supervisor.Process(Btc, M15, bar, 10_000, new SignalList()).ShouldBeFalse();

        faults.Select(f => f.Operation).ShouldBe(["on_bar", "reset"]);
        faults[1].ConsecutiveFailures.ShouldBe(2);
        supervisor.Health().ShouldSatisfyAllConditions(h => h.State.ShouldBe(ModuleHealthState.Error), h => h.RetryAtMs.ShouldBe(30_000), h => h.Restarts.ShouldBe(0));
    }

    [Fact]
    public void Process_WhenNoFailure_AllocatesNothing()
    {
        var module = new ScriptedModule("m") { Record = false };
        var supervisor = new ModuleSupervisor(module, Policy);
        var bars = Ohlc([.. Enumerable.Repeat(Flat, 2_000)]);
        var sink = new SignalList();
        for (var i = 0; i < 1_000; i++)
        {
            supervisor.Process(Btc, M15, bars[i], i, sink);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1_000; i < 2_000; i++)
        {
            supervisor.Process(Btc, M15, bars[i], i, sink);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
