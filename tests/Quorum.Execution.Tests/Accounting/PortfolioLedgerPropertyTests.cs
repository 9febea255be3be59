using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using static Quorum.Execution.Tests.Accounting.LedgerFills;

namespace Quorum.Execution.Tests.Accounting;

/// <summary>
/// Invariants over random fill sequences on two spot and two perpetual symbols, checked against an independent
/// cash-flow model: every fill moves −side × price × quantity of quote (perpetuals as if cash-settled), a fee is paid
/// in quote or (on spot, a third of the time) in the base asset at 0.1 % of the quantity, and every symbol's signed size
/// is valued at its mark.
/// </summary>
public sealed class PortfolioLedgerPropertyTests
{
    private const decimal InitialCash = 100_000m;

    /// <summary>
    /// Decimal keeps 28–29 significant digits: splitting a cost basis proportionally (cost × closed / size) rounds in
    /// the last digit, so the model and the ledger may differ by a few units of 10^-20 over a sequence.
    /// </summary>
    private const decimal Tolerance = 0.000_000_000_000_000_001m;

    private static readonly Symbol[] Symbols = [BtcSpot, EthSpot, BtcPerp, EthPerp];

    private static readonly Gen<(int Symbol, bool Buy, decimal Quantity, decimal Price, decimal Fee, decimal Mark, bool BaseFee)> Step =
        from symbol in Gen.Choose(0, Symbols.Length - 1)
        from buy in Gen.Elements(true, false)
        from quantityUnits in Gen.Choose(1, 5_000)
        from priceCents in Gen.Choose(1, 1_000_000)
        from feeMillis in Gen.Choose(0, 2_000)
        from markCents in Gen.Choose(1, 1_000_000)
        from baseFee in Gen.Elements(false, false, true)
        select (symbol, buy, quantityUnits / 1_000m, priceCents / 100m, feeMillis / 1_000m, markCents / 100m, baseFee);

    [Fact]
    public void RandomFills_EquityIsCashPlusMarkedPositions_AndMatchesTheCashFlowModel()
    {
        Prop.ForAll(Gen.ListOf(Step).Select(s => s.ToArray()).ToArbitrary(), steps =>
        {
            var (ledger, model) = Run(steps);

            // equity = cash + Σ marked positions (spot holdings at mark, perpetual unrealized), from the public read side.
            var fromPositions = ledger.Cash + ledger.Positions.Sum(p => p.Symbol.IsPerpetual
                ? p.UnrealizedPnl(model.Marks[p.Symbol])
                : p.Notional(model.Marks[p.Symbol]));
            // Position carries a rounded average entry, so its PnL is exact only to the last decimal digit.
            Math.Abs(ledger.Equity - fromPositions).ShouldBeLessThanOrEqualTo(Tolerance);

            // The independent model: initial cash + Σ −side × price × quantity − Σ fees + Σ size × mark.
            var modelEquity = model.Cash + Symbols.Sum(s => model.Sizes[s] * model.Marks.GetValueOrDefault(s));
            Math.Abs(ledger.Equity - modelEquity).ShouldBeLessThanOrEqualTo(Tolerance);

            // Realized + unrealized − fees + funding is the whole change in equity.
            Math.Abs(ledger.RealizedPnl + ledger.UnrealizedPnl - ledger.Fees - (ledger.Equity - InitialCash)).ShouldBeLessThanOrEqualTo(Tolerance);
            ledger.Fees.ShouldBe(model.Fees);
            ledger.Fees.ShouldBeGreaterThanOrEqualTo(0m);
            ledger.Cash.ShouldBe(ledger.Balance("USDT"));
            ledger.GrossExposure.ShouldBeGreaterThanOrEqualTo(Math.Abs(ledger.NetExposure));
            foreach (var symbol in Symbols)
            {
                var signed = symbol.IsPerpetual ? ledger.GetPosition(symbol)?.SignedQuantity ?? 0m : ledger.Balance(symbol.BaseAsset);
                signed.ShouldBe(model.Sizes[symbol]);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RandomFills_ThatEndFlat_RealizeExactlyTheSignedCashFlows()
    {
        Prop.ForAll(Gen.ListOf(Step).Select(s => s.ToArray()).ToArbitrary(), steps =>
        {
            var (ledger, model) = Run(steps);

            // Close everything at one last price per symbol; then realized PnL = Σ −side × price × quantity over all fills.
            foreach (var symbol in Symbols)
            {
                var size = model.Sizes[symbol];
                if (size != 0m)
                {
                    var close = Make(symbol, size > 0m ? OrderSide.Sell : OrderSide.Buy, Math.Abs(size), 123.45m, 0m, "USDT");
                    ledger.ApplyFill(close);
                    model.Apply(close);
                }
            }

            ledger.Positions.ShouldBeEmpty();
            ledger.UnrealizedPnl.ShouldBe(0m);
            Math.Abs(ledger.RealizedPnl - model.SignedCashFlows).ShouldBeLessThanOrEqualTo(Tolerance);
            ledger.Equity.ShouldBe(ledger.Cash);
            Math.Abs(ledger.Cash - (InitialCash + model.SignedCashFlows - model.Fees)).ShouldBeLessThanOrEqualTo(Tolerance);
        }).QuickCheckThrowOnFailure();
    }

    private static (PortfolioLedger Ledger, CashFlowModel Model) Run((int Symbol, bool Buy, decimal Quantity, decimal Price, decimal Fee, decimal Mark, bool BaseFee)[] steps)
    {
        var ledger = new PortfolioLedger("USDT", InitialCash);
        var model = new CashFlowModel(Symbols);
        foreach (var step in steps)
        {
            var symbol = Symbols[step.Symbol];
            var quantity = step.Quantity;
            var baseFee = step.BaseFee && !symbol.IsPerpetual;
            if (!symbol.IsPerpetual && !step.Buy)
            {
                // Spot cannot sell short: at most what is held, leaving room for a base fee of 0.1 %.
                quantity = Math.Min(quantity, baseFee ? Math.Round(model.Sizes[symbol] / 1.001m, 6, MidpointRounding.ToZero) : model.Sizes[symbol]);
            }

            if (quantity > 0m)
            {
                var fill = baseFee
                    ? Make(symbol, step.Buy ? OrderSide.Buy : OrderSide.Sell, quantity, step.Price, quantity * 0.001m, symbol.BaseAsset)
                    : Make(symbol, step.Buy ? OrderSide.Buy : OrderSide.Sell, quantity, step.Price, step.Fee, "USDT");
                ledger.ApplyFill(fill, symbol.MarketType);
                model.Apply(fill);
            }

            ledger.Mark(symbol, step.Mark);
            model.Marks[symbol] = step.Mark;
        }

        return (ledger, model);
    }

    private sealed class CashFlowModel(Symbol[] symbols)
    {
        public Dictionary<Symbol, decimal> Sizes { get; } = symbols.ToDictionary(s => s, _ => 0m);

        public Dictionary<Symbol, decimal> Marks { get; } = [];

        public decimal SignedCashFlows { get; private set; }

        public decimal Fees { get; private set; }

        public decimal Cash => InitialCash + SignedCashFlows - Fees;

        public void Apply(Fill fill)
        {
            var sign = fill.Side == OrderSide.Buy ? 1m : -1m;
            Sizes[fill.Symbol] += sign * fill.Quantity;
            SignedCashFlows -= sign * fill.Price * fill.Quantity;
            if (fill.FeeAsset == "USDT")
            {
                Fees += fill.Fee;
            }
            else
            {
                // A base fee leaves less base: it is worth fee × fill price when charged, and realizes nothing at that price.
                Sizes[fill.Symbol] -= fill.Fee;
                SignedCashFlows += fill.Fee * fill.Price;
                Fees += fill.Fee * fill.Price;
            }

            Marks[fill.Symbol] = Marks.GetValueOrDefault(fill.Symbol, fill.Price);
        }
    }
}
