using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Engine;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;
using static Quorum.Execution.Tests.Simulation.ExchangeHarness;

namespace Quorum.Execution.Tests.Simulation;

/// <summary>The per-bar path allocates nothing when no order fills (the full-stack benchmark target is 0 bytes per bar).</summary>
public sealed class AllocationTests
{
    private const int Window = 2_000;

    [Fact]
    public void Bars_WithNoWorkingOrders_AllocateNothing()
    {
        var (exchange, clock) = Create();
        OneCleanWindow(exchange, clock, Btc).ShouldBeTrue("a window of 2 000 Match+Deliver bars with no orders allocated nothing");
    }

    [Fact]
    public void Bars_WithAnOpenPositionAndARestingOrderThatDoesNotFill_AllocateNothing()
    {
        var (exchange, clock) = Create();
        exchange.SetLeverage(Eth, 5);
        Replay(exchange, clock, Eth, 1);
        exchange.Submit(new OrderRequest("long", Eth, OrderSide.Buy, OrderType.Market, 1m));
        Replay(exchange, clock, Eth, 1);
        exchange.GetPosition(Eth).IsFlat.ShouldBeFalse();
        exchange.Submit(new OrderRequest("far", Eth, OrderSide.Sell, OrderType.Limit, 1m, 500m, reduceOnly: true));

        OneCleanWindow(exchange, clock, Eth).ShouldBeTrue("a window of 2 000 bars that only check the resting order and the liquidation price allocated nothing");
    }

    private static (SimulatedExchange Exchange, SimulatedClock Clock) Create()
    {
        var clock = new SimulatedClock(Start);
        var exchange = new SimulatedExchange(new SimulatedExchangeOptions { Instruments = [BtcInstrument, EthInstrument] }, clock);
        exchange.Connect(new NullListener());
        return (exchange, clock);
    }

    private static long _openTime = Start;

    private static void Replay(SimulatedExchange exchange, SimulatedClock clock, Core.Instruments.Symbol symbol, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var open = Interlocked.Add(ref _openTime, Timeframe.M1.Milliseconds);
            clock.AdvanceTo(Math.Max(clock.UtcNowMs, open + Timeframe.M1.Milliseconds));
            var bar = new Bar(open, 100m, 101m, 99m, 100m, 1_000m);
            exchange.OnReplayBar(symbol, Timeframe.M1, bar, BarRole.MatchAndDeliver);
        }
    }

    /// <summary>True when one of five windows allocated nothing (a stray runtime allocation can dirty a window; a per-bar one dirties all).</summary>
    private static bool OneCleanWindow(SimulatedExchange exchange, SimulatedClock clock, Core.Instruments.Symbol symbol)
    {
        Replay(exchange, clock, symbol, Window); // warm up
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Replay(exchange, clock, symbol, Window);
            if (GC.GetAllocatedBytesForCurrentThread() == before)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class NullListener : IVenueListener
    {
        public void OnBar(Core.Instruments.Symbol symbol, Timeframe timeframe, in Bar bar)
        {
        }

        public void OnExecutionReport(ExecutionReport report)
        {
        }

        public void OnFunding(FundingPayment payment)
        {
        }
    }
}
