using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Execution.Engine;

/// <summary>
/// Where the backtest/paper-replay driver sends the merged market history, in time order, on the
/// loop thread: the simulated exchange, which matches resting orders against <see cref="BarRole.Match"/>
/// bars, settles funding, and forwards <see cref="BarRole.Deliver"/> bars to its listener after the
/// fills they caused. The driver has already advanced the clock to the bar's close time.
/// </summary>
/// <remarks>
/// Order (see <see cref="BacktestLoop"/> and docs/engine.md): by event time (bar close, funding time); at one instant
/// bars before funding, finer timeframes first (so a symbol's Match bars before its coarser Deliver bars), then the
/// order the streams were added to the <see cref="MarketReplay"/>. Scheduler timers due at that instant run after all of it.
/// </remarks>
public interface IMarketReplayTarget
{
    /// <summary>A bar of <paramref name="symbol"/> × <paramref name="timeframe"/> has closed (clock = open time + timeframe).</summary>
    void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role);

    /// <summary>A funding rate settles now (clock = its funding time).</summary>
    void OnReplayFunding(FundingRate rate);
}
