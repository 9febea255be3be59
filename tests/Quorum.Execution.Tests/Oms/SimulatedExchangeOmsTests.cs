using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Engine;
using Quorum.Execution.Oms;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;
using Trade = Quorum.Execution.Oms.Trade;

namespace Quorum.Execution.Tests.Oms;

/// <summary>The OMS against the real <see cref="SimulatedExchange"/>: the exchange's account must agree with the OMS's trade books.</summary>
public sealed class SimulatedExchangeOmsTests
{
    private static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT.P");
    private static readonly Instrument EthInstrument = new(Eth, new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m));
    private const long Start = 1_609_459_200_000;

    private sealed class Rig
    {
        private long _nextOpen = Start;

        public Rig(VenueCapabilities capabilities, OmsOptions? options = null, FeeSchedule? fees = null, SlippageModel? slippage = null)
        {
            Clock = new SimulatedClock(Start);
            Exchange = new SimulatedExchange(
                new SimulatedExchangeOptions
                {
                    Instruments = [EthInstrument],
                    Capabilities = capabilities,
                    Fees = fees ?? FeeSchedule.Flat(0m),
                    Slippage = slippage ?? SlippageModel.None,
                },
                Clock);
            Oms = new OrderManager(Exchange, Clock, options ?? new OmsOptions());
            Exchange.Connect(Oms);
        }

        public SimulatedClock Clock { get; }

        public SimulatedExchange Exchange { get; }

        public OrderManager Oms { get; }

        public void Bar(decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000m)
        {
            var openTime = _nextOpen;
            _nextOpen += Timeframe.MinuteMs;
            Clock.AdvanceTo(openTime + Timeframe.MinuteMs);
            Exchange.OnReplayBar(Eth, Timeframe.M1, new Bar(openTime, open, high, low, close, volume), BarRole.MatchAndDeliver);
        }
    }

    private static Plan Long(decimal stop = 95m, TakeProfit[]? takeProfits = null, TrailSpec? trail = null, decimal quantity = 1m) =>
        new(Eth, PositionSide.Long, quantity, 100m, stop, takeProfits, trail);

    /// <summary>Entry at bar 1's open (100); bar 2 reaches the 110 target (half); bar 3 falls through the 95 stop.</summary>
    private static Trade RunTargetThenStop(VenueCapabilities capabilities)
    {
        var rig = new Rig(capabilities);
        rig.Bar(100m, 100m, 100m, 100m);
        var trade = rig.Oms.PlanTrade(Long(takeProfits: [new TakeProfit(110m, 0.5m)]));
        rig.Bar(100m, 105m, 99m, 104m);
        rig.Bar(104m, 111m, 103m, 109m);
        rig.Bar(109m, 109m, 94m, 95m);

        // The account agrees with the trade: balance change = net PnL.
        (rig.Exchange.Balance("USDT") - 10_000m).ShouldBe(trade.NetPnl);
        rig.Exchange.GetPosition(Eth).IsFlat.ShouldBeTrue();
        return trade;
    }

    [Fact]
    public void NativeBracket_TargetThenStop_KnownPnl()
    {
        var trade = RunTargetThenStop(VenueCapabilities.All);

        trade.Orders[0].ClientOrderId.ShouldBe("q1-b1-p1-e1-a0");
        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.StopLoss);
        // In 1 @ 100; out 0.5 @ 110 and 0.5 @ 95: gross 55 + 47.5 − 100 = 2.5, no fees.
        trade.RealizedPnl.ShouldBe(2.5m);
        trade.NetPnl.ShouldBe(2.5m);
        trade.RMultiple.ShouldBe(0.5m);
    }

    [Fact]
    public void EmulatedBracket_TargetThenStop_SameResultAsNative()
    {
        var native = RunTargetThenStop(VenueCapabilities.All);
        var emulated = RunTargetThenStop(VenueCapabilities.PlainOrdersOnly);

        emulated.ExitReason.ShouldBe(TradeExitReason.StopLoss);
        emulated.ExitFills.Select(f => (f.Fill.Price, f.Fill.Quantity)).ShouldBe(native.ExitFills.Select(f => (f.Fill.Price, f.Fill.Quantity)));
        emulated.NetPnl.ShouldBe(native.NetPnl);
        // Emulated: the stop was resized by cancel + replace (attempt 1).
        emulated.Orders.Select(o => o.ClientOrderId).ShouldContain("q1-b1-p1-s-a1");
    }

    [Fact]
    public void NativeOco_SingleFullTarget_GoesOutAsOneOcoAndTheTargetCancelsTheStop()
    {
        var rig = new Rig(new VenueCapabilities(NativeBrackets: false));
        rig.Bar(100m, 100m, 100m, 100m);
        var trade = rig.Oms.PlanTrade(Long(takeProfits: [new TakeProfit(110m, 1m)]));
        rig.Bar(100m, 105m, 99m, 104m);
        rig.Bar(104m, 111m, 103m, 109m);

        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.TakeProfit);
        trade.NetPnl.ShouldBe(10m);
        rig.Oms.GetOrder("q1-b1-p1-s-a0").Status.ShouldBe(OrderStatus.Canceled);
        rig.Oms.GetOrder("q1-b1-p1-s-a0").VenueLinked.ShouldBeTrue();
    }

    [Fact]
    public void PercentTrail_WithFeesAndSlippage_RatchetsUpAndTheAccountAgrees()
    {
        var rig = new Rig(new VenueCapabilities(NativeOco: false, NativeBrackets: false), fees: FeeSchedule.Default, slippage: SlippageModel.Default);
        rig.Bar(100m, 100m, 100m, 100m);
        var trade = rig.Oms.PlanTrade(Long(trail: TrailSpec.DefaultPercent));
        rig.Bar(100m, 100.5m, 99.8m, 100.4m);
        var afterFirst = trade.StopPrice;
        rig.Bar(100.4m, 102m, 100.3m, 101.9m);
        var afterSecond = trade.StopPrice;
        rig.Bar(101.9m, 101.95m, 101m, 101.2m);

        // The simulated exchange stamps the entry fill with bar 1's close, so bar 1 (opened before the fill) does not count.
        afterFirst.ShouldBe(95m);
        // Bar 2: high 102 → 102 × (1 − 0.003) = 101.694 → 101.69 (tick 0.01, down), below the close 101.9. Bar 3 falls through it.
        afterSecond.ShouldBe(101.69m);
        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.TrailingStop);
        trade.Fees.ShouldBeGreaterThan(0m);
        (rig.Exchange.Balance("USDT") - 10_000m).ShouldBe(trade.NetPnl);
    }

    [Fact]
    public void PostOnlyEntry_ThatWouldTake_IsRejectedAndTheTradeCancelled()
    {
        var rig = new Rig(VenueCapabilities.All, new OmsOptions { PostOnlyEntries = true });
        rig.Bar(100m, 100m, 100m, 100m);

        var trade = rig.Oms.PlanTrade(Long(stop: 95m), TradeEntry.Limit(101m));

        trade.Status.ShouldBe(TradeStatus.Cancelled);
        trade.ExitReason.ShouldBe(TradeExitReason.Rejected);
        rig.Oms.GetOrder("q1-b1-p1-e1-a0").RejectCode.ShouldBe(OrderRejectCode.PostOnlyWouldTake);
    }

    [Fact]
    public void Liquidation_ClosesTheTradeWithTheVenuesFill()
    {
        var rig = new Rig(VenueCapabilities.All);
        rig.Exchange.SetLeverage(Eth, 50);
        rig.Bar(100m, 100m, 100m, 100m);
        var trade = rig.Oms.PlanTrade(Long(stop: 90m));
        rig.Bar(100m, 100m, 99.9m, 100m);

        rig.Bar(100m, 100m, 96m, 97m);

        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.Liquidation);
        (rig.Exchange.Balance("USDT") - 10_000m).ShouldBe(trade.NetPnl);
    }

    [Fact]
    public void NativeBracket_PartialEntryFills_ExitsGrowWithTheEntry_AndTheAccountAgrees()
    {
        var rig = new Rig(VenueCapabilities.All);
        rig.Bar(101m, 101m, 101m, 101m);
        var trade = rig.Oms.PlanTrade(Long(takeProfits: [new TakeProfit(110m, 0.5m)]), TradeEntry.Limit(100m));

        rig.Bar(101m, 101m, 99m, 100.5m, volume: 0.5m);   // the limit entry fills 0.5 (participation cap = bar volume)
        rig.Bar(105m, 111m, 104m, 110m, volume: 0.5m);    // the take-profit fills its share so far, 0.25
        var takeProfit = rig.Oms.GetOrder("q1-b1-p1-t1-a0");
        var afterFirstShare = takeProfit.Status;
        rig.Bar(110m, 110m, 99m, 100m, volume: 0.5m);     // the entry fills its last 0.5: the take-profit grows to 0.5
        var afterGrowth = takeProfit.Status;
        rig.Bar(100m, 111m, 100m, 110m, volume: 0.5m);    // the take-profit fills its other 0.25
        rig.Bar(110m, 110m, 94m, 95m, volume: 5m);        // the stop closes the other 0.5

        afterFirstShare.ShouldBe(OrderStatus.Filled);
        afterGrowth.ShouldBe(OrderStatus.PartiallyFilled);
        takeProfit.Order.FilledQuantity.ShouldBe(0.5m);
        trade.EntryQuantity.ShouldBe(1m);
        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.StopLoss);
        (rig.Exchange.Balance("USDT") - 10_000m).ShouldBe(trade.NetPnl);
    }

    [Fact]
    public void Spot_WithoutNativeLists_KeepsTheTakeProfitAtTheVenueAndWatchesTheStop_SoCoinsAreNotReservedTwice()
    {
        var btc = Symbol.Parse("BINANCE:BTCUSDT");
        var clock = new SimulatedClock(Start);
        var exchange = new SimulatedExchange(
            new SimulatedExchangeOptions
            {
                Instruments = [new Instrument(btc, new InstrumentFilters(0.01m, 0.00001m, 0.00001m, 5m))],
                Capabilities = VenueCapabilities.PlainOrdersOnly,
                Fees = FeeSchedule.Flat(0m),
                Slippage = SlippageModel.None,
            },
            clock);
        var oms = new OrderManager(exchange, clock, new OmsOptions());
        exchange.Connect(oms);
        var open = Start;
        void Bar(decimal o, decimal h, decimal l, decimal c)
        {
            clock.AdvanceTo(open + Timeframe.MinuteMs);
            exchange.OnReplayBar(btc, Timeframe.M1, new Bar(open, o, h, l, c, 1_000m), BarRole.MatchAndDeliver);
            open += Timeframe.MinuteMs;
        }

        Bar(100m, 100m, 100m, 100m);
        var trade = oms.PlanTrade(new Plan(btc, PositionSide.Long, 1m, 100m, 95m, [new TakeProfit(110m, 0.5m)]));
        Bar(100m, 105m, 99m, 104m);   // entry at 100; the take-profit rests at the venue, the stop is watched
        Bar(104m, 111m, 103m, 109m);  // take-profit 0.5 @ 110
        Bar(109m, 109m, 94m, 95m);    // low 94 ≤ 95: the OMS exits at market
        Bar(94.5m, 95m, 94m, 94.5m);  // … filled at this bar's open, 94.5

        trade.StopEmulated.ShouldBeTrue();
        oms.Orders.ShouldAllBe(o => o.RejectCode == OrderRejectCode.None);
        trade.Status.ShouldBe(TradeStatus.Closed);
        trade.ExitReason.ShouldBe(TradeExitReason.StopLoss);
        // In 1 @ 100; out 0.5 @ 110 and 0.5 @ 94.5: 55 + 47.25 − 100 = 2.25.
        trade.NetPnl.ShouldBe(2.25m);
        (exchange.Balance("USDT") - 10_000m).ShouldBe(trade.NetPnl);
    }

    [Fact]
    public void SameInputs_TwiceGiveTheSameOrdersAndResults()
    {
        static string Run()
        {
            var rig = new Rig(VenueCapabilities.PlainOrdersOnly, new OmsOptions { MaxChildQuantity = 0.4m, BreakEvenTriggerR = 1m }, FeeSchedule.Default, SlippageModel.Default);
            var price = 100m;
            var state = 12345u;
            for (var i = 0; i < 300; i++)
            {
                state = (state * 1_103_515_245u) + 12_345u;
                var move = ((int)(state >> 16) % 41 - 20) / 20m;
                var open = price;
                var close = Math.Max(10m, price + move);
                rig.Bar(open, Math.Max(open, close) + 0.3m, Math.Min(open, close) - 0.3m, close);
                price = close;
                if (i % 25 == 0 && rig.Oms.OpenTrades.Count() == 0)
                {
                    rig.Oms.PlanTrade(new Plan(Eth, PositionSide.Long, 1m, price, price - 2m, [new TakeProfit(price + 2m, 0.5m)], TrailSpec.Percent(1m)));
                }
            }

            return string.Join("\n", rig.Oms.Orders.Select(o => o.Order.ToString()))
                + string.Join("\n", rig.Oms.Trades.Select(t => t.ToString()));
        }

        var first = Run();
        first.ShouldContain("Closed");
        Run().ShouldBe(first);
    }
}
