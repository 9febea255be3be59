using Quorum.Core.Instruments;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Simulation;

/// <summary>How a <see cref="SimulatedExchange"/> behaves; every default is documented in <c>docs/simulated-exchange.md</c>.</summary>
public sealed record SimulatedExchangeOptions
{
    /// <summary>Name reported by <see cref="IVenue.Name"/>.</summary>
    public string Name { get; init; } = "simulated";

    /// <summary>The instruments the exchange lists (filters used to accept or reject orders).</summary>
    public IReadOnlyList<Instrument> Instruments { get; init; } = [];

    /// <summary>Starting wallet balances per asset (default 10 000 USDT).</summary>
    public IReadOnlyDictionary<string, decimal> InitialBalances { get; init; } = new Dictionary<string, decimal> { ["USDT"] = 10_000m };

    /// <summary>The asset equity is measured in (default USDT); other assets are valued through a spot symbol BASE/this.</summary>
    public string AccountAsset { get; init; } = "USDT";

    /// <summary>What the exchange does natively (default everything).</summary>
    public VenueCapabilities Capabilities { get; init; } = VenueCapabilities.All;

    /// <summary>Assumed path through each bar (default <see cref="IntrabarPath.Conservative"/>).</summary>
    public IntrabarPath IntrabarPath { get; init; } = IntrabarPath.Conservative;

    /// <summary>When false (default) a resting limit fills only if the bar trades strictly through its price; when true, on touch.</summary>
    public bool LimitFillsOnTouch { get; init; }

    /// <summary>Maker/taker fees (default the venues' regular rates).</summary>
    public FeeSchedule Fees { get; init; } = FeeSchedule.Default;

    /// <summary>Slippage of taker fills (default 0 bps fixed + 0.1 × range/open × √(qty/volume)).</summary>
    public SlippageModel Slippage { get; init; } = SlippageModel.Default;

    /// <summary>
    /// Largest share of a Match bar's volume the symbol's orders may fill on that bar together
    /// (default 1 = the whole bar volume); null for no cap. The remainder keeps working (GTC), expires (IOC) or kills (FOK).
    /// </summary>
    public decimal? ParticipationCap { get; init; } = 1m;

    /// <summary>Maintenance margin rate of isolated perpetual positions (default 0.5 %).</summary>
    public decimal MaintenanceMarginRate { get; init; } = 0.005m;

    /// <summary>Highest leverage <see cref="SimulatedExchange.SetLeverage"/> accepts (default 125).</summary>
    public int MaxLeverage { get; init; } = 125;
}
