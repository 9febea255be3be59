using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Core.Tests.Instruments;

public sealed class SymbolMapTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT.P");
    private static readonly Symbol Eth = Symbol.Parse("BYBIT:ETHUSDT");

    [Fact]
    public void Find_WhatWasSet_ReturnsItAndNullForOthers()
    {
        var map = new SymbolMap<string>();

        map.Find(Btc).ShouldBeNull();
        map.Set(Btc, "btc");
        map.Find(Btc).ShouldBe("btc");
        map.Find(Symbol.Parse("BINANCE:BTCUSDT.P")).ShouldBe("btc"); // an equal symbol made elsewhere
        map.Find(Eth).ShouldBeNull();
        map.Find(Symbol.Parse("BINANCE:BTCUSDT")).ShouldBeNull(); // spot is another symbol
    }

    [Fact]
    public void Set_Again_ReplacesTheValue_AndClearForgetsAll()
    {
        var map = new SymbolMap<string>();
        map.Set(Btc, "first");
        map.Set(Eth, "eth");

        map.Set(Btc, "second");

        map.Find(Btc).ShouldBe("second");
        map.Find(Eth).ShouldBe("eth");
        map.Clear();
        map.Find(Btc).ShouldBeNull();
        map.Find(Eth).ShouldBeNull();
    }

    [Fact]
    public void Set_ManySymbols_GrowsAndKeepsEveryValue()
    {
        var map = new SymbolMap<string>();
        var symbols = Enumerable.Range(0, 300).Select(i => new Symbol(Venue.Binance, $"MAP{i}", "USDT", MarketType.Spot)).ToArray();

        foreach (var symbol in symbols)
        {
            map.Set(symbol, symbol.BaseAsset);
        }

        symbols.ShouldAllBe(s => map.Find(s) == s.BaseAsset);
    }

    [Fact]
    public void Set_DefaultSymbol_IsRefusedNamingIt()
    {
        var map = new SymbolMap<string>();

        Should.Throw<ArgumentException>(() => map.Set(default, "x")).Message.ShouldContain("default (empty) symbol");
        map.Find(default).ShouldBeNull();
    }

    [Fact]
    public void SymbolTimeframeMap_KeysOnBothParts()
    {
        var map = new SymbolTimeframeMap<int>();
        map.Set(Btc, Timeframe.M1, 1);
        map.Set(Btc, Timeframe.H1, 2);
        map.Set(Eth, Timeframe.M1, 3);

        map.TryGetValue(Btc, Timeframe.M1, out var a).ShouldBeTrue();
        map.TryGetValue(Btc, Timeframe.H1, out var b).ShouldBeTrue();
        map.TryGetValue(Eth, Timeframe.M1, out var c).ShouldBeTrue();
        (a, b, c).ShouldBe((1, 2, 3));
        map.TryGetValue(Eth, Timeframe.H1, out var missing).ShouldBeFalse();
        missing.ShouldBe(0);
        map.TryGetValue(Symbol.Parse("BINANCE:SOLUSDT"), Timeframe.M1, out _).ShouldBeFalse();

        map.Set(Btc, Timeframe.H1, 20);
        map.TryGetValue(Btc, Timeframe.H1, out var replaced).ShouldBeTrue();
        replaced.ShouldBe(20);
    }
}
