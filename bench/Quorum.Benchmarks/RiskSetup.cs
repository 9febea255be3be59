using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Risk;
using Quorum.Risk.Governance;
using Quorum.Risk.Portfolio;
using Quorum.Risk.Sizing;

namespace Quorum.Benchmarks;

/// <summary>
/// One signal through the risk gate as a live bot would send it: configs/governance.yaml, three open half-R positions (XRP,
/// ADA, DOGE) in the book, a BTC perpetual long at 30 000 with ATR 300 and default exits.
/// </summary>
internal sealed class RiskSetup
{
    public const long StartMs = 1_704_067_200_000;

    public RiskSetup()
    {
        var path = FindGovernance();
        var governance = ConfigLoader.LoadGovernance(path);
        var hash = ConfigLoader.Sha256Hex(File.ReadAllBytes(path));
        Gate = new RiskGate(new RiskEngine(governance), new Governor(governance, hash, new InMemoryGovernorStateStore()), new PortfolioAdmission(governance));
        Gate.OnEquity(StartMs, Equity);
        var filters = new InstrumentFilters(0.1m, 0.001m, 0.001m, 5m);
        foreach (var (name, price) in new[] { ("XRP", 0.6m), ("ADA", 0.5m), ("DOGE", 0.1m) })
        {
            var symbol = Symbol.Parse($"BINANCE:{name}USDT.P");
            var plan = new Plan(symbol, PositionSide.Long, 1_000m, price, price * 0.99m, riskPercent: 0.1m, riskR: 0.5m);
            Gate.Admission.Positions.OnEntryFilled(plan, price, 1m);
        }

        var btc = Symbol.Parse("BINANCE:BTCUSDT.P");
        Signal = new Signal(btc, PositionSide.Long, "bench", 0.7, StartMs, reason: "benchmark");
        Context = new RiskContext(new Instrument(btc, filters), 30_000m, 300.0, 400.0, StartMs);
    }

    public decimal Equity => 100_000m;

    public RiskGate Gate { get; }

    public Signal Signal { get; }

    public RiskContext Context { get; }

    /// <summary>One decision; throws unless it is an approval (the benchmark measures the approve path).</summary>
    public Plan Approve()
    {
        var decision = Gate.Evaluate(Signal, Equity, Context);
        return decision.Verdict == RiskVerdict.Approved ? decision.Plan! : throw new InvalidOperationException($"expected an approval, got {decision}");
    }

    private static string FindGovernance()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "configs", ConfigLoader.GovernanceFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("configs", ConfigLoader.GovernanceFileName);
    }
}
