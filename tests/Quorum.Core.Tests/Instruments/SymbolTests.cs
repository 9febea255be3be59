using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;

namespace Quorum.Core.Tests.Instruments;

public sealed class SymbolTests
{
    [Theory]
    [InlineData("BINANCE:BTCUSDT", "BINANCE", "BTC", "USDT", MarketType.Spot)]
    [InlineData("BINANCE:BTCUSDT.P", "BINANCE", "BTC", "USDT", MarketType.Perpetual)]
    [InlineData("BYBIT:ETHUSDT.P", "BYBIT", "ETH", "USDT", MarketType.Perpetual)]
    [InlineData("BINANCE:ETHBTC", "BINANCE", "ETH", "BTC", MarketType.Spot)]
    [InlineData("SYNTH:SOLUSDC", "SYNTH", "SOL", "USDC", MarketType.Spot)]
    public void Parse_NormalizedText_SplitsVenueBaseQuoteAndMarket(string text, string venue, string baseAsset, string quoteAsset, MarketType marketType)
    {
        var symbol = Symbol.Parse(text);

        symbol.Venue.Code.ShouldBe(venue);
        symbol.BaseAsset.ShouldBe(baseAsset);
        symbol.QuoteAsset.ShouldBe(quoteAsset);
        symbol.MarketType.ShouldBe(marketType);
        symbol.IsPerpetual.ShouldBe(marketType == MarketType.Perpetual);
        symbol.Pair.ShouldBe(baseAsset + quoteAsset);
    }

    [Theory]
    [InlineData("BINANCE:BTCUSDT")]
    [InlineData("BINANCE:BTCUSDT.P")]
    [InlineData("BYBIT:ETHUSDT.P")]
    [InlineData("BINANCE:BTCFDUSD")]
    public void ToString_OfParsedSymbol_GivesTheSameText(string text)
    {
        var symbol = Symbol.Parse(text);

        symbol.ToString().ShouldBe(text);
    }

    [Fact]
    public void Parse_SpotAndPerpetualOfSamePair_AreDifferentSymbols()
    {
        var spot = Symbol.Parse("BINANCE:BTCUSDT");
        var perpetual = Symbol.Parse("BINANCE:BTCUSDT.P");

        spot.ShouldNotBe(perpetual);
        spot.Pair.ShouldBe(perpetual.Pair);
    }

    [Theory]
    [InlineData("binance:btcusdt", "BINANCE:BTCUSDT")]
    [InlineData("Bybit:EthUsdt.p", "BYBIT:ETHUSDT.P")]
    [InlineData("  BINANCE:BTCUSDT  ", "BINANCE:BTCUSDT")]
    public void Parse_LowerCaseOrPaddedInput_IsNormalisedToUpperCase(string text, string normalized)
    {
        var symbol = Symbol.Parse(text);

        symbol.ToString().ShouldBe(normalized);
        symbol.ShouldBe(Symbol.Parse(normalized));
    }

    [Theory]
    [InlineData("BINANCE:BTCFDUSD", "BTC", "FDUSD")]
    [InlineData("BINANCE:BTCUSD", "BTC", "USD")]
    [InlineData("BINANCE:BTCTUSD", "BTC", "TUSD")]
    [InlineData("BINANCE:ETHBUSD", "ETH", "BUSD")]
    public void Parse_FdusdAndUsdQuotes_SplitOnLongestKnownQuote(string text, string baseAsset, string quoteAsset)
    {
        var symbol = Symbol.Parse(text);

        symbol.BaseAsset.ShouldBe(baseAsset);
        symbol.QuoteAsset.ShouldBe(quoteAsset);
    }

    [Fact]
    public void Parse_UnknownVenue_ThrowsNamingVenueAndAllowedVenues()
    {
        var error = Should.Throw<FormatException>(() => Symbol.Parse("KRAKEN:BTCUSDT"));

        error.Message.ShouldContain("'KRAKEN'");
        error.Message.ShouldContain("BINANCE");
        error.Message.ShouldContain("BYBIT");
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData(":BTCUSDT")]
    [InlineData("BINANCE:")]
    [InlineData("BINANCE:BTC-USDT")]
    [InlineData("BINANCE:.P")]
    [InlineData("BINANCE:BTCXYZ")]
    [InlineData("BINANCE:USDT")]
    [InlineData("BINANCE :BTCUSDT")]
    [InlineData("BINANCE: BTCUSDT")]
    [InlineData("BINANCE:BTC USDT")]
    [InlineData("BINANCE:BTCUSDT .P")]
    public void Parse_MalformedText_ThrowsNamingTheText(string text)
    {
        var error = Should.Throw<FormatException>(() => Symbol.Parse(text));

        error.Message.ShouldContain($"'{text}'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_EmptyText_FailsWithExampleInError(string? text)
    {
        var parsed = Symbol.TryParse(text, out _, out var error);

        parsed.ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("BINANCE:BTCUSDT");
    }

    [Fact]
    public void Constructor_LowerCaseAssets_AreUpperCased()
    {
        var symbol = new Symbol(Venue.Bybit, "eth", "usdt", MarketType.Perpetual);

        symbol.ToString().ShouldBe("BYBIT:ETHUSDT.P");
    }

    [Fact]
    public void Constructor_UndefinedMarketType_Throws()
    {
        // It would otherwise print as spot while comparing unequal to the spot symbol.
        Should.Throw<ArgumentOutOfRangeException>(() => new Symbol(Venue.Binance, "BTC", "USDT", (MarketType)7))
            .Message.ShouldContain("allowed: Spot, Perpetual");
    }

    [Fact]
    public void Constructor_DefaultVenue_Throws()
    {
        Should.Throw<ArgumentException>(() => new Symbol(default, "BTC", "USDT", MarketType.Spot));
    }

    [Fact]
    public void CompareTo_OrdersByNormalizedText()
    {
        var symbols = new[] { Symbol.Parse("BYBIT:ETHUSDT.P"), Symbol.Parse("BINANCE:BTCUSDT.P"), Symbol.Parse("BINANCE:BTCUSDT") };

        var sorted = symbols.Order().Select(s => s.ToString());

        sorted.ShouldBe(["BINANCE:BTCUSDT", "BINANCE:BTCUSDT.P", "BYBIT:ETHUSDT.P"]);
    }

    [Fact]
    public void FormatThenParse_AnySymbol_RoundTrips()
    {
        // Base assets avoid B, D, F and T so that base + quote cannot end in a longer known quote
        // (e.g. "AB" + "USD" would read as "A" + "BUSD"); that ambiguity is inherent to the pair text.
        var baseGen = Gen.Elements("ACEGHIJKLMNOPQRSUVWXYZ0123456789".ToCharArray())
            .ArrayOf()
            .Where(chars => chars.Length is >= 1 and <= 8)
            .Select(chars => new string(chars));
        var symbolGen =
            from venue in Gen.Elements(Venue.All.ToArray())
            from baseAsset in baseGen
            from quote in Gen.Elements("USDT", "USDC", "FDUSD", "USD", "BTC", "ETH", "EUR")
            from market in Gen.Elements(MarketType.Spot, MarketType.Perpetual)
            select new Symbol(venue, baseAsset, quote, market);

        Prop.ForAll(symbolGen.ToArbitrary(), symbol =>
        {
            var text = symbol.ToString();
            var parsed = Symbol.Parse(text);
            var lowerCased = Symbol.Parse(text.ToLowerInvariant());
            return parsed == symbol && parsed.ToString() == text && lowerCased == symbol;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("BINANCE:BTCUSDT")]
    [InlineData("BYBIT:ETHUSDT.P")]
    public void TryFormat_WritesTheSameTextAsToString_AndRefusesAShortBuffer(string text)
    {
        var symbol = Symbol.Parse(text);
        Span<char> buffer = stackalloc char[64];

        symbol.TryFormat(buffer, out var written, default, null).ShouldBeTrue();
        buffer[..written].ToString().ShouldBe(text);
        $"[{symbol}]".ShouldBe($"[{text}]");
        symbol.TryFormat(buffer[..(text.Length - 1)], out _, default, null).ShouldBeFalse();
        default(Symbol).TryFormat(buffer, out var none, default, null).ShouldBeTrue();
        none.ShouldBe(0);
    }
}
