using Quorum.Core.Instruments;

namespace Quorum.Data.Synthetic;

/// <summary>
/// One symbol of the synthetic (not real) market. Its venue must be <see cref="Venue.Synthetic"/>
/// (<c>SYNTH:…</c>) unless <see cref="SyntheticMarketOptions.AllowNonSyntheticVenue"/> is set, so
/// that generated data can never be mistaken for a real exchange's.
/// </summary>
/// <param name="Symbol">E.g. <c>SYNTH:BTCUSDT</c>.</param>
/// <param name="StartPrice">Open of the first bar (&gt; 0, at least 100 ticks).</param>
/// <param name="TickSize">Price increment; every price is a whole number of ticks and has the tick's decimals.</param>
/// <param name="VolumeScale">Typical traded volume per hour, in base-asset units.</param>
/// <param name="Beta">Sensitivity to the regime drift and to market-wide jumps (1 = the market).</param>
/// <param name="VolatilityMultiplier">Multiplies the regime volatility (e.g. 1.25 for a coin 25 % more volatile).</param>
/// <param name="VolumeDecimals">Decimals of the volume (its step is 10^−decimals).</param>
public sealed record SyntheticSymbolSpec(
    Symbol Symbol,
    decimal StartPrice,
    decimal TickSize,
    decimal VolumeScale,
    double Beta = 1.0,
    double VolatilityMultiplier = 1.0,
    int VolumeDecimals = 4);
