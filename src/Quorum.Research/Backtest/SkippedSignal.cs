using Quorum.Core.Trading;

namespace Quorum.Research.Backtest;

/// <summary>A signal that did not become a trade, and why (ATR not ready, below the minimum notional, already in a position, …).</summary>
public sealed record SkippedSignal(Signal Signal, string Reason);
