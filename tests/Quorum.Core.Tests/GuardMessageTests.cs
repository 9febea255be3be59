using Quorum.Core.Tests.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests;

public sealed class GuardMessageTests
{
    [Fact]
    public void FailedChecks_NameTheValueWithTheInterpolatedText()
    {
        var instrument = TestInstruments.BtcUsdt;

        Should.Throw<ArgumentOutOfRangeException>(() => instrument.RoundPrice(-2m)).Message.ShouldContain("BINANCE:BTCUSDT price -2 must be positive (> 0)");
        Should.Throw<ArgumentOutOfRangeException>(() => instrument.RoundQuantity(-0.5m)).Message.ShouldContain("BINANCE:BTCUSDT quantity -0.5 must be non-negative (≥ 0)");
        Should.Throw<ArgumentOutOfRangeException>(() => new OrderRequest("q1-b1-p1-e-a1", instrument.Symbol, OrderSide.Buy, OrderType.Market, 0m))
            .Message.ShouldContain("order q1-b1-p1-e-a1 quantity 0 must be positive (> 0)");
        Should.Throw<ArgumentOutOfRangeException>(() => new Order(new OrderRequest("q1-b1-p1-e-a1", instrument.Symbol, OrderSide.Buy, OrderType.Market, 1m), 0, OrderStatus.Filled, 1m, -3m))
            .Message.ShouldContain("order q1-b1-p1-e-a1 average fill price -3 must be positive (> 0) when given");
    }

    [Fact]
    public void PassingChecks_BuildNoMessage()
    {
        var instrument = TestInstruments.BtcUsdt;
        var sink = 0m;
        void Round(int i)
        {
            sink += instrument.RoundPrice(100.123m + i);
            sink += instrument.RoundQuantity(0.123456m + i);
        }

        for (var i = 0; i < 1_000; i++)
        {
            Round(i); // JIT and tiering
        }

        // Allocation is counted per thread; one stray runtime allocation may land in a window, a per-call message dirties all.
        var clean = false;
        for (var window = 0; window < 5 && !clean; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                Round(i);
            }

            clean = GC.GetAllocatedBytesForCurrentThread() == before;
        }

        clean.ShouldBeTrue("RoundPrice/RoundQuantity allocated on checks that passed: their messages are built eagerly");
        sink.ShouldBeGreaterThan(0m);
    }
}
