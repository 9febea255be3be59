using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Research.Backtest;

/// <summary>
/// The facts of a run that belong next to its results: what ran, on which data, with which costs and fills
/// (<paramref name="Exchange"/>), at which leverage perpetuals traded (<paramref name="Leverage"/>) and how the OMS placed
/// orders (<paramref name="Oms"/>).
/// </summary>
public sealed record BacktestRunInfo(
    string Strategy,
    string StrategyVersion,
    IReadOnlyList<KeyValuePair<string, double>> Parameters,
    IReadOnlyList<Symbol> Symbols,
    Timeframe Timeframe,
    Timeframe? FillTimeframe,
    long? RequestedFromMs,
    long? RequestedToMs,
    long DataFromMs,
    long DataToMs,
    decimal InitialCapital,
    string QuoteAsset,
    ExchangeSettings Exchange,
    int Leverage,
    OmsSettings Oms,
    decimal RiskPercent,
    string Sizing,
    long Bars,
    long FundingEvents,
    bool IsSynthetic);
