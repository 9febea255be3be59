using Quorum.Core.Trading;

namespace Quorum.Research.Backtest;

/// <summary>
/// Turns an entry signal into a sized, protected <see cref="Plan"/>. In issue 4 this is the risk layer's
/// placeholder in the backtest (see docs/backtest.md): the RiskEngine of the risk issue replaces it
/// behind this seam.
/// </summary>
public interface IPlanSizer
{
    /// <summary>Short description for the run facts, e.g. <c>risk 1% of equity, stop 2×ATR(14)</c>.</summary>
    string Description { get; }

    SizingDecision Size(Signal signal, SizingContext context);
}
