using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using Quorum.Execution.Engine;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Accounting;

/// <summary>
/// The ledger, fed only the simulated exchange's fills, funding payments and bar closes, keeps the same books as the
/// exchange's account: base balances, perpetual size and entry, cash (= wallet + isolated margin) and equity — through
/// random market orders, moving prices, funding and liquidations.
/// </summary>
public sealed class LedgerAgreesWithSimulatedExchangeTests
{
    private const long Start = 1_609_459_200_000; // 2021-01-01 00:00 UTC

    /// <summary>
    /// The exchange keeps a rounded average entry and moves margin in and out of the wallet; the ledger keeps the exact
    /// entry notional. Both round in the 28th significant digit, differently.
    /// </summary>
    private const decimal Tolerance = 0.000_000_000_001m;

    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");
    private static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT.P");
    private static readonly Instrument BtcInstrument = new(Btc, new InstrumentFilters(0.01m, 0.00001m, 0.00001m, 5m));
    private static readonly Instrument EthInstrument = new(Eth, new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m));

    private static readonly Gen<(bool Perpetual, bool Buy, int QuantityUnits, int BtcMoveBps, int EthMoveBps, int FundingBps)> Step =
        from perpetual in Gen.Elements(false, true)
        from buy in Gen.Elements(true, false)
        from quantityUnits in Gen.Choose(1, 300)
        from btcMove in Gen.Choose(-400, 400)
        from ethMove in Gen.Choose(-800, 800)
        from funding in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-10, 10)))
        select (perpetual, buy, quantityUnits, btcMove, ethMove, funding);

    [Fact]
    public void RandomOrderFlow_LedgerBooksMatchTheExchangeAccountAfterEveryBar()
    {
        Prop.ForAll(Gen.Choose(1, 20).ToArbitrary(), Gen.ListOf(Step).Select(s => s.ToArray()).ToArbitrary(), (leverage, steps) =>
        {
            var run = new Run(leverage);
            var orders = 0;
            foreach (var step in steps)
            {
                var symbol = step.Perpetual ? Eth : Btc;
                var quantity = step.Perpetual ? step.QuantityUnits * 0.01m : step.QuantityUnits * 0.0001m;
                run.Exchange.Submit(new OrderRequest($"o{++orders}", symbol, step.Buy ? OrderSide.Buy : OrderSide.Sell, OrderType.Market, quantity));
                run.Bar(step.BtcMoveBps, step.EthMoveBps);
                if (step.FundingBps != 0)
                {
                    run.Exchange.OnReplayFunding(new FundingRate(Eth, run.Clock.UtcNowMs, step.FundingBps / 10_000m));
                }

                run.ShouldAgree();
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Liquidation_TheLedgerLosesExactlyWhatTheExchangeTakes()
    {
        var run = new Run(leverage: 10);
        run.Exchange.Submit(new OrderRequest("open", Eth, OrderSide.Buy, OrderType.Market, 1m));
        run.Bar(0, 0);
        run.ShouldAgree();

        // −15 % on a 10× long: liquidated.
        run.Bar(0, -1_500);

        run.Liquidations.ShouldBe(1);
        run.Ledger.GetPosition(Eth)!.IsFlat.ShouldBeTrue();
        run.ShouldAgree();
    }

    private sealed class Run : IVenueListener
    {
        private long _openTime = Start;
        private decimal _btc = 20_000m;
        private decimal _eth = 100m;

        public Run(int leverage)
        {
            Clock = new SimulatedClock(Start);
            var options = new SimulatedExchangeOptions
            {
                Instruments = [BtcInstrument, EthInstrument],
                InitialBalances = new Dictionary<string, decimal> { ["USDT"] = 10_000m },
                ParticipationCap = null,
            };
            Exchange = new SimulatedExchange(options, Clock);
            Exchange.Connect(this);
            Exchange.SetLeverage(Eth, leverage);
            Ledger = new PortfolioLedger("USDT", 10_000m);
            Bar(0, 0);
        }

        public SimulatedClock Clock { get; }

        public SimulatedExchange Exchange { get; }

        public PortfolioLedger Ledger { get; }

        public int Liquidations { get; private set; }

        /// <summary>One 1m bar per symbol: open at the last close, close moved by the given basis points, range ±0.5 % beyond.</summary>
        public void Bar(int btcMoveBps, int ethMoveBps)
        {
            var close = _openTime + Timeframe.MinuteMs;
            Clock.AdvanceTo(close);
            _btc = Replay(Btc, _btc, btcMoveBps);
            _eth = Replay(Eth, _eth, ethMoveBps);
            _openTime = close;
        }

        public void ShouldAgree()
        {
            Ledger.Balance("BTC").ShouldBe(Exchange.Balance("BTC"));
            Math.Abs(Ledger.Cash - (Exchange.Balance("USDT") + Exchange.IsolatedMargin(Eth))).ShouldBeLessThanOrEqualTo(Tolerance);
            var exchangePosition = Exchange.GetPosition(Eth);
            var ledgerPosition = Ledger.GetPosition(Eth);
            (ledgerPosition?.SignedQuantity ?? 0m).ShouldBe(exchangePosition.SignedQuantity);
            if (!exchangePosition.IsFlat)
            {
                Math.Abs(ledgerPosition!.AverageEntryPrice - exchangePosition.AverageEntryPrice).ShouldBeLessThanOrEqualTo(Tolerance);
            }

            Math.Abs(Ledger.Equity - Exchange.Equity()).ShouldBeLessThanOrEqualTo(Tolerance);
        }

        public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
        {
        }

        public void OnExecutionReport(ExecutionReport report)
        {
            if (report.Kind == ExecutionReportKind.Liquidated)
            {
                Liquidations++;
            }

            if (report.Fill is { } fill)
            {
                Ledger.ApplyFill(fill);
            }
        }

        public void OnFunding(FundingPayment payment) => Ledger.ApplyFunding(payment);

        private decimal Replay(Symbol symbol, decimal open, int moveBps)
        {
            var close = Math.Max(0.01m, Math.Round(open * (1m + (moveBps / 10_000m)), 2));
            var high = Math.Round(Math.Max(open, close) * 1.005m, 2);
            var low = Math.Max(0.01m, Math.Round(Math.Min(open, close) * 0.995m, 2));
            Exchange.OnReplayBar(symbol, Timeframe.M1, new Bar(_openTime, open, high, low, close, 1_000_000m), BarRole.MatchAndDeliver);
            Ledger.Mark(symbol, close);
            return close;
        }
    }
}
