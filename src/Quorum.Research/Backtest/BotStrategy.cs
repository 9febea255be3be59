using Quorum.Core.Time;
using Quorum.Strategies;

namespace Quorum.Research.Backtest;

/// <summary>One strategy of a backtest with what the bot needs to run it: its descriptor, its sizer and the timeframe its trades are managed on.</summary>
internal sealed record BotStrategy(IStrategy Strategy, StrategyDescriptor Descriptor, IPlanSizer Sizer, Timeframe ManagementTimeframe)
{
    public IPositionAwareStrategy? PositionAware { get; } = Strategy as IPositionAwareStrategy;

    public IFundingAwareStrategy? FundingAware { get; } = Strategy as IFundingAwareStrategy;
}
