using BenchmarkDotNet.Attributes;
using Quorum.Core.Trading;
using Quorum.Risk;

namespace Quorum.Benchmarks;

/// <summary>
/// Issue 6: <c>plan()</c> + governor + admission for one signal (<see cref="RiskGate.Evaluate"/>), and its parts. The
/// approve path's allocation is the plan itself (the <see cref="Plan"/>, its take-profit array and its sorted metadata);
/// the governor check and the admission of an unchanged plan allocate nothing. Results go to docs/performance.md
/// ("Risk gate"); the per-call percentiles come from <c>-- risk-latency</c> (<see cref="RiskLatencyProbe"/>).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RiskBenchmarks
{
    private RiskSetup _setup = null!;
    private Plan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _setup = new RiskSetup();
        _plan = _setup.Approve();
    }

    [Benchmark(Description = "gate: governor + plan + admission (approve)")]
    public Plan Gate() => _setup.Gate.Evaluate(_setup.Signal, _setup.Equity, _setup.Context).Plan!;

    [Benchmark(Description = "RiskEngine.Plan (approve)")]
    public Plan Engine() => _setup.Gate.Engine.Plan(_setup.Signal, _setup.Equity, _setup.Context).Plan!;

    [Benchmark(Description = "Governor.CheckEntry")]
    public RiskRule Governor() => _setup.Gate.Governor.CheckEntry(RiskSetup.StartMs);

    [Benchmark(Description = "PortfolioAdmission.Admit (approve)")]
    public RiskVerdict Admission() => _setup.Gate.Admission.Admit(_plan, _setup.Equity, _setup.Context.Instrument).Verdict;
}
