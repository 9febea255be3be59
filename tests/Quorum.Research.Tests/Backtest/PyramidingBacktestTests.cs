using Quorum.Configuration;
using Quorum.Core.Trading;
using Quorum.Research.Backtest;
using Quorum.Risk;
using Quorum.Strategies;
using Quorum.TestKit;
using static Quorum.Research.Tests.Backtest.BacktestSamples;

namespace Quorum.Research.Tests.Backtest;

/// <summary>Seed 001's anti-martingale pyramiding end to end: an add in profit passes the gate once and lifts the first trade's stop.</summary>
public sealed class PyramidingBacktestTests
{
    [Fact]
    public void AnAddInProfit_IsPlacedOnceAndTheFirstTradesStopMovesToTheCombinedStop()
    {
        // The wave rises from bar 0 to bar 30: a long at bar 16 is soon +1R; the strategy asks to add on every bar after.
        using var directory = new TempDirectory();
        var registry = ScriptedStrategy.Registry(_ => new ScriptedStrategy([new(Btc, Core.Time.Timeframe.H1)])
        {
            OnBarScript = (s, symbol, tf, bar, sink) =>
            {
                if (s.Bars.Count is >= 16 and <= 40)
                {
                    sink.Emit(StrategySignals.Entry(ScriptedStrategy.StrategyName, symbol, tf, bar, PositionSide.Long, $"bar {s.Bars.Count - 1}", 1.0, null));
                }
            },
        });
        var governancePath = Path.Combine(Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName);

        var result = new BacktestRunner(Catalog(directory.Path, count: 120), registry).Run(
            new BacktestOptions { Strategy = ScriptedStrategy.StrategyName, Symbols = [Btc], Governance = ConfigLoader.LoadGovernance(governancePath) },
            cancellationToken: TestContext.Current.CancellationToken);

        var decisions = result.Risk.ShouldNotBeNull().Decisions;
        var adds = decisions.Where(d => d.Plan is { } plan && plan.Metadata.ContainsKey(PlanMetadataKeys.PyramidAdd)).ToList();
        var add = adds.ShouldHaveSingleItem("one add per position");
        var first = decisions.First(d => d.Plan is not null);
        var combined = (decimal)add.Plan!.Metadata[PlanMetadataKeys.CombinedStop];
        combined.ShouldBeGreaterThanOrEqualTo(first.Plan!.Entry, "the combined stop is at break-even or better");
        decisions.ShouldContain(d => d.Verdict == RiskVerdict.Denied && d.Rule == RiskRule.Pyramiding && d.Reason.Contains("already added", StringComparison.Ordinal));

        // Two trades of the position overlap; once the add was placed the first trade's stop was at least the combined stop
        // (here the 1.8×ATR runner trail was already above it), so it closed above its entry.
        var trades = result.Trades.Where(t => t.Strategy == ScriptedStrategy.StrategyName).OrderBy(t => t.EntryTimeMs).ToList();
        trades.Count.ShouldBeGreaterThanOrEqualTo(2);
        trades[1].EntryTimeMs.ShouldBeLessThan(trades[0].ExitTimeMs);
        trades[0].AverageExitPrice.ShouldBeGreaterThan(trades[0].AverageEntryPrice);
    }
}
