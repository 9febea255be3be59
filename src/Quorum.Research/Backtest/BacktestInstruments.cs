using Quorum.Core.Instruments;
using Quorum.Core.MarketData;

namespace Quorum.Research.Backtest;

/// <summary>
/// The exchange filters the simulated exchange applies in a backtest. Known symbols use the venues'
/// published filters (Binance spot BTCUSDT: tick 0.01, step 0.00001, min notional 5; Binance USDT-M
/// BTCUSDT.P: tick 0.10, step 0.001, min notional 100; the SYNTH demo coins: tick 0.01 and the step of
/// configs/symbols.yaml). Any other symbol gets filters derived from its data: tick = the finest price
/// increment written in the first 1 000 bars, step 0.00001 (spot) or 0.001 (perpetual), min notional 5.
/// </summary>
public static class BacktestInstruments
{
    private static readonly Dictionary<string, InstrumentFilters> Known = new(StringComparer.Ordinal)
    {
        ["BINANCE:BTCUSDT"] = new(0.01m, 0.00001m, 0.00001m, 5m),
        ["BINANCE:ETHUSDT"] = new(0.01m, 0.0001m, 0.0001m, 5m),
        ["BINANCE:BTCUSDT.P"] = new(0.1m, 0.001m, 0.001m, 100m),
        ["BINANCE:ETHUSDT.P"] = new(0.01m, 0.001m, 0.001m, 20m),
        ["SYNTH:BTCUSDT"] = new(0.01m, 0.00001m, 0.00001m, 5m),
        ["SYNTH:ETHUSDT"] = new(0.01m, 0.0001m, 0.0001m, 5m),
        ["SYNTH:SOLUSDT"] = new(0.01m, 0.001m, 0.001m, 5m),
    };

    /// <summary>The instrument for <paramref name="symbol"/>: the known filters, else derived from <paramref name="bars"/>.</summary>
    public static Instrument For(Symbol symbol, ReadOnlySpan<Bar> bars)
    {
        if (Known.TryGetValue(symbol.ToString(), out var filters))
        {
            return new Instrument(symbol, filters);
        }

        var scale = 0;
        var sample = bars[..Math.Min(bars.Length, 1_000)];
        foreach (var bar in sample)
        {
            scale = Math.Max(scale, Math.Max(Math.Max(bar.Open.Scale, bar.High.Scale), Math.Max(bar.Low.Scale, bar.Close.Scale)));
        }

        var tick = 1m / (decimal)Math.Pow(10, Math.Min(scale, 12));
        var step = symbol.IsPerpetual ? 0.001m : 0.00001m;
        return new Instrument(symbol, new InstrumentFilters(tick, step, step, 5m));
    }
}
