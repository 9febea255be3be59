using Quorum.Core.Instruments;
using Quorum.Risk.Portfolio;

namespace Quorum.Risk.Sizing;

/// <summary>
/// What the <see cref="RiskEngine"/> knows about the market when it sizes a signal.
/// </summary>
/// <param name="Instrument">The instrument and its exchange filters.</param>
/// <param name="ReferencePrice">Entry reference for a market signal (the signal bar's close); a signal's own entry price wins.</param>
/// <param name="Atr">The symbol's ATR on the strategy timeframe (NaN while it warms up: the signal is then refused).</param>
/// <param name="AtrHighThreshold">ATR's <c>atr_percentile</c>-th percentile over its recent history (NaN when unknown: no volatility reduction).</param>
/// <param name="TimeMs">Engine time of the decision (UTC ms).</param>
/// <param name="Position">The open position of this symbol, if any (pyramiding and no-martingale decide on it).</param>
public readonly record struct RiskContext(
    Instrument Instrument,
    decimal ReferencePrice,
    double Atr,
    double AtrHighThreshold,
    long TimeMs,
    OpenPosition? Position = null)
{
    /// <summary>True while ATR is above its high-volatility percentile (dynamic reduction applies).</summary>
    public bool IsHighVolatility => double.IsFinite(AtrHighThreshold) && Atr > AtrHighThreshold;
}
