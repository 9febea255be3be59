using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Strategies.Tests;

internal static class StrategyHarness
{
    public static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");
    public static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT");

    /// <summary>2021-01-01 00:00 UTC.</summary>
    public const long Start = 1_609_459_200_000;

    public static Bar[] FromCloses(Timeframe timeframe, params decimal[] closes) =>
        [.. closes.Select((c, i) => new Bar(Start + (i * timeframe.Milliseconds), c, c, c, c, 1m))];

    public static List<Signal> Run(IStrategy strategy, Symbol symbol, Timeframe timeframe, IEnumerable<Bar> bars)
    {
        var sink = new SignalList();
        foreach (var bar in bars)
        {
            strategy.OnBar(symbol, timeframe, bar, sink);
        }

        return sink.Signals;
    }

    public static IStrategy Create(string name, Timeframe timeframe, params string[] assignments) =>
        StrategyRegistry.BuiltIn.Create(name, assignments, new StrategyUniverse([Btc], timeframe));
}
