using System.Security.Cryptography;
using System.Text;
using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;
using Quorum.Research.Backtest;

namespace Quorum.Research.Tests.Backtest;

public sealed class OrderListHasherTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");

    [Fact]
    public void Finish_IsTheSha256OfTheCanonicalLines()
    {
        var hasher = new OrderListHasher();
        var entry = new OrderRequest("q1-b1-p1-e-a1", Btc, OrderSide.Buy, OrderType.Market, 0.5m);
        hasher.OnOrderCommandSent(new OrderCommand(OrderCommandKind.Submit, entry.ClientOrderId, Btc, 3_600_000, entry));
        hasher.OnOrderCommandSent(new OrderCommand(OrderCommandKind.Amend, "q1-b1-p1-s-a1", Btc, 7_200_000, Amend: new AmendRequest(Btc, "q1-b1-p1-s-a1", StopPrice: 95.5m)));
        hasher.OnOrderCommandSent(new OrderCommand(OrderCommandKind.Cancel, "q1-b1-p1-s-a1", Btc, 10_800_000));

        const string canonical =
            "3600000|Submit|q1-b1-p1-e-a1|BINANCE:BTCUSDT||Buy Market 0.5   Gtc -|\n" +
            "7200000|Amend|q1-b1-p1-s-a1|BINANCE:BTCUSDT|||  95.5\n" +
            "10800000|Cancel|q1-b1-p1-s-a1|BINANCE:BTCUSDT|||\n";
        hasher.Count.ShouldBe(3);
        hasher.Finish().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
    }

    [Fact]
    public void Finish_ChangesWhenAnyFieldChanges()
    {
        static string Hash(decimal quantity)
        {
            var hasher = new OrderListHasher();
            var request = new OrderRequest("q1-b1-p1-e-a1", Btc, OrderSide.Buy, OrderType.Market, quantity);
            hasher.OnOrderCommandSent(new OrderCommand(OrderCommandKind.Submit, request.ClientOrderId, Btc, 0, request));
            return hasher.Finish();
        }

        Hash(0.5m).ShouldNotBe(Hash(0.50001m));
    }
}
