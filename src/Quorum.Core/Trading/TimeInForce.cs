namespace Quorum.Core.Trading;

/// <summary>How long an order stays working.</summary>
public enum TimeInForce
{
    /// <summary>Good till canceled.</summary>
    Gtc,

    /// <summary>Immediate or cancel: fill what can be filled now, cancel the rest.</summary>
    Ioc,

    /// <summary>Fill or kill: fill all now or nothing.</summary>
    Fok,

    /// <summary>Post-only (Binance <c>GTX</c>, Bybit <c>PostOnly</c>): rejected instead of taking liquidity.</summary>
    PostOnly,
}
