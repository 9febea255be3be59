using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;

namespace Quorum.Core.Tests.Instruments;

/// <summary>Symbol equality and its cached hash: equal exactly when venue, assets and market type are.</summary>
public sealed class SymbolEqualityTests
{
    [Fact]
    public void Equals_SameTextParsedTwice_IsEqualWithTheSameHash()
    {
        var a = Symbol.Parse("BINANCE:BTCUSDT.P");
        var b = new Symbol(Venue.Binance, "btc", "usdt", MarketType.Perpetual);

        a.ShouldBe(b);
        (a == b).ShouldBeTrue();
        a.GetHashCode().ShouldBe(b.GetHashCode());
        new Dictionary<Symbol, int> { [a] = 1 }[b].ShouldBe(1);
    }

    [Theory]
    [InlineData("BINANCE:BTCUSDT", "BINANCE:BTCUSDT.P")]
    [InlineData("BINANCE:BTCUSDT", "BYBIT:BTCUSDT")]
    [InlineData("BINANCE:BTCUSDT", "BINANCE:ETHUSDT")]
    [InlineData("BINANCE:BTCUSDT", "BINANCE:BTCUSDC")]
    public void Equals_AnyPartDiffers_IsNotEqual(string left, string right)
    {
        (Symbol.Parse(left) == Symbol.Parse(right)).ShouldBeFalse();
        Symbol.Parse(left).Equals((object)Symbol.Parse(right)).ShouldBeFalse();
    }

    [Fact]
    public void Equals_DefaultSymbol_EqualsOnlyTheDefault()
    {
        (default(Symbol) == default).ShouldBeTrue();
        (Symbol.Parse("BINANCE:BTCUSDT") == default).ShouldBeFalse();
    }

    [Fact]
    public void Equals_AgreesWithComparingTheParts()
    {
        var parts = Gen.Elements(
            ("BINANCE", "BTC", "USDT", MarketType.Spot), ("BINANCE", "BTC", "USDT", MarketType.Perpetual), ("BYBIT", "BTC", "USDT", MarketType.Spot),
            ("BINANCE", "ETH", "USDT", MarketType.Spot), ("BINANCE", "BTC", "USDC", MarketType.Spot));
        Prop.ForAll(parts.Zip(parts).ToArbitrary(), pair =>
        {
            var (l, r) = pair;
            var left = new Symbol(Venue.Parse(l.Item1), l.Item2, l.Item3, l.Item4);
            var right = new Symbol(Venue.Parse(r.Item1), r.Item2, r.Item3, r.Item4);
            return (left == right) == (l == r) && (left != right || left.GetHashCode() == right.GetHashCode());
        }).QuickCheckThrowOnFailure();
    }
}
