namespace Quorum.Core.Instruments;

/// <summary>The kind of market an instrument trades on.</summary>
public enum MarketType
{
    /// <summary>Spot market (written without suffix: <c>BINANCE:BTCUSDT</c>).</summary>
    Spot,

    /// <summary>USDT-margined perpetual swap (written with the <c>.P</c> suffix: <c>BINANCE:BTCUSDT.P</c>).</summary>
    Perpetual,
}
