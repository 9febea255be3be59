using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Trading;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;
using static Quorum.Execution.Tests.Simulation.ExchangeHarness;

namespace Quorum.Execution.Tests.Simulation;

/// <summary>Invariants on random synthetic bar paths and random order flows.</summary>
public sealed class ExchangePropertyTests
{
    private const decimal InitialUsdt = 10_000m;
    private const decimal InitialBtc = 5m;
    private const decimal BtcMarkInPerpetualRuns = 100m;

    public sealed record Scenario(int Seed, bool Perpetual, IntrabarPath Path, bool Touch, decimal? Cap, int Bars);

    private static readonly Arbitrary<Scenario> Scenarios =
        (from seed in Gen.Choose(0, int.MaxValue)
         from perpetual in Gen.Elements(true, false)
         from path in Gen.Elements(Enum.GetValues<IntrabarPath>())
         from touch in Gen.Elements(true, false)
         from cap in Gen.Elements<decimal?>(null, 1m, 0.3m, 0.05m)
         from bars in Gen.Choose(20, 150)
         select new Scenario(seed, perpetual, path, touch, cap, bars)).ToArbitrary();

    [Fact]
    public void NoFill_EverLandsOutsideTheRangeOfTheBarItFillsOn() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var run = Run(scenario);
            return run.FillsWithBar.All(f => f.Report.Fill!.Price >= f.Bar.Low && f.Report.Fill.Price <= f.Bar.High);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Fees_AreNeverNegative_AndFilledQuantityNeverExceedsTheOrder() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var run = Run(scenario);
            var fills = run.Reports.Where(r => r.Fill is not null && r.Kind != ExecutionReportKind.Liquidated).ToArray();
            var overfilled = fills.GroupBy(r => r.ClientOrderId, StringComparer.Ordinal)
                .Where(g => g.Sum(r => r.Fill!.Quantity) > run.MaxQuantity[g.Key])
                .Select(g => g.Key)
                .ToArray();
            overfilled.ShouldBeEmpty(string.Join("\n", run.Reports.Where(r => overfilled.Contains(r.ClientOrderId))));
            run.Reports.Where(r => r.Fill is not null).ShouldAllBe(r => r.Fill!.Fee >= 0m);
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void NothingHappensToAnOrder_AfterItsTerminalReport() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var run = Run(scenario);
            var terminal = new HashSet<string>(StringComparer.Ordinal);
            foreach (var report in run.Reports)
            {
                if (report.Kind is ExecutionReportKind.CancelRejected || (report.Kind == ExecutionReportKind.Rejected && report.RejectCode == OrderRejectCode.DuplicateClientOrderId))
                {
                    continue;
                }

                terminal.Contains(report.ClientOrderId).ShouldBeFalse($"{report} came after {report.ClientOrderId} ended");
                if (report.IsTerminal)
                {
                    terminal.Add(report.ClientOrderId);
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Equity_EqualsCashPlusMarkedPositions_RebuiltFromTheReportedFillsAndFunding() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var run = Run(scenario);
            var symbol = scenario.Perpetual ? Eth : Btc;
            var mark = run.Exchange.LastPrice(symbol)!.Value;
            var btcMark = scenario.Perpetual ? BtcMarkInPerpetualRuns : mark;

            // cash: every fill moves −side × price × quantity − fee of quote; funding adds its amount;
            // positions: the net filled quantity, marked.
            var cash = InitialUsdt;
            var net = 0m;
            foreach (var fill in run.Reports.Select(r => r.Fill).OfType<Fill>())
            {
                cash += (-fill.Side.Sign() * fill.Price * fill.Quantity) - fill.Fee;
                net += fill.Side.Sign() * fill.Quantity;
            }

            cash += run.Funding.Sum(f => f.Amount);
            var expected = cash + (net * mark) + (InitialBtc * btcMark);
            var marks = new Dictionary<Symbol, decimal> { [Btc] = btcMark, [Eth] = mark };
            var actual = run.Exchange.Equity(marks);
            Math.Abs(actual - expected).ShouldBeLessThan(0.000_000_01m, $"equity {actual} vs cash + marked positions {expected}");
            if (!scenario.Perpetual)
            {
                run.Exchange.Balances.Values.ShouldAllBe(balance => balance >= 0m);
                run.Exchange.Balance("BTC").ShouldBe(InitialBtc + net);
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void SameInputsTwice_GiveIdenticalReportSequences() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var first = Run(scenario);
            var second = Run(scenario);
            first.Reports.SequenceEqual(second.Reports).ShouldBeTrue();
            first.Funding.SequenceEqual(second.Funding).ShouldBeTrue();
            first.Exchange.Balances.ShouldBe(second.Exchange.Balances);
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void RandomFlows_ExerciseFillsRejectionsListsAndLiquidations()
    {
        // Guards the generator: the properties above would pass vacuously on a flow that never fills.
        var runs = Enumerable.Range(0, 40).Select(seed => Run(new Scenario(seed, seed % 2 == 0, IntrabarPath.Conservative, false, 0.3m, 150))).ToArray();
        var kinds = runs.SelectMany(r => r.Reports).Select(r => r.Kind).ToHashSet();
        Enum.GetValues<ExecutionReportKind>().Where(k => !kinds.Contains(k)).ShouldBeEmpty();
        kinds.ShouldBe([
            ExecutionReportKind.Accepted, ExecutionReportKind.Rejected, ExecutionReportKind.Triggered, ExecutionReportKind.PartiallyFilled,
            ExecutionReportKind.Filled, ExecutionReportKind.Canceled, ExecutionReportKind.Expired, ExecutionReportKind.Amended,
            ExecutionReportKind.CancelRejected, ExecutionReportKind.Liquidated], ignoreOrder: true);
        runs.Sum(r => r.Funding.Count).ShouldBeGreaterThan(0);
    }

    private sealed class RunResult(ExchangeHarness harness, Dictionary<string, decimal> maxQuantity)
    {
        public SimulatedExchange Exchange => harness.Exchange;

        public List<ExecutionReport> Reports => harness.Reports;

        public List<FundingPayment> Funding => harness.Funding;

        public List<(ExecutionReport Report, Bar Bar)> FillsWithBar => harness.FillsWithBar;

        public Dictionary<string, decimal> MaxQuantity { get; } = maxQuantity;
    }

    private static RunResult Run(Scenario scenario)
    {
        var random = new Random(scenario.Seed);
        var options = new SimulatedExchangeOptions
        {
            IntrabarPath = scenario.Path,
            LimitFillsOnTouch = scenario.Touch,
            ParticipationCap = scenario.Cap,
            Slippage = new SlippageModel(fixedBps: 2m, impactFactor: 0.1m, halfSpreadBps: 1m),
            InitialBalances = new Dictionary<string, decimal> { ["USDT"] = InitialUsdt, ["BTC"] = InitialBtc },
        };
        var h = new ExchangeHarness(options);
        var symbol = scenario.Perpetual ? Eth : Btc;
        var step = scenario.Perpetual ? 0.001m : 0.00001m;
        if (scenario.Perpetual)
        {
            h.Exchange.SetLeverage(Eth, random.Next(1, 30));
        }

        var maxQuantity = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var ids = new List<string>();
        var next = 0;
        string NewId() => "o" + next++;
        decimal Tick(decimal value) => Math.Max(0.01m, Math.Round(value, 2));
        decimal Quantity() => Math.Max(step, Math.Round((decimal)random.NextDouble() * (scenario.Perpetual ? 30m : 2m), scenario.Perpetual ? 3 : 5));
        OrderSide Side() => random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
        void Track(OrderRequest request)
        {
            maxQuantity[request.ClientOrderId] = Math.Max(maxQuantity.GetValueOrDefault(request.ClientOrderId), request.Quantity);
            ids.Add(request.ClientOrderId);
        }

        OrderRequest RandomOrder(decimal last, OrderSide side, decimal quantity, bool reduceOnly)
        {
            var id = NewId();
            var away = last * (decimal)(random.NextDouble() * 0.05);
            var towardsFill = side == OrderSide.Buy ? -1 : 1;
            switch (random.Next(6))
            {
                case 0:
                    return new OrderRequest(id, symbol, side, OrderType.Market, quantity, reduceOnly: reduceOnly);
                case 1:
                    var tif = (TimeInForce)random.Next(4);
                    return new OrderRequest(id, symbol, side, OrderType.Limit, quantity, Tick(last + (random.Next(3) - 1) * away), timeInForce: tif, reduceOnly: reduceOnly);
                case 2:
                    return new OrderRequest(id, symbol, side, OrderType.StopMarket, quantity, stopPrice: Tick(last - (towardsFill * away)), reduceOnly: reduceOnly);
                case 3:
                    var trigger = Tick(last - (towardsFill * away));
                    return new OrderRequest(id, symbol, side, OrderType.StopLimit, quantity, Tick(trigger - (towardsFill * last * 0.002m)), trigger, reduceOnly: reduceOnly);
                case 4:
                    return new OrderRequest(id, symbol, side, OrderType.TakeProfitMarket, quantity, stopPrice: Tick(last + (towardsFill * away)), reduceOnly: reduceOnly);
                default:
                    var tp = Tick(last + (towardsFill * away));
                    return new OrderRequest(id, symbol, side, OrderType.TakeProfitLimit, quantity, tp, tp, reduceOnly: reduceOnly);
            }
        }

        var price = 100m;
        for (var i = 0; i < scenario.Bars; i++)
        {
            var open = Tick(random.Next(10) == 0 ? price * (1m + ((decimal)random.NextDouble() - 0.5m) * 0.1m) : price);
            var close = Tick(open * (1m + ((decimal)random.NextDouble() - 0.5m) * 0.06m));
            var high = Tick(Math.Max(open, close) * (1m + ((decimal)random.NextDouble() * 0.02m)));
            var low = Tick(Math.Min(open, close) * (1m - ((decimal)random.NextDouble() * 0.02m)));
            h.Bar(open, high, low, close, volume: Math.Round((decimal)random.NextDouble() * 50m, 3), symbol: symbol);
            price = close;
            if (scenario.Perpetual && i % 8 == 7)
            {
                h.Exchange.OnReplayFunding(new FundingRate(Eth, h.Clock.UtcNowMs, Math.Round(((decimal)random.NextDouble() - 0.4m) * 0.002m, 6)));
            }

            for (var action = random.Next(3); action > 0; action--)
            {
                var roll = random.Next(10);
                var position = scenario.Perpetual ? h.Exchange.GetPosition(Eth).SignedQuantity : 0m;
                if (roll < 5)
                {
                    var reduce = scenario.Perpetual && position != 0m && random.Next(3) == 0;
                    var side = reduce ? (position > 0m ? OrderSide.Sell : OrderSide.Buy) : Side();
                    var quantity = reduce ? Math.Min(Quantity(), Math.Abs(position)) : Quantity();
                    var request = RandomOrder(close, side, quantity, reduce);
                    Track(request);
                    h.Exchange.Submit(request);
                }
                else if (roll == 5 && ids.Count > 0)
                {
                    h.Exchange.Cancel(symbol, random.Next(5) == 0 ? "unknown" : ids[random.Next(ids.Count)]);
                }
                else if (roll == 6 && ids.Count > 0)
                {
                    var id = ids[random.Next(ids.Count)];
                    var quantity = Quantity();
                    maxQuantity[id] = Math.Max(maxQuantity[id], quantity);
                    h.Exchange.Amend(new AmendRequest(symbol, id, Quantity: random.Next(2) == 0 ? quantity : null));
                }
                else if (roll == 7)
                {
                    var side = scenario.Perpetual ? Side() : OrderSide.Sell;
                    var sign = side.Sign();
                    var quantity = Quantity();
                    var target = new OrderRequest(NewId(), symbol, side, OrderType.Limit, quantity, Tick(close * (1m - (sign * 0.02m))));
                    var stop = new OrderRequest(NewId(), symbol, side, OrderType.StopMarket, quantity, stopPrice: Tick(close * (1m + (sign * 0.02m))));
                    Track(target);
                    Track(stop);
                    h.Exchange.SubmitOco(new OcoRequest(NewId(), target, stop));
                }
                else if (roll >= 8)
                {
                    var side = Side();
                    var sign = side.Sign();
                    var quantity = Quantity();
                    var entry = random.Next(2) == 0
                        ? new OrderRequest(NewId(), symbol, side, OrderType.Market, quantity)
                        : new OrderRequest(NewId(), symbol, side, OrderType.Limit, quantity, Tick(close * (1m - (sign * 0.005m))));
                    var exit = side.Opposite();
                    var stop = new OrderRequest(NewId(), symbol, exit, OrderType.StopMarket, quantity, stopPrice: Tick(close * (1m - (sign * 0.03m))));
                    var half = Math.Max(step, Math.Round(quantity / 2m, scenario.Perpetual ? 3 : 5, MidpointRounding.ToZero));
                    var takeProfits = new[]
                    {
                        new OrderRequest(NewId(), symbol, exit, OrderType.Limit, half, Tick(close * (1m + (sign * 0.02m)))),
                        new OrderRequest(NewId(), symbol, exit, OrderType.Limit, Math.Max(step, quantity - half), Tick(close * (1m + (sign * 0.04m)))),
                    };
                    if (takeProfits.Sum(t => t.Quantity) > quantity)
                    {
                        takeProfits = takeProfits[..1];
                    }

                    foreach (var request in takeProfits.Prepend(stop).Prepend(entry))
                    {
                        Track(request);
                    }

                    h.Exchange.SubmitBracket(new BracketRequest(NewId(), entry, stop, takeProfits));
                }
            }
        }

        return new RunResult(h, maxQuantity);
    }
}
