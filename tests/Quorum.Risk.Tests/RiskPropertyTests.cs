using FsCheck;
using FsCheck.Fluent;
using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Risk.Governance;
using Quorum.Risk.Portfolio;
using Quorum.Risk.Sizing;
using static Quorum.Risk.Tests.RiskTestData;

namespace Quorum.Risk.Tests;

/// <summary>
/// Random sequences of signals (random ATR, strategy stops on either side), fills, price paths, stop-move proposals,
/// equity shocks, day changes and stream losses through one <see cref="RiskGate"/>: every limit holds after every step.
/// </summary>
public sealed class RiskPropertyTests
{
    private static readonly Symbol[] Symbols = [Btc, Eth, Sol, Xrp, Symbol.Parse("BINANCE:ADAUSDT.P")];
    private static readonly decimal[] StartPrices = [30_000m, 2_000m, 100m, 1.5m, 0.5m];

    private static Instrument InstrumentOf(Symbol symbol) => new(symbol, new InstrumentFilters(0.0001m, 0.001m, 0.001m, 5m));

    /// <summary>What a run observed, so that the property cannot pass without exercising the rules.</summary>
    private sealed class Coverage
    {
        public int Accepted;
        public int Blocked;
        public int Adds;
        public int LoserAddsDenied;
        public int StopWidensRefused;
    }

    [Fact]
    public void AnySequence_KeepsEveryLimit()
    {
        var coverage = new Coverage();
        var cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from steps in Gen.Choose(50, 400)
            select (seed, steps);

        Prop.ForAll(cases.ToArbitrary(), c => Run(c.seed, c.steps, RepoGovernance, coverage)).QuickCheckThrowOnFailure();

        coverage.Accepted.ShouldBeGreaterThan(0);
        coverage.Blocked.ShouldBeGreaterThan(0, "locks and halts must have been exercised");
        coverage.Adds.ShouldBeGreaterThan(0, "pyramiding adds must have been exercised");
        coverage.LoserAddsDenied.ShouldBeGreaterThan(0, "adds to losers must have been tried");
        coverage.StopWidensRefused.ShouldBeGreaterThan(0);
    }

    private static bool Run(int seed, int steps, GovernanceConfig governance, Coverage coverage)
    {
        var random = new Random(seed);
        var gate = new RiskGate(new RiskEngine(governance), new Governor(governance, GovernanceHash, new InMemoryGovernorStateStore()), new PortfolioAdmission(governance));
        var book = gate.Admission.Positions;
        var prices = (decimal[])StartPrices.Clone();
        var cash = 10_000m;
        var time = Day0;

        decimal Equity()
        {
            var equity = cash;
            foreach (var p in book.Positions)
            {
                equity += p.Side.Sign() * (p.MarkPrice - p.AverageEntry) * p.Quantity;
            }

            return equity;
        }

        for (var step = 0; step < steps; step++)
        {
            time += random.Next(1, 4) * Hour;
            var i = random.Next(Symbols.Length);
            var symbol = Symbols[i];
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                    prices[i] = Math.Max(0.01m, Math.Round(prices[i] * (1m + (((decimal)random.NextDouble() - 0.5m) * 0.1m)), 4));
                    book.Mark(symbol, prices[i]);
                    if (book.Find(symbol) is { } open && open.Side.Sign() * (prices[i] - open.StopLoss) <= 0m)
                    {
                        var pnl = open.Side.Sign() * (open.StopLoss - open.AverageEntry) * open.Quantity;
                        cash += pnl;
                        book.OnExitFilled(symbol, open.Quantity);
                        gate.OnTradeClosed(time, pnl, Equity());
                    }

                    break;

                case 3 or 4 or 5 or 6:
                    Signal(random, gate, symbol, prices[i], Equity(), time, coverage);
                    break;

                case 7:
                    if (book.Find(symbol) is { } position)
                    {
                        var proposal = Math.Round(prices[i] * (1m + (((decimal)random.NextDouble() - 0.5m) * 0.2m)), 4);
                        var moved = book.TryMoveStop(symbol, proposal);
                        var after = book.Find(symbol)!.Value.StopLoss;
                        (position.Side.Sign() * (after - position.StopLoss) >= 0m).ShouldBeTrue($"stop widened from {position.StopLoss} to {after}");
                        if (!moved && position.Side.Sign() * (proposal - position.StopLoss) < 0m)
                        {
                            coverage.StopWidensRefused++;
                        }
                    }

                    break;

                case 8:
                    cash -= Equity() * (decimal)random.NextDouble() * 0.02m; // fees, funding, a loss elsewhere
                    break;

                default:
                    gate.Governor.ReportStream(time, FeedStreams.Funding, healthy: random.Next(4) != 0);
                    break;
            }

            gate.OnEquity(time, Equity());
            if (gate.Governor.KillSwitchEngaged && random.Next(20) == 0)
            {
                gate.Governor.Unlock("property", "test unlock", time);
            }
        }

        return true;
    }

    private static void Signal(Random random, RiskGate gate, Symbol symbol, decimal price, decimal equity, long time, Coverage coverage)
    {
        var side = random.Next(2) == 0 ? PositionSide.Long : PositionSide.Short;
        var atr = random.Next(12) == 0 ? (random.Next(2) == 0 ? double.NaN : 0.0) : (double)price * random.NextDouble() * 0.05;
        var exits = random.Next(4) switch
        {
            0 => new ExitSpec(stopPrice: Math.Max(0.0001m, Math.Round(price * (1m + (((decimal)random.NextDouble() - 0.5m) * 0.2m)), 4))),
            1 => new ExitSpec(stopAtrMultiple: 0.5m + ((decimal)random.NextDouble() * 3m)),
            _ => null,
        };
        var book = gate.Admission.Positions;
        var before = book.Find(symbol);
        var blocked = gate.Governor.CheckEntry(time) != RiskRule.None;
        var signal = new Signal(symbol, side, "property", 0.5, time, exits: exits);
        var context = new RiskContext(InstrumentOf(symbol), price, atr, random.Next(3) == 0 ? atr * 0.9 : double.NaN, time);

        var decision = gate.Evaluate(signal, equity, context);

        if (blocked)
        {
            coverage.Blocked++;
            decision.Verdict.ShouldBe(RiskVerdict.Denied, "nothing is accepted while locked, paused or halted");
            return;
        }

        if (before is { } losing && losing.Side == side && losing.ProfitR(price) <= 0m)
        {
            coverage.LoserAddsDenied++;
            decision.Verdict.ShouldBe(RiskVerdict.Denied, $"adding to a losing position ({losing.ProfitR(price)}R) must be refused");
        }

        if (decision.Plan is not { } plan)
        {
            decision.Reason.ShouldNotBeNullOrWhiteSpace();
            return;
        }

        coverage.Accepted++;
        plan.RiskAmount.ShouldBeLessThanOrEqualTo(equity * 1.1m / 100m, $"plan risk {plan.RiskAmount} above 1.1 % of {equity}");
        if (before is { } open)
        {
            open.Side.ShouldBe(side);
            open.ProfitR(plan.Entry).ShouldBeGreaterThan(0m, "an add is only made to a winner");
            coverage.Adds++;
        }

        book.OnEntryFilled(plan, plan.Entry, plan.Quantity);
        var filled = book.Find(symbol)!.Value;
        filled.OpenRisk.ShouldBeLessThanOrEqualTo(equity * 1.1m / 100m, $"{symbol} risks {filled.OpenRisk} of {equity} after {decision}");

        book.OpenRisk().ShouldBeLessThanOrEqualTo(equity * 1.5m / 100m, "total open risk above max_portfolio_r_pct 1.5 %");
        book.GrossExposure().ShouldBeLessThanOrEqualTo(equity * 3.0m, "leverage above leverage_cap 3.0");
    }
}
