using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Strategies.BuiltIn;

/// <summary>
/// <c>ema_cross</c>: LONG entry when the fast EMA of the close crosses above the slow EMA, exit of the
/// long when it crosses back below (long-only, on spot and perpetuals alike). A cross is a change of
/// the sign of fast − slow between two closed bars with both EMAs ready; a bar where the EMAs are equal
/// keeps the previous sign, so entries and exits alternate. The sign seen on the first ready bar is
/// only a starting point: no entry is taken because the fast EMA already is above the slow one.
/// </summary>
public sealed class EmaCross : IStrategy
{
    public const string StrategyName = "ema_cross";

    private readonly SubscriptionIndex _index;
    private readonly EmaCrossDetector _cross;

    public EmaCross(StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        FastPeriod = parameters.GetInt32("fast");
        SlowPeriod = parameters.GetInt32("slow");
        Parameters = parameters;
        Subscriptions = universe.PrimarySubscriptions();
        _index = new SubscriptionIndex(Subscriptions);
        _cross = new EmaCrossDetector(Subscriptions.Count, FastPeriod, SlowPeriod, StrategyName);
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyName,
        "1.0.0",
        "Long when the fast EMA of the close crosses above the slow EMA; exit when it crosses back below (long-only).",
        [
            new StrategyParameter("fast", "period of the fast EMA (bars)", 12, 1, 1000, isInteger: true),
            new StrategyParameter("slow", "period of the slow EMA (bars); must exceed fast", 26, 2, 5000, isInteger: true),
        ],
        (parameters, universe) => new EmaCross(parameters, universe));

    public string Name => StrategyName;

    public string Version => Descriptor.Version;

    public StrategyParameters Parameters { get; }

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    /// <summary>The slow EMA is ready at bar <c>slow</c>; the first cross can be seen one bar later.</summary>
    public int WarmUpBars => SlowPeriod + 1;

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var slot = _index.Find(symbol, timeframe);
        if (slot < 0)
        {
            return;
        }

        var cross = _cross.Update(slot, (double)bar.Close);
        if (cross > 0)
        {
            signals.Emit(StrategySignals.Entry(Name, symbol, timeframe, bar, PositionSide.Long, $"ema {FastPeriod} crossed above ema {SlowPeriod}"));
        }
        else if (cross < 0)
        {
            signals.Emit(StrategySignals.Exit(Name, symbol, timeframe, bar, PositionSide.Long, $"ema {FastPeriod} crossed below ema {SlowPeriod}"));
        }
    }

    public void Reset() => _cross.Reset();
}
