namespace Quorum.Indicators.Tests.Oscillators;

/// <summary>The registry names of the averages and oscillators (creation of each is in ContractTests).</summary>
public sealed class RegistryTests
{
    [Theory]
    [InlineData("sma:PERIOD")]
    [InlineData("wma:PERIOD")]
    [InlineData("rma:PERIOD")]
    [InlineData("rsi:PERIOD")]
    [InlineData("cutler_rsi:PERIOD")]
    [InlineData("macd[:FAST:SLOW:SIGNAL] (default 12:26:9)")]
    [InlineData("stoch[:PERIOD:K_SMOOTHING:D_PERIOD] (default 14:3:3)")]
    [InlineData("cci:PERIOD")]
    [InlineData("willr:PERIOD")]
    public void Usage_ListsTheName(string usage) => IndicatorRegistry.Usage.ShouldContain(usage);

    [Theory]
    [InlineData("macd", "macd_12_26_9")]
    [InlineData("macd:5", "macd_5_26_9")]
    [InlineData("macd:5:35", "macd_5_35_9")]
    [InlineData("stoch", "stoch_14_3_3")]
    [InlineData("stoch:5:1", "stoch_5_1_3")]
    [InlineData("RSI:7", "rsi_7")]
    public void Create_FillsDefaults(string specification, string name) => IndicatorRegistry.Create(specification).Name.ShouldBe(name);

    [Theory]
    [InlineData("rsi", "missing period")]
    [InlineData("rsi:0", "rsi: period 0 is out of range (period ≥ 1)")]
    [InlineData("rsi:14:3", "takes at most 1 parameter(s), got 2")]
    [InlineData("macd:12:26:9:4", "takes at most 3 parameter(s), got 4")]
    [InlineData("macd:26:12", "macd: slow period 12 is out of range (slow period > fast period 26)")]
    [InlineData("stoch:14:0", "stoch: k smoothing 0 is out of range (k smoothing ≥ 1)")]
    [InlineData("cci:x", "period 'x' is not a whole number")]
    public void Create_BadSpecification_ThrowsFormatExceptionSayingWhy(string specification, string message) =>
        Should.Throw<FormatException>(() => IndicatorRegistry.Create(specification)).Message.ShouldContain(message);
}
