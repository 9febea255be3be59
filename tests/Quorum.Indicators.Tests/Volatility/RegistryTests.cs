namespace Quorum.Indicators.Tests.Volatility;

/// <summary>The volatility, statistics and volume entries of <see cref="IndicatorRegistry"/>.</summary>
public sealed class RegistryTests
{
    [Theory]
    [InlineData("tr", new[] { "tr" })]
    [InlineData("atr:14", new[] { "atr_14" })]
    [InlineData("atr_sma:14", new[] { "atr_sma_14" })]
    [InlineData("natr:14", new[] { "natr_14" })]
    [InlineData("adx:14", new[] { "adx_14", "adx_14_plus_di", "adx_14_minus_di", "adx_14_adxr" })]
    [InlineData("bb:20:2", new[] { "bb_20_2_middle", "bb_20_2_upper", "bb_20_2_lower", "bb_20_2_width", "bb_20_2_percent_b" })]
    [InlineData("donchian:20", new[] { "donchian_20_high", "donchian_20_low", "donchian_20_mid" })]
    [InlineData("keltner:20:1.5", new[] { "keltner_20_1.5_middle", "keltner_20_1.5_upper", "keltner_20_1.5_lower" })]
    [InlineData("hv:20:1h", new[] { "hv_20_1h" })]
    [InlineData("slope:20", new[] { "slope_20" })]
    [InlineData("slope_norm:20", new[] { "slope_norm_20" })]
    [InlineData("max:5", new[] { "max_5" })]
    [InlineData("min:5", new[] { "min_5" })]
    [InlineData("quantile:20:0.9", new[] { "quantile_20_0.9" })]
    [InlineData("zscore:20:volume", new[] { "zscore_20_volume" })]
    [InlineData("var:10", new[] { "var_10" })]
    [InlineData("stddev:10", new[] { "stddev_10" })]
    [InlineData("logr:14", new[] { "logr_14" })]
    [InlineData("obv", new[] { "obv" })]
    [InlineData("vwap:50", new[] { "vwap_50" })]
    [InlineData("vwap_session", new[] { "vwap_session" })]
    public void Create_GivesTheDocumentedColumns(string specification, string[] columns)
    {
        var indicator = IndicatorRegistry.Create(specification);

        indicator.OutputNames.ShouldBe(columns);
        indicator.IsReady.ShouldBeFalse();
        indicator.Samples.ShouldBe(0);
    }

    [Theory]
    [InlineData("atr:14:3", "takes at most 1 parameter(s)")]
    [InlineData("obv:3", "takes at most 0 parameter(s)")]
    [InlineData("atr:0", "period 0 is out of range")]
    [InlineData("atr:x", "'x' is not a whole number")]
    [InlineData("bb:20:-2", "multiplier -2 is out of range")]
    [InlineData("quantile:20", "missing q")]
    [InlineData("zscore:20:loudness", "'loudness' is not a price source")]
    public void Create_BadSpecification_ExplainsWhatIsWrong(string specification, string message) =>
        Should.Throw<FormatException>(() => IndicatorRegistry.Create(specification)).Message.ShouldContain(message);

    [Fact]
    public void Usage_ListsEveryEntry()
    {
        foreach (var usage in new[]
        {
            "tr", "atr:PERIOD", "atr_sma:PERIOD", "natr:PERIOD", "adx:PERIOD", "bb:PERIOD[:MULTIPLIER=2]", "donchian:PERIOD",
            "keltner:PERIOD[:MULTIPLIER=2]", "hv:PERIOD:TIMEFRAME", "slope:PERIOD[:SOURCE=close]", "slope_norm:PERIOD[:SOURCE=close]",
            "max:PERIOD[:SOURCE=close]", "min:PERIOD[:SOURCE=close]", "quantile:PERIOD:Q[:SOURCE=close]", "zscore:PERIOD[:SOURCE=close]",
            "var:PERIOD[:SOURCE=close]", "stddev:PERIOD[:SOURCE=close]", "logr:PERIOD[:SOURCE=close]", "obv",
            "vwap:PERIOD[:SOURCE=typical]", "vwap_session[:HOURS=24[:OFFSET_HOURS=0]]",
        })
        {
            IndicatorRegistry.Usage.ShouldContain(usage);
        }
    }
}
