using Quorum.Core.Time;

namespace Quorum.Strategies;

/// <summary>What the registry knows about a strategy before creating it: name, version, description, parameters and a factory.</summary>
public sealed record StrategyDescriptor(
    string Name,
    string Version,
    string Description,
    IReadOnlyList<StrategyParameter> Parameters,
    Func<StrategyParameters, StrategyUniverse, IStrategy> Factory)
{
    /// <summary>Where the strategy comes from: <c>seed 000</c>, <c>seed 001</c>, <c>seed 003</c> or <c>quorum</c> (built-in baselines).</summary>
    public string Origin { get; init; } = "quorum";

    /// <summary>
    /// The timeframes the strategy works on, lowest first (e.g. 1h and 4h for <c>breakout_4h</c>); the backtest resamples
    /// the data to each and refuses data of a higher timeframe than the lowest. Null: the strategy runs on whatever
    /// timeframe the data has (<see cref="StrategyUniverse.Timeframe"/>).
    /// </summary>
    public IReadOnlyList<Timeframe>? Timeframes { get; init; }

    /// <summary>
    /// The timeframe whose bars drive exit management (ATR trails, break-even, bar time stops; the ATR of ATR stops and
    /// trails is ATR(14) on it). Null: the lowest of <see cref="Timeframes"/>, or the data's timeframe.
    /// </summary>
    public Timeframe? ManagementTimeframe { get; init; }

    /// <summary>How many trades of this strategy may be open on one symbol at once (1 for most; a grid holds one per level).</summary>
    public int MaxOpenTradesPerSymbol { get; init; } = 1;

    /// <summary>
    /// True when the strategy adds to losing positions (DCA). Such a strategy refuses to start while governance.yaml says
    /// <c>no_martingale: true</c> (<see cref="StrategyStartCheck"/>).
    /// </summary>
    public bool AveragesDown { get; init; }

    /// <summary>One line per parameter, for <c>--help</c> and errors.</summary>
    public string ParameterHelp => Parameters.Count == 0
        ? "no parameters"
        : string.Join("; ", Parameters.Select(p => p.ToString()));

    /// <summary>The timeframes as shown by <c>quorum strategies</c>, e.g. <c>1h, 4h</c> or <c>any (the data's)</c>.</summary>
    public string TimeframeText => Timeframes is { Count: > 0 } list ? string.Join(", ", list) : "any (the data's)";
}
