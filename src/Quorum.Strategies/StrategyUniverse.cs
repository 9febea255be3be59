using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Strategies;

/// <summary>What a strategy instance trades: its symbols (distinct, in the order given) and its primary timeframe.</summary>
public sealed record StrategyUniverse
{
    public StrategyUniverse(IEnumerable<Symbol> symbols, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var list = new List<Symbol>();
        foreach (var symbol in symbols)
        {
            if (symbol == default)
            {
                throw new ArgumentException("a strategy universe cannot contain an empty symbol", nameof(symbols));
            }

            if (!list.Contains(symbol))
            {
                list.Add(symbol);
            }
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("a strategy universe needs at least one symbol", nameof(symbols));
        }

        if (timeframe == default)
        {
            throw new ArgumentException("a strategy universe needs a timeframe", nameof(timeframe));
        }

        Symbols = list;
        Timeframe = timeframe;
    }

    public IReadOnlyList<Symbol> Symbols { get; }

    public Timeframe Timeframe { get; }

    /// <summary>One subscription per symbol on <see cref="Timeframe"/>.</summary>
    public IReadOnlyList<StrategySubscription> PrimarySubscriptions() => [.. Symbols.Select(s => new StrategySubscription(s, Timeframe))];

    /// <summary>
    /// One subscription per symbol and timeframe for a strategy with fixed timeframes, symbol by symbol, each in the order
    /// given (e.g. BTC 1h, BTC 4h, ETH 1h, ETH 4h).
    /// </summary>
    public IReadOnlyList<StrategySubscription> SubscriptionsFor(IEnumerable<Timeframe> timeframes)
    {
        ArgumentNullException.ThrowIfNull(timeframes);
        var list = timeframes.Distinct().ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("a strategy needs at least one timeframe", nameof(timeframes));
        }

        return [.. Symbols.SelectMany(s => list.Select(tf => new StrategySubscription(s, tf)))];
    }
}
