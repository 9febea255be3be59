using Quorum.Core.Time;

namespace Quorum.Configuration.Tests;

public sealed class SymbolsValidationTests : IDisposable
{
    private const string File = ConfigLoader.SymbolsFileName;

    private readonly ConfigDirectory _dir = new();

    [Theory]
    [InlineData("min_qty", "0", "symbols[0].min_qty = 0 is out of range (x > 0)")]
    [InlineData("min_qty", "-0.001", "symbols[0].min_qty = -0.001 is out of range (x > 0)")]
    [InlineData("min_notional", "-1", "symbols[0].min_notional = -1 is out of range (x ≥ 0)")]
    [InlineData("min_vol", "-1", "symbols[0].min_vol = -1 is out of range (x ≥ 0)")]
    [InlineData("max_spread", "0", "symbols[0].max_spread = 0 is out of range (0 < x ≤ 1000)")]
    [InlineData("max_spread", "1000.5", "symbols[0].max_spread = 1000.5 is out of range (0 < x ≤ 1000)")]
    [InlineData("min_qty", "lots", "symbols[0].min_qty = lots is not a number (x > 0)")]
    [InlineData("min_vol", "\"1e9\"", "symbols[0].min_vol = \"1e9\" is not a number (x ≥ 0)")]
    public void Load_WhenFilterIsBad_FailsNamingTheEntryKeyValueAndRange(string key, string value, string message)
    {
        _dir.Set(File, key, value);

        _dir.LoadFails().Message.ShouldBe("symbols.yaml: " + message);
    }

    [Theory]
    [InlineData("min_qty", "0.00000001")]
    [InlineData("min_notional", "0")]
    [InlineData("min_vol", "0")]
    [InlineData("max_spread", "1000")]
    [InlineData("max_spread", "0.01")]
    public void Load_WhenFilterIsAtItsBound_Loads(string key, string value)
    {
        _dir.Set(File, key, value);

        Should.NotThrow(() => _dir.Load());
    }

    [Fact]
    public void Load_WhenThirdEntryHasABadMinQty_NamesTheEntryByIndex()
    {
        _dir.Replace(File, "min_qty: 0.001\n    min_notional: 5", "min_qty: 0\n    min_notional: 5");

        _dir.LoadFails().Message.ShouldBe("symbols.yaml: symbols[2].min_qty = 0 is out of range (x > 0)");
    }

    [Theory]
    [InlineData("BINANCE-BTCUSDT", "symbols[0].symbol = BINANCE-BTCUSDT is invalid (symbol 'BINANCE-BTCUSDT' is not in the form VENUE:BASEQUOTE[.P]")]
    [InlineData("KRAKEN:BTCUSDT.P", "symbols[0].symbol = KRAKEN:BTCUSDT.P is invalid (symbol 'KRAKEN:BTCUSDT.P' has unknown venue 'KRAKEN'")]
    [InlineData("binance:btcusdt.p", "symbols[0].symbol = binance:btcusdt.p is invalid (write symbols normalized: BINANCE:BTCUSDT.P)")]
    public void Load_WhenSymbolIsNotNormalized_Fails(string value, string messageStart)
    {
        _dir.Set(File, "symbol", value);

        _dir.LoadFails().Message.ShouldStartWith("symbols.yaml: " + messageStart);
    }

    [Fact]
    public void Load_WhenTypeDisagreesWithThePerpSuffix_Fails()
    {
        _dir.Replace(File, "symbol: BINANCE:BTCUSDT.P\n    type: perp", "symbol: BINANCE:BTCUSDT.P\n    type: spot");

        _dir.LoadFails().Message.ShouldBe(
            "symbols.yaml: symbols[0].type = spot breaks a rule (type agrees with the symbol: BINANCE:BTCUSDT.P is perp (it ends in .P))");
    }

    [Fact]
    public void Load_WhenSpotSymbolIsTypedPerp_Fails()
    {
        _dir.Replace(File, "symbol: BINANCE:BTCUSDT\n    type: spot", "symbol: BINANCE:BTCUSDT\n    type: perp");

        _dir.LoadFails().Message.ShouldBe(
            "symbols.yaml: symbols[3].type = perp breaks a rule (type agrees with the symbol: BINANCE:BTCUSDT is spot (no .P suffix))");
    }

    [Fact]
    public void Load_WhenTypeIsNotAnEnumValue_Fails()
    {
        _dir.Set(File, "type", "future");

        _dir.LoadFails().Message.ShouldBe("symbols.yaml: symbols[0].type = future is not allowed (allowed: spot, perp)");
    }

    [Fact]
    public void Load_WhenSymbolIsListedTwice_FailsNamingTheFirstEntry()
    {
        _dir.Replace(File, "symbol: BINANCE:ETHUSDT.P", "symbol: BINANCE:BTCUSDT.P");

        _dir.LoadFails().Message.ShouldBe(
            "symbols.yaml: symbols[1].symbol = BINANCE:BTCUSDT.P is a duplicate (each symbol may be listed once; first listed at symbols[0])");
    }

    [Theory]
    [InlineData("[5m, 2m]", "symbols[0].allowed_tfs[1] = 2m is not allowed (allowed: 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w)")]
    [InlineData("[5m, 1M]", "symbols[0].allowed_tfs[1] = 1M is not allowed (allowed: 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w)")]
    [InlineData("[5m, 5m]", "symbols[0].allowed_tfs[1] = 5m is a duplicate (each timeframe may be listed once)")]
    [InlineData("[]", "symbols[0].allowed_tfs = [] is invalid (list at least one timeframe of 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w)")]
    [InlineData("4h", "symbols[0].allowed_tfs = 4h is not a list of timeframes (1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w)")]
    public void Load_WhenAllowedTimeframesAreBad_Fails(string value, string message)
    {
        _dir.Set(File, "allowed_tfs", value);

        _dir.LoadFails().Message.ShouldBe("symbols.yaml: " + message);
    }

    [Fact]
    public void Load_WhenAllowedTimeframesUseAnyTimeframeName_ParsesThem()
    {
        _dir.Set(File, "allowed_tfs", "[1m, 3m, 30m, 2h, 6h, 12h, 1w]");

        _dir.Load().Symbols.Symbols[0].AllowedTimeframes.ShouldBe([Timeframe.M1, Timeframe.M3, Timeframe.M30, Timeframe.H2, Timeframe.H6, Timeframe.H12, Timeframe.W1]);
    }

    [Fact]
    public void Load_WhenEntryMissesAKeyAndHasATypo_ReportsBoth()
    {
        _dir.Replace(File, "    max_spread: 2\n", "    max_sprad: 2\n");

        _dir.LoadFails().Errors.Select(e => e.ToString()).ShouldBe(
        [
            "symbols.yaml: symbols[0].max_spread is missing (required: a number (0 < x ≤ 1000))",
            "symbols.yaml: symbols[0].max_sprad is not a known key (did you mean max_spread? allowed keys: symbol, type, min_qty, min_notional, min_vol, max_spread, allowed_tfs)",
        ]);
    }

    [Fact]
    public void Load_WhenSymbolListIsEmpty_Fails()
    {
        _dir.Write(File, "symbols: []\n");

        _dir.LoadFails().Message.ShouldBe("symbols.yaml: symbols = [] is invalid (list at least one symbol)");
    }

    [Fact]
    public void Load_WhenEntryIsNotAMapping_Fails()
    {
        _dir.Write(File, "symbols:\n  - BINANCE:BTCUSDT.P\n");

        _dir.LoadFails().Message.ShouldBe(
            "symbols.yaml: symbols[0] = BINANCE:BTCUSDT.P is not a mapping with keys symbol, type, min_qty, min_notional, min_vol, max_spread, allowed_tfs");
    }

    [Fact]
    public void Load_WhenFileIsABareList_FailsExplainingTheExpectedShape()
    {
        _dir.Write(File, "- symbol: BINANCE:BTCUSDT.P\n");

        _dir.LoadFails().Message.ShouldBe("symbols.yaml: (document) = (a list) is not a mapping with key symbols (a list of entries)");
    }

    public void Dispose() => _dir.Dispose();
}
