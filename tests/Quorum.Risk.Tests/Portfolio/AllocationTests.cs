using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using static Quorum.Risk.Tests.RiskTestData;

namespace Quorum.Risk.Tests.Portfolio;

/// <summary>The approve path of the governor check and of portfolio admission allocates nothing (measured on this thread; the best of five windows, so a stray JIT or tiering allocation does not count).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void GovernorCheckAndAdmission_OnTheApprovePath_AllocateNothing()
    {
        var gate = Gate();
        gate.OnEquity(Day0, 100_000m);
        foreach (var symbol in new[] { Xrp, Symbol.Parse("BINANCE:ADAUSDT.P"), Symbol.Parse("BINANCE:DOGEUSDT.P") })
        {
            gate.Admission.Positions.OnEntryFilled(new Plan(symbol, PositionSide.Long, 1m, 100m, 99m, riskR: 0.5m), 100m, 1m);
        }

        var plan = new Plan(Btc, PositionSide.Long, 1m, 100m, 96m, riskPercent: 0.8m);
        var instrument = Instrument();
        var best = long.MaxValue;
        var refused = 0;
        for (var window = 0; window < 5; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                if (gate.Governor.CheckEntry(Day0) != RiskRule.None || gate.Admission.Admit(plan, 100_000m, instrument).Verdict != RiskVerdict.Approved)
                {
                    refused++;
                }
            }

            best = Math.Min(best, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        refused.ShouldBe(0);
        best.ShouldBe(0L);
    }
}
