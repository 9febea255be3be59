using Quorum.Configuration;
using Quorum.Research.Backtest;
using Quorum.Risk;
using Quorum.TestKit;
using static Quorum.Research.Tests.Backtest.BacktestSamples;

namespace Quorum.Research.Tests.Backtest;

public sealed class StrategyCapTests
{
    [Fact]
    public void Dca_ThroughTheRiskGate_BuysAtMostItsStepAmountPerStep()
    {
        // The wave market drops 20 % from its first high, so DCA steps trigger; every step is capped at 150 USDT of
        // notional (the gate would size 0.8 % risk to a 15 % stop ≈ 530 USDT on 10 000).
        using var directory = new TempDirectory();
        var governancePath = Path.Combine(directory.Path, ConfigLoader.GovernanceFileName);
        File.WriteAllText(governancePath, File.ReadAllText(Path.Combine(Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName))
            .Replace("no_martingale: true", "no_martingale: false", StringComparison.Ordinal));

        var result = new BacktestRunner(Catalog(directory.Path)).Run(
            new BacktestOptions
            {
                Strategy = "dca",
                Symbols = [Btc],
                Parameters = [new("step_amount", "150")],
                Governance = ConfigLoader.LoadGovernance(governancePath),
            },
            cancellationToken: TestContext.Current.CancellationToken);

        result.Trades.Count.ShouldBeGreaterThan(2);
        result.Trades.ShouldAllBe(t => t.Quantity * t.AverageEntryPrice <= 150m);
        var capped = result.Risk.ShouldNotBeNull().Decisions.Where(d => d.Rule == RiskRule.StrategyCap).ToList();
        capped.ShouldNotBeEmpty();
        capped.ShouldAllBe(d => d.Verdict == RiskVerdict.Resized && d.Reason.Contains("dca asks for at most 150 USDT", StringComparison.Ordinal));
    }
}
