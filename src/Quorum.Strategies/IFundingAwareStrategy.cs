using Quorum.Core.Instruments;
using Quorum.Core.MarketData;

namespace Quorum.Strategies;

/// <summary>
/// A strategy that reads funding rates (seed 001 <c>funding_rev</c>): the bot passes every funding rate of a
/// subscribed perpetual at its funding time, in event-time order with the bars (a funding event at a bar's close
/// comes after that bar).
/// </summary>
public interface IFundingAwareStrategy : IStrategy
{
    void OnFunding(Symbol symbol, FundingRate rate, ISignalSink signals);
}
