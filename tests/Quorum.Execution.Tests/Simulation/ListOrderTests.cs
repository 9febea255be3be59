using Quorum.Core.Trading;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;
using static Quorum.Execution.Tests.Simulation.ExchangeHarness;

namespace Quorum.Execution.Tests.Simulation;

public sealed class ListOrderTests
{
    private static SimulatedExchangeOptions WithBtc(decimal btc) =>
        new() { Slippage = SlippageModel.None, InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 1_000m, ["BTC"] = btc } };

    [Fact]
    public void Oco_WhenOneLegFills_CancelsTheSibling()
    {
        var h = new ExchangeHarness(WithBtc(1m));
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.SubmitOco(new OcoRequest("oco1", Limit("tp", OrderSide.Sell, 1m, 105m), Stop("sl", OrderSide.Sell, 1m, 95m)));
        h.Exchange.Available("BTC").ShouldBe(0m, "one reservation for both legs");

        h.Bar(100m, 106m, 99m, 104m);

        var fill = h.Fills("tp").Single();
        fill.Price.ShouldBe(105m);
        fill.Fee.ShouldBe(0.105m); // maker 0.10 % of 105
        h.Last("sl").Kind.ShouldBe(ExecutionReportKind.Canceled);
        h.Exchange.Balance("USDT").ShouldBe(1_104.895m);
    }

    [Fact]
    public void Oco_WhenOneLegFillsPartially_CancelsTheSiblingToo()
    {
        var options = WithBtc(1m) with { ParticipationCap = 0.1m };
        var h = new ExchangeHarness(options);
        h.Bar(100m, 100m, 100m, 100m);
        h.Exchange.SubmitOco(new OcoRequest("oco1", Limit("tp", OrderSide.Sell, 1m, 105m), Stop("sl", OrderSide.Sell, 1m, 95m)));

        h.Bar(100m, 106m, 99m, 104m, volume: 4m); // 0.4 can fill

        h.Last("tp").Kind.ShouldBe(ExecutionReportKind.PartiallyFilled);
        h.Last("sl").Kind.ShouldBe(ExecutionReportKind.Canceled);
    }

    [Fact]
    public void Bracket_ArmsExitsOnTheEntryFill_TakeProfitShrinksTheStop_StopCancelsTheRest()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.SubmitBracket(new BracketRequest(
            "br1",
            Limit("entry", OrderSide.Buy, 1m, 99m, symbol: Eth),
            Stop("stop", OrderSide.Sell, 1m, 95m, Eth),
            [Limit("tp1", OrderSide.Sell, 0.5m, 105m, symbol: Eth), Limit("tp2", OrderSide.Sell, 0.5m, 110m, symbol: Eth)]));
        h.Of("stop").ShouldBeEmpty("exits are not armed before the entry fills");

        h.Bar(100m, 101m, 98m, 100m, symbol: Eth);
        var entryFill = h.Fills("entry").Single();
        entryFill.Price.ShouldBe(99m);
        entryFill.Fee.ShouldBe(0.0198m); // maker 0.02 % of 99 (Binance USDT-M)
        h.Last("stop").Kind.ShouldBe(ExecutionReportKind.Accepted);
        h.Last("tp1").Kind.ShouldBe(ExecutionReportKind.Accepted);

        h.Bar(100m, 106m, 99.5m, 105m, symbol: Eth);
        h.Fills("tp1").Single().Price.ShouldBe(105m);
        h.Last("stop").Kind.ShouldBe(ExecutionReportKind.Amended);
        h.Last("stop").Amended!.Quantity.ShouldBe(0.5m);

        h.Bar(100m, 101m, 94m, 95m, symbol: Eth);
        var stopFill = h.Fills("stop").Single();
        stopFill.ShouldSatisfyAllConditions(f => f.Price.ShouldBe(95m), f => f.Quantity.ShouldBe(0.5m));
        h.Last("stop").Kind.ShouldBe(ExecutionReportKind.Filled);
        h.Last("tp2").Kind.ShouldBe(ExecutionReportKind.Canceled);

        var position = h.Exchange.GetPosition(Eth);
        position.IsFlat.ShouldBeTrue();
        position.RealizedPnl.ShouldBe(1m); // (105 − 99) × 0.5 + (95 − 99) × 0.5
        position.Fees.ShouldBe(0.0198m + 0.0105m + 0.02375m); // maker 99, maker 0.5×105, taker 0.05 % of 0.5×95
    }

    [Fact]
    public void Bracket_PartialEntry_ArmsExitsSizedToTheFilledQuantity()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Slippage = SlippageModel.None, ParticipationCap = 0.1m });
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.SubmitBracket(new BracketRequest(
            "br1",
            Limit("entry", OrderSide.Buy, 1m, 99m, symbol: Eth),
            Stop("stop", OrderSide.Sell, 1m, 95m, Eth),
            [Limit("tp1", OrderSide.Sell, 1m, 110m, symbol: Eth)]));

        h.Bar(100m, 101m, 98m, 100m, volume: 4m, symbol: Eth); // 0.4 of the entry fills

        h.Last("entry").Kind.ShouldBe(ExecutionReportKind.PartiallyFilled);
        h.Last("stop").Amended!.Quantity.ShouldBe(0.4m);
        h.Last("tp1").Amended!.Quantity.ShouldBe(0.4m);

        h.Exchange.Cancel(Eth, "entry");
        h.Bar(100m, 100m, 94m, 95m, volume: 100m, symbol: Eth);
        h.Fills("stop").Single().Quantity.ShouldBe(0.4m);
        h.Last("tp1").Kind.ShouldBe(ExecutionReportKind.Canceled);
        h.Exchange.GetPosition(Eth).IsFlat.ShouldBeTrue();
    }

    [Fact]
    public void Bracket_WhenTheEntryIsCanceledUnfilled_CancelsTheExits()
    {
        var h = new ExchangeHarness();
        h.Bar(100m, 100m, 100m, 100m, symbol: Eth);
        h.Exchange.SubmitBracket(new BracketRequest(
            "br1", Limit("entry", OrderSide.Buy, 1m, 90m, symbol: Eth), Stop("stop", OrderSide.Sell, 1m, 85m, Eth), [Limit("tp1", OrderSide.Sell, 1m, 110m, symbol: Eth)]));

        h.Exchange.Cancel(Eth, "entry");

        h.Last("stop").Kind.ShouldBe(ExecutionReportKind.Canceled);
        h.Last("tp1").Kind.ShouldBe(ExecutionReportKind.Canceled);
        h.Exchange.Available("USDT").ShouldBe(10_000m);
    }
}
