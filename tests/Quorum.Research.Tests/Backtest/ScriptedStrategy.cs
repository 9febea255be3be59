using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies;

namespace Quorum.Research.Tests.Backtest;

/// <summary>
/// A test strategy whose subscriptions and reactions are given by the test; it records every bar, funding rate and
/// lifecycle call it receives, in order.
/// </summary>
internal sealed class ScriptedStrategy(IReadOnlyList<StrategySubscription> subscriptions) : IPositionAwareStrategy, IFundingAwareStrategy
{
    public const string StrategyName = "scripted";

    public Action<ScriptedStrategy, Symbol, Timeframe, Bar, ISignalSink>? OnBarScript { get; init; }

    public Action<ScriptedStrategy, ClosedStrategyPosition, ISignalSink>? OnClosedScript { get; init; }

    public List<(Symbol Symbol, Timeframe Timeframe, Bar Bar)> Bars { get; } = [];

    public List<FundingRate> FundingRates { get; } = [];

    public List<string> Events { get; } = [];

    public List<StrategyPosition> Opened { get; } = [];

    public List<ClosedStrategyPosition> Closed { get; } = [];

    public List<(Signal Signal, string Reason)> Rejected { get; } = [];

    public string Name => StrategyName;

    public string Version => "1.0.0";

    public StrategyParameters Parameters { get; } = StrategyParameters.Resolve(StrategyName, [], null);

    public IReadOnlyList<StrategySubscription> Subscriptions { get; } = subscriptions;

    public int WarmUpBars => 1;

    /// <summary>A registry holding only this strategy (created by <paramref name="create"/>) under <see cref="StrategyName"/>.</summary>
    public static StrategyRegistry Registry(Func<StrategyUniverse, ScriptedStrategy> create, int maxOpenTradesPerSymbol = 1, bool averagesDown = false, Timeframe? management = null)
    {
        var registry = new StrategyRegistry();
        registry.Register(new StrategyDescriptor(StrategyName, "1.0.0", "test strategy", [], (_, universe) => create(universe))
        {
            MaxOpenTradesPerSymbol = maxOpenTradesPerSymbol,
            AveragesDown = averagesDown,
            ManagementTimeframe = management,
        });
        return registry;
    }

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        Bars.Add((symbol, timeframe, bar));
        Events.Add($"bar {symbol} {timeframe} {bar.OpenTimeMs}");
        OnBarScript?.Invoke(this, symbol, timeframe, bar, signals);
    }

    public void OnFunding(Symbol symbol, FundingRate rate, ISignalSink signals)
    {
        FundingRates.Add(rate);
        Events.Add($"funding {symbol} {rate.FundingTimeMs}");
    }

    public void OnPositionOpened(StrategyPosition position, ISignalSink signals)
    {
        Opened.Add(position);
        Events.Add($"opened {position.TradeId}");
    }

    public void OnPositionClosed(ClosedStrategyPosition closed, ISignalSink signals)
    {
        Closed.Add(closed);
        Events.Add($"closed {closed.Position.TradeId} {closed.ExitReason}");
        OnClosedScript?.Invoke(this, closed, signals);
    }

    public void OnEntryRejected(Signal signal, string reason, ISignalSink signals)
    {
        Rejected.Add((signal, reason));
        Events.Add($"rejected {reason}");
    }

    public void Reset()
    {
        Bars.Clear();
        FundingRates.Clear();
        Events.Clear();
    }
}
