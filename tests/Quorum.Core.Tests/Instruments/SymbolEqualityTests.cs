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

    [Fact]
    public void Id_EqualSymbolsShareIt_DifferentOnesDoNot_DefaultHasZero()
    {
        var a = Symbol.Parse("BINANCE:SOLUSDT.P");
        var b = new Symbol(Venue.Binance, "sol", "usdt", MarketType.Perpetual);
        var spot = Symbol.Parse("BINANCE:SOLUSDT");

        a.Id.ShouldBe(b.Id);
        a.Id.ShouldBeGreaterThan(0);
        spot.Id.ShouldNotBe(a.Id);
        default(Symbol).Id.ShouldBe(0);
    }

    [Fact]
    public void Id_SymbolsMadeOnManyThreadsAtOnce_GetOneIdPerSymbol()
    {
        // 8 threads race to number the same 50 new symbols: every thread must see the same id for a symbol, and distinct
        // symbols distinct ids (TryAdd keeps one number per key; a losing thread reads the winner's back).
        var names = Enumerable.Range(0, 50).Select(i => $"RACE{i}").ToArray();
        var seen = new int[8][];
        Parallel.For(0, 8, t => seen[t] = [.. names.Select(n => new Symbol(Venue.Bybit, n, "USDT", MarketType.Spot).Id)]);

        foreach (var ids in seen)
        {
            ids.ShouldBe(seen[0]);
        }

        seen[0].Distinct().Count().ShouldBe(names.Length);
    }
}
