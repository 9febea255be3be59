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

    [Fact]
    public void Finish_OverManyBuffersOfLines_IsTheSha256OfAllLinesInOrder()
    {
        // ~60 bytes per line x 5,000 lines ≈ 300 KB: the 64 KiB line buffer is hashed several times, and one long
        // client order id of a cancel (larger than the buffer) is hashed on its own between them.
        var hasher = new OrderListHasher();
        var expected = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            if (i == 2_500)
            {
                var longId = new string('x', OrderListHasher.BufferBytes + 10);
                hasher.OnOrderCommandSent(new OrderCommand(OrderCommandKind.Cancel, longId, Btc, i * 60_000L));
                expected.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i * 60_000L}|Cancel|{longId}|BINANCE:BTCUSDT|||\n");
                continue;
            }

            var id = $"q1-b1-p{i}-e-a1";
            var request = new OrderRequest(id, Btc, i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, OrderType.Limit, 0.001m * (i + 1), price: 100m + i);
            hasher.OnOrderCommandSent(new OrderCommand(OrderCommandKind.Submit, id, Btc, i * 60_000L, request));
            expected.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i * 60_000L}|Submit|{id}|BINANCE:BTCUSDT||{(i % 2 == 0 ? "Buy" : "Sell")} Limit {0.001m * (i + 1)} {100m + i}  Gtc -|\n");
        }

        hasher.Finish().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected.ToString()))));
    }
}
