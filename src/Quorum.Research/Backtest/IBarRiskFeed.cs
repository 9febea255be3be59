using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Research.Backtest;

/// <summary>
/// A sizer that needs the market and the account at every bar (the risk gate: the governor's equity points, the ATR
/// percentile, daily closes for correlations). The backtest bot calls it for every delivered closed bar of a traded
/// symbol, after the ledger marked the symbol and the OMS managed its exits, before the strategy sees the bar.
/// </summary>
internal interface IBarRiskFeed
{
    void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, decimal equity);
}
