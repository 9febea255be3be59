using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Execution.Venues;

/// <summary>Receives what a venue reports. Called on the engine's loop thread only.</summary>
public interface IVenueListener
{
    /// <summary>A bar of <paramref name="symbol"/> × <paramref name="timeframe"/> closed. Execution reports caused by that bar (fills of resting orders) arrive before it.</summary>
    void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar);

    /// <summary>An order changed: accepted, triggered, filled, canceled, rejected, expired, amended, liquidated.</summary>
    void OnExecutionReport(ExecutionReport report);

    /// <summary>A funding payment was settled on an open perpetual position.</summary>
    void OnFunding(FundingPayment payment);
}
