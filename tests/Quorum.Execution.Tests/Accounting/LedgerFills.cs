using Quorum.Core.Instruments;
using Quorum.Core.Trading;

namespace Quorum.Execution.Tests.Accounting;

/// <summary>Symbols and fill builders for the ledger tests.</summary>
internal static class LedgerFills
{
    public static readonly Symbol BtcSpot = Symbol.Parse("BINANCE:BTCUSDT");
    public static readonly Symbol EthSpot = Symbol.Parse("BINANCE:ETHUSDT");
    public static readonly Symbol BnbSpot = Symbol.Parse("BINANCE:BNBUSDT");
    public static readonly Symbol BtcPerp = Symbol.Parse("BINANCE:BTCUSDT.P");
    public static readonly Symbol EthPerp = Symbol.Parse("BYBIT:ETHUSDT.P");

    private static long _sequence;

    public static Fill Buy(Symbol symbol, decimal quantity, decimal price, decimal fee = 0m, string feeAsset = "USDT") =>
        Make(symbol, OrderSide.Buy, quantity, price, fee, feeAsset);

    public static Fill Sell(Symbol symbol, decimal quantity, decimal price, decimal fee = 0m, string feeAsset = "USDT") =>
        Make(symbol, OrderSide.Sell, quantity, price, fee, feeAsset);

    public static Fill Make(Symbol symbol, OrderSide side, decimal quantity, decimal price, decimal fee, string feeAsset)
    {
        var id = Interlocked.Increment(ref _sequence);
        return new Fill($"test-{id}", symbol, side, price, quantity, fee, feeAsset, LiquiditySide.Taker, 1_700_000_000_000 + id);
    }
}
