using Quorum.Core.Instruments;

namespace Quorum.Execution.Simulation;

/// <summary>
/// Maker/taker fees per venue and market type. <see cref="Default"/> holds the venues' regular
/// (VIP 0, no BNB/MNT discount) rates: Binance spot 0.10 %/0.10 %, Binance USDT-M 0.02 %/0.05 %,
/// Bybit spot 0.10 %/0.10 %, Bybit linear 0.02 %/0.055 %; the synthetic venue uses Binance's.
/// Fees are charged in the quote asset.
/// </summary>
public sealed class FeeSchedule
{
    private readonly FeeRates? _flat;
    private readonly Dictionary<(string Venue, MarketType Market), FeeRates> _rates;

    private FeeSchedule(FeeRates? flat, Dictionary<(string Venue, MarketType Market), FeeRates> rates)
    {
        _flat = flat;
        _rates = rates;
    }

    /// <summary>The venues' regular rates (see the type's summary).</summary>
    public static FeeSchedule Default { get; } = new(
        null,
        new Dictionary<(string Venue, MarketType Market), FeeRates>
        {
            [(Venue.Binance.Code, MarketType.Spot)] = new(10m, 10m),
            [(Venue.Binance.Code, MarketType.Perpetual)] = new(2m, 5m),
            [(Venue.Bybit.Code, MarketType.Spot)] = new(10m, 10m),
            [(Venue.Bybit.Code, MarketType.Perpetual)] = new(2m, 5.5m),
            [(Venue.Synthetic.Code, MarketType.Spot)] = new(10m, 10m),
            [(Venue.Synthetic.Code, MarketType.Perpetual)] = new(2m, 5m),
        });

    /// <summary>One rate for maker and taker on every venue and market (the CLI's <c>--fee-bps N</c>).</summary>
    public static FeeSchedule Flat(decimal feeBps) => new(new FeeRates(feeBps, feeBps), []);

    /// <summary>This schedule with <paramref name="rates"/> for <paramref name="venue"/> × <paramref name="market"/> (a flat schedule stays flat elsewhere).</summary>
    public FeeSchedule With(Venue venue, MarketType market, FeeRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var copy = new Dictionary<(string Venue, MarketType Market), FeeRates>(_rates) { [(venue.Code, market)] = rates };
        return new FeeSchedule(_flat, copy);
    }

    /// <summary>
    /// This schedule with the maker and/or taker rate replaced on every venue and market (the CLI's <c>--maker-bps</c> /
    /// <c>--taker-bps</c>); a side given as null keeps each venue's rate.
    /// </summary>
    public FeeSchedule Override(decimal? makerBps, decimal? takerBps)
    {
        FeeRates Replace(FeeRates rates) => new(makerBps ?? rates.MakerBps, takerBps ?? rates.TakerBps);
        var rates = _rates.ToDictionary(p => p.Key, p => Replace(p.Value));
        return new FeeSchedule(_flat is null ? null : Replace(_flat), rates);
    }

    /// <summary>The rates for <paramref name="symbol"/>'s venue and market type.</summary>
    public FeeRates For(Symbol symbol) =>
        _rates.TryGetValue((symbol.Venue.Code, symbol.MarketType), out var rates) ? rates
        : _flat ?? throw new KeyNotFoundException($"no fee rates for {symbol.Venue} {symbol.MarketType} (known: {string.Join(", ", _rates.Keys.Select(k => $"{k.Venue} {k.Market}").Order(StringComparer.Ordinal))})");
}
