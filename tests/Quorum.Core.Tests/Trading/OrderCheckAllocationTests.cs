using Quorum.Core.Tests.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

/// <summary>The checks every order event runs allocate nothing when they pass (the backtest makes tens of thousands of them).</summary>
public sealed class OrderCheckAllocationTests
{
    [Fact]
    public void ValidOrder_CheckOrderAndIdCheck_AllocateNothing()
    {
        var instrument = TestInstruments.BtcUsdt;
        var request = new OrderRequest("q1-b1-p1-e1-a0", instrument.Symbol, OrderSide.Buy, OrderType.Limit, 1m, 100m);
        var checks = 0;
        void Check()
        {
            checks += instrument.CheckOrder(request).Count; // empty: the violation list is made only for a violation
            checks += ClientOrderId.IsValid(request.ClientOrderId) ? 0 : 1;
        }

        for (var i = 0; i < 1_000; i++)
        {
            Check(); // JIT and tiering
        }

        // Allocation is counted per thread; one stray runtime allocation may land in a window, a per-call one dirties all.
        var clean = false;
        for (var window = 0; window < 5 && !clean; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                Check();
            }

            clean = GC.GetAllocatedBytesForCurrentThread() == before;
        }

        clean.ShouldBeTrue("CheckOrder or ClientOrderId.IsValid allocated for a valid order");
        checks.ShouldBe(0);
        instrument.CheckOrder(new OrderRequest("q1-b1-p1-e1-a1", instrument.Symbol, OrderSide.Buy, OrderType.Limit, 0.0005m, 100m)).ShouldNotBeEmpty();
    }
}
