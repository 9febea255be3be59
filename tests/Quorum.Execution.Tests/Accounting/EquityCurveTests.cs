using Quorum.Core.Trading;
using Quorum.Execution.Accounting;
using static Quorum.Execution.Tests.Accounting.LedgerFills;

namespace Quorum.Execution.Tests.Accounting;

public sealed class EquityCurveTests
{
    [Fact]
    public void Add_TracksThePeakAndTheDrawdownFraction()
    {
        var curve = new EquityCurve(capacity: 2);

        curve.Add(1, 100m);
        curve.Add(2, 120m);
        curve.Add(3, 90m); // (120 − 90) / 120 = 0.25
        curve.Add(4, 108m); // (120 − 108) / 120 = 0.1
        curve.Add(5, 130m);

        curve.Count.ShouldBe(5);
        curve.Capacity.ShouldBe(8); // 2 → 4 → 8
        curve.TimesToArray().ShouldBe([1L, 2, 3, 4, 5]);
        curve.EquityToArray().ShouldBe([100m, 120m, 90m, 108m, 130m]);
        curve.DrawdownToArray().ShouldBe([0m, 0m, 0.25m, 0.1m, 0m]);
        curve.Peak.ShouldBe(130m);
        curve.MaxDrawdown.ShouldBe(0.25m);
    }

    [Fact]
    public void Add_MaxDrawdownIsTheDeepestTroughUnderEachPeak()
    {
        var curve = new EquityCurve();

        curve.Add(1, 100m);
        curve.Add(2, 80m); // (100 − 80) / 100 = 0.2
        curve.Add(3, 90m); // a recovery under the same peak: no new trough
        curve.Add(4, 70m); // (100 − 70) / 100 = 0.3, the deepest
        curve.Add(5, 200m);
        curve.Add(6, 150m); // (200 − 150) / 200 = 0.25 < 0.3
        curve.Add(7, 150m);

        curve.MaxDrawdown.ShouldBe(0.3m);
        curve.DrawdownToArray().ShouldBe([0m, 0.2m, 0.1m, 0.3m, 0m, 0.25m, 0.25m]);
        curve.Drawdown.ToArray().Max().ShouldBe(curve.MaxDrawdown);
    }

    [Fact]
    public void Drawdown_ReadBetweenAdds_ExtendsTheSeriesFromTheRunningPeak()
    {
        var curve = new EquityCurve(capacity: 1);
        curve.Add(1, 100m);
        curve.Add(2, 50m);
        curve.DrawdownToArray().ShouldBe([0m, 0.5m]);

        curve.Add(3, 75m); // still under the peak of 100
        curve.Add(4, 0m);

        curve.DrawdownToArray().ShouldBe([0m, 0.5m, 0.25m, 1m]);
    }

    [Fact]
    public void Add_WhenEquityIsNotPositive_DrawdownIsZeroWithoutAPositivePeak()
    {
        var curve = new EquityCurve();
        curve.Add(1, 0m);
        curve.Add(2, -5m);

        curve.MaxDrawdown.ShouldBe(0m);
        curve.DrawdownToArray().ShouldBe([0m, 0m]);
    }

    [Fact]
    public void Add_WhenTimeDoesNotIncrease_Throws()
    {
        var curve = new EquityCurve();
        curve.Add(10, 1m);

        Should.Throw<ArgumentOutOfRangeException>(() => curve.Add(10, 1m)).Message.ShouldContain("equity point time 10 must be after the previous point's time 10");
        Should.Throw<ArgumentOutOfRangeException>(() => curve.Add(9, 1m));
        curve.Count.ShouldBe(1);
    }

    [Fact]
    public void RecordEquity_SamplesTheLedger()
    {
        var ledger = new PortfolioLedger("USDT", 1_000m);
        ledger.RecordEquity(60_000);
        ledger.ApplyFill(Buy(BtcPerp, 1m, 100m, fee: 0.1m));
        ledger.Mark(BtcPerp, 95m);
        ledger.RecordEquity(120_000);

        ledger.EquityCurve.EquityToArray().ShouldBe([1_000m, 994.9m]); // 999.9 − 5
        ledger.EquityCurve.DrawdownToArray().ShouldBe([0m, 0.0051m]); // 5.1 / 1 000
    }

    [Fact]
    public void FillsMarksAndRecordEquity_InSteadyState_AllocateNothing()
    {
        var ledger = new PortfolioLedger("USDT", 10_000m, equityCurveCapacity: 16);
        ledger.ApplyFill(Buy(BtcSpot, 0.1m, 20_000m));
        ledger.ApplyFill(Sell(EthPerp, 1m, 2_000m));
        var time = 0L;

        // Fills are made by the venue; the ledger applying them must add nothing: a spot round trip with a base fee and a
        // perpetual add/reduce every 10 steps.
        Fill[] fills =
        [
            Buy(BtcSpot, 0.01m, 20_000m, fee: 0.00001m, feeAsset: "BTC"), Sell(BtcSpot, 0.00999m, 20_010m, fee: 0.02m),
            Sell(EthPerp, 0.5m, 2_000m, fee: 1m), Buy(EthPerp, 0.5m, 1_990m, fee: 1m),
        ];

        void Step(int i)
        {
            ledger.Mark(BtcSpot, 20_000m + i);
            ledger.Mark(EthPerp, 2_000m - i);
            if (i % 10 == 0)
            {
                foreach (var fill in fills)
                {
                    ledger.ApplyFill(fill);
                }
            }

            ledger.RecordEquity(time += 60_000);
        }

        for (var i = 0; i < 100_000; i++)
        {
            Step(i % 100); // warm up and grow the curve past 100 000 points (capacity 131 072)
        }

        // Allocation is measured per thread; a stray runtime allocation can land in one window, a per-step one dirties all.
        var clean = false;
        for (var window = 0; window < 5 && !clean; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 2_000; i++)
            {
                Step(i % 100);
            }

            clean = GC.GetAllocatedBytesForCurrentThread() == before;
        }

        clean.ShouldBeTrue();
        ledger.EquityCurve.Count.ShouldBeGreaterThan(100_000);
    }
}
