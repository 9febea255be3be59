using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Data.Catalog;
using Quorum.Data.Import;
using Quorum.Research.Backtest;
using Quorum.Research.Reports;
using Quorum.Risk;
using Quorum.Risk.Governance;
using Quorum.Strategies;
using Quorum.TestKit;

namespace Quorum.Research.Tests.Backtest;

/// <summary>
/// The risk gate in a backtest on real data: BTCUSDT perpetual 1h through the May-2021 crash (2021-05-10 → 2021-05-25),
/// with a strategy that buys every dip it can (a long entry on every bar while flat, stop 0.5×ATR). Its losing streak
/// locks the day (max_daily_loss_pct 1.8) and then trips the kill switch (kill_switch_drawdown_72h 3.5), and both show in
/// result.json with the decisions they caused.
/// </summary>
public sealed class RiskGateBacktestTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT.P");

    [Fact]
    public void MayCrash_DipBuyer_TriggersTheDailyLockAndTheKillSwitch_VisibleInResultJson()
    {
        var result = Run();
        var risk = result.Risk.ShouldNotBeNull();

        risk.DailyLocks.ShouldBeGreaterThanOrEqualTo(1);
        risk.KillSwitches.ShouldBe(1, "the kill switch engages once and nobody unlocks a backtest");
        var locked = risk.GovernorEvents.First(e => e.Kind == GovernorEventKind.DailyLockEngaged);
        var halted = risk.GovernorEvents.Single(e => e.Kind == GovernorEventKind.KillSwitchEngaged);
        locked.Reason.ShouldContain("max_daily_loss_pct 1.8%");
        halted.Reason.ShouldContain("kill_switch_drawdown_72h 3.5%");
        halted.State.ShouldBe(TradingState.Halted);

        // Nothing was accepted while locked or halted.
        var afterHalt = risk.Decisions.Where(d => d.EngineTimeMs >= halted.EngineTimeMs).ToList();
        afterHalt.ShouldNotBeEmpty();
        afterHalt.ShouldAllBe(d => d.Verdict == RiskVerdict.Denied && d.Rule == RiskRule.KillSwitch);
        var lockEnd = locked.EngineTimeMs - (locked.EngineTimeMs % 86_400_000) + 86_400_000;
        risk.Decisions.Where(d => d.EngineTimeMs >= locked.EngineTimeMs && d.EngineTimeMs < Math.Min(lockEnd, halted.EngineTimeMs))
            .ShouldAllBe(d => d.Verdict == RiskVerdict.Denied);
        risk.Decisions.Where(d => d.Plan != null).ShouldAllBe(d => d.Plan!.RiskPercent <= 1.1m);

        var json = ResultJsonWriter.Write(result);
        json.ShouldContain("\"kind\": \"daily_lock_engaged\"");
        json.ShouldContain("\"kind\": \"kill_switch_engaged\"");
        json.ShouldContain("\"rule\": \"kill_switch\"");
        json.ShouldContain($"\"kill_switches\": 1");
    }

    private static BacktestResult Run()
    {
        var bars = SharedData.Require("ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv");
        using var directory = new TempDirectory();
        var catalog = new DataCatalog(directory.Path);
        new DataImporter(catalog).Import(bars, Btc, Timeframe.H1, CatalogWriteMode.Replace);
        var governancePath = Repository.Combine("configs", ConfigLoader.GovernanceFileName);
        var registry = ScriptedStrategy.Registry(_ => new ScriptedStrategy([new StrategySubscription(Btc, Timeframe.H1)])
        {
            OnBarScript = (s, symbol, timeframe, bar, sink) =>
            {
                if (s.Opened.Count == s.Closed.Count)
                {
                    sink.Emit(StrategySignals.Entry(ScriptedStrategy.StrategyName, symbol, timeframe, bar, PositionSide.Long, "buy the dip", 1.0, new ExitSpec(stopAtrMultiple: 0.5m)));
                }
            },
        });
        var options = new BacktestOptions
        {
            Strategy = ScriptedStrategy.StrategyName,
            Symbols = [Btc],
            Timeframe = Timeframe.H1,
            FromMs = BacktestTime.Parse("2021-05-10", "--from"),
            ToMs = BacktestTime.Parse("2021-05-25", "--to"),
            Governance = ConfigLoader.LoadGovernance(governancePath),
            GovernanceSha256 = ConfigLoader.Sha256Hex(File.ReadAllBytes(governancePath)),
        };
        return new BacktestRunner(catalog, registry).Run(options, cancellationToken: TestContext.Current.CancellationToken);
    }
}
