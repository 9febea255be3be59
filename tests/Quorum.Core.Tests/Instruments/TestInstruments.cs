using Quorum.Core.Instruments;

namespace Quorum.Core.Tests.Instruments;

/// <summary>Instruments with realistic filters for tests.</summary>
internal static class TestInstruments
{
    /// <summary>BTCUSDT-like spot: tick 0.01, step 0.001, min quantity 0.001, min notional 5 (Binance's MIN_NOTIONAL).</summary>
    public static Instrument BtcUsdt { get; } = new(
        Symbol.Parse("BINANCE:BTCUSDT"),
        new InstrumentFilters(tickSize: 0.01m, stepSize: 0.001m, minQuantity: 0.001m, minNotional: 5m),
        maxQuantity: 9000m);

    /// <summary>ETHUSDT.P-like perpetual: tick 0.01, step 0.001, min quantity 0.001, min notional 20.</summary>
    public static Instrument EthUsdtPerp { get; } = new(
        Symbol.Parse("BINANCE:ETHUSDT.P"),
        new InstrumentFilters(tickSize: 0.01m, stepSize: 0.001m, minQuantity: 0.001m, minNotional: 20m));
}
