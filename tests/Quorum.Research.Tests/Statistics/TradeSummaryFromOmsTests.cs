using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using Quorum.Execution.Engine;
using Quorum.Execution.Oms;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;
using Quorum.Research.Statistics;

namespace Quorum.Research.Tests.Statistics;

/// <summary>A trade run through the real OMS and simulated exchange, summarized, agrees with the ledger fed the same fills.</summary>
public sealed class TradeSummaryFromOmsTests
{
    private const long Start = 1_609_459_200_000;
    private static readonly Symbol Perp = Symbol.Parse("BINANCE:ETHUSDT.P");

    [Fact]
    public void FromTrade_ATakeProfitExit_CarriesTheOmsFiguresAndMatchesTheLedger()
    {
        var run = new Run();
        run.Bar(100m, 100m, 100m, 100m);
        var trade = run.Oms.PlanTrade(
            new Plan(Perp, PositionSide.Long, 1m, 100m, 95m, [new TakeProfit(110m, 1m)]),
            new TradeEntry { Strategy = "ema_cross" });
        run.Bar(100m, 100m, 100m, 100m); // market entry fills at the open, 100
        run.Bar(100m, 111m, 99m, 108m); // the take-profit at 110 fills; the stop at 95 is not touched

        trade.Status.ShouldBe(TradeStatus.Closed);
        var summary = TradeSummary.FromTrade(trade);

        summary.TradeId.ShouldBe(trade.TradeId);
        summary.Strategy.ShouldBe("ema_cross");
        summary.Symbol.ShouldBe(Perp);
        summary.Side.ShouldBe(PositionSide.Long);
        summary.AverageEntryPrice.ShouldBe(100m);
        summary.AverageExitPrice.ShouldBe(110m);
        summary.Quantity.ShouldBe(1m);
        summary.GrossPnl.ShouldBe(10m); // (110 − 100) × 1
        summary.InitialRisk.ShouldBe(5m); // |100 − 95| × 1
        summary.ExitReason.ShouldBe("take_profit");
        summary.EntryTimeMs.ShouldBe(trade.OpenedAtMs!.Value);
        summary.ExitTimeMs.ShouldBe(trade.ClosedAtMs!.Value);
        summary.ExitTimeMs.ShouldBeGreaterThan(summary.EntryTimeMs);

        // Every fill of the account belongs to this trade, so the ledger's fees and equity change are the trade's.
        summary.Fees.ShouldBeGreaterThan(0m);
        summary.Fees.ShouldBe(run.Ledger.Fees);
        summary.NetPnl.ShouldBe(run.Ledger.Equity - 10_000m);
        summary.RMultiple.ShouldBe(summary.NetPnl / 5m);
        TradeSummary.FromClosedTrades(run.Oms.Trades).ShouldHaveSingleItem().ShouldBe(summary);
    }

    [Fact]
    public void FromTrade_WhenTheTradeIsStillOpen_Throws()
    {
        var run = new Run();
        run.Bar(100m, 100m, 100m, 100m);
        var trade = run.Oms.PlanTrade(new Plan(Perp, PositionSide.Long, 1m, 100m, 95m));
        run.Bar(100m, 100m, 100m, 100m);

        trade.Status.ShouldBe(TradeStatus.Active);
        Should.Throw<ArgumentException>(() => TradeSummary.FromTrade(trade)).Message.ShouldContain("only a closed trade with fills can be summarized");
        TradeSummary.FromClosedTrades(run.Oms.Trades).ShouldBeEmpty();
    }

    private sealed class Run : IVenueListener
    {
        private long _openTime = Start;

        public Run()
        {
            Clock = new SimulatedClock(Start);
            var instrument = new Instrument(Perp, new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m));
            Exchange = new SimulatedExchange(new SimulatedExchangeOptions { Instruments = [instrument], Slippage = SlippageModel.None }, Clock);
            Oms = new OrderManager(Exchange, Clock, new OmsOptions { BotId = "1" });
            Exchange.Connect(this);
            Ledger = new PortfolioLedger("USDT", 10_000m);
        }

        public SimulatedClock Clock { get; }

        public SimulatedExchange Exchange { get; }

        public OrderManager Oms { get; }

        public PortfolioLedger Ledger { get; }

        public void Bar(decimal open, decimal high, decimal low, decimal close)
        {
            var closeTime = _openTime + Timeframe.MinuteMs;
            Clock.AdvanceTo(closeTime);
            Exchange.OnReplayBar(Perp, Timeframe.M1, new Bar(_openTime, open, high, low, close, 1_000m), BarRole.MatchAndDeliver);
            Ledger.Mark(Perp, close);
            _openTime = closeTime;
        }

        public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar) => Oms.OnBar(symbol, timeframe, bar);

        public void OnExecutionReport(ExecutionReport report)
        {
            if (report.Fill is { } fill)
            {
                Ledger.ApplyFill(fill);
            }

            Oms.OnExecutionReport(report);
        }

        public void OnFunding(FundingPayment payment)
        {
            Ledger.ApplyFunding(payment);
            Oms.OnFunding(payment);
        }
    }
}
