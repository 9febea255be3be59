using Quorum.Core.Instruments;

namespace Quorum.Configuration;

/// <summary><c>quorum.yaml: venues</c>. A venue left out of the file is disabled.</summary>
/// <param name="Binance"><c>venues.binance</c>.</param>
/// <param name="Bybit"><c>venues.bybit</c>.</param>
public sealed record VenuesConfig(VenueConfig Binance, VenueConfig Bybit)
{
    /// <summary>The settings of <paramref name="venue"/>; <see cref="VenueConfig.Disabled"/> for venues without settings (SYNTH).</summary>
    public VenueConfig For(Venue venue) =>
        venue == Venue.Binance ? Binance : venue == Venue.Bybit ? Bybit : VenueConfig.Disabled;

    public bool AnyEnabled => Binance.Enabled || Bybit.Enabled;
}
