namespace Quorum.Configuration.Tests;

public sealed class EnableMapValidationTests : IDisposable
{
    private const string File = ConfigLoader.EnableMapFileName;

    private readonly ConfigDirectory _dir = new();

    [Fact]
    public void Load_WhenRegimeLabelIsUnknown_FailsSuggestingTheSeedLabel()
    {
        _dir.Replace(File, "  panic: []", "  panic: []\n  trend_upp: [breakout_4h]");

        _dir.LoadFails().Message.ShouldBe(
            "enable_map.yaml: regimes.trend_upp is not a known key (did you mean trend_up? allowed keys: trend_up, trend_down, range_lowvol, range_highvol, panic)");
    }

    [Fact]
    public void Load_WhenStrategyNameIsUnknown_FailsListingKnownStrategies()
    {
        _dir.Set(File, "trend_up", "[breakout_4h, breakout_1h]");

        _dir.LoadFails().Message.ShouldBe(
            "enable_map.yaml: regimes.trend_up[1] = breakout_1h is not allowed (allowed: did you mean breakout_4h? breakout_4h, vol_exp_15m, range_rev_5m, funding_rev)");
    }

    [Fact]
    public void Load_WhenStrategyIsListedTwiceInARegime_Fails()
    {
        _dir.Set(File, "trend_down", "[breakout_4h, vol_exp_15m, breakout_4h]");

        _dir.LoadFails().Message.ShouldBe(
            "enable_map.yaml: regimes.trend_down[2] = breakout_4h is a duplicate (each strategy may be listed once per regime; breakout_4h is already in regimes.trend_down)");
    }

    [Theory]
    [InlineData("trend_up")]
    [InlineData("trend_down")]
    public void Load_WhenFundingRevIsEnabledInATrend_Fails(string trend)
    {
        _dir.Set(File, trend, "[breakout_4h, funding_rev]");

        var error = _dir.LoadFails().Errors.ShouldHaveSingleItem();

        error.ToString().ShouldStartWith($"enable_map.yaml: regimes.{trend}[1] = funding_rev breaks a rule (funding_rev may run only in range_lowvol, range_highvol, panic");
    }

    [Theory]
    [InlineData("trend_up")]
    [InlineData("range_highvol")]
    [InlineData("panic")]
    public void Load_WhenRangeRevIsEnabledOutsideRangeLowVol_Fails(string regime)
    {
        _dir.Set(File, regime, "[range_rev_5m]");

        _dir.LoadFails().Errors.ShouldHaveSingleItem().ToString()
            .ShouldStartWith($"enable_map.yaml: regimes.{regime}[0] = range_rev_5m breaks a rule (range_rev_5m may run only in range_lowvol:");
    }

    [Fact]
    public void Load_WhenPanicEnablesAStrategy_IsAllowed()
    {
        _dir.Set(File, "panic", "[funding_rev]");

        _dir.Load().EnableMap.StrategiesFor(RegimeLabels.Panic).ShouldBe([KnownStrategies.FundingRev]);
    }

    [Fact]
    public void Load_WhenRegimeIsLeftOut_FailsBecauseEveryRegimeMustBeListed()
    {
        _dir.Remove(File, "panic");

        _dir.LoadFails().Message.ShouldStartWith("enable_map.yaml: regimes.panic is missing (required: a list of strategy names");
    }

    [Fact]
    public void Load_WhenRegimeHasNoValue_EnablesNothing()
    {
        _dir.Set(File, "panic", string.Empty);

        _dir.Load().EnableMap.StrategiesFor(RegimeLabels.Panic).ShouldBeEmpty();
    }

    [Fact]
    public void Load_WhenRegimeIsNotAList_Fails()
    {
        _dir.Set(File, "trend_up", "breakout_4h");

        _dir.LoadFails().Message.ShouldStartWith("enable_map.yaml: regimes.trend_up = breakout_4h is not a list of strategy names");
    }

    [Theory]
    [InlineData("min_bars_hold", "0", "switching_rules.min_bars_hold = 0 is out of range (1 ≤ x ≤ 500)")]
    [InlineData("min_bars_hold", "501", "switching_rules.min_bars_hold = 501 is out of range (1 ≤ x ≤ 500)")]
    [InlineData("min_bars_hold", "six", "switching_rules.min_bars_hold = six is not an integer (1 ≤ x ≤ 500)")]
    [InlineData("cooldown_after_2_losses", "-1", "switching_rules.cooldown_after_2_losses = -1 is out of range (0 ≤ x ≤ 500)")]
    [InlineData("cooldown_after_2_losses", "2.5", "switching_rules.cooldown_after_2_losses = 2.5 is not an integer (0 ≤ x ≤ 500)")]
    public void Load_WhenSwitchingRuleIsBad_FailsNamingKeyValueAndRange(string key, string value, string message)
    {
        _dir.Set(File, key, value);

        _dir.LoadFails().Message.ShouldBe("enable_map.yaml: " + message);
    }

    [Theory]
    [InlineData("min_bars_hold", "1")]
    [InlineData("min_bars_hold", "500")]
    [InlineData("cooldown_after_2_losses", "0")]
    [InlineData("cooldown_after_2_losses", "500")]
    public void Load_WhenSwitchingRuleIsAtItsBounds_Loads(string key, string value)
    {
        _dir.Set(File, key, value);

        Should.NotThrow(() => _dir.Load());
    }

    [Fact]
    public void Load_WhenSwitchingRulesAreMissing_Fails()
    {
        var text = _dir.Read(File);
        _dir.Write(File, text[..text.IndexOf("switching_rules:", StringComparison.Ordinal)]);

        _dir.LoadFails().Message.ShouldBe(
            "enable_map.yaml: switching_rules is missing (required: a mapping with keys min_bars_hold, cooldown_after_2_losses)");
    }

    [Fact]
    public void Load_WhenSwitchingRulesHaveATypo_Fails()
    {
        _dir.Replace(File, "cooldown_after_2_losses: 3", "cooldown_after_two_losses: 3");

        _dir.LoadFails().Errors.Select(e => e.Key).ShouldBe(["switching_rules.cooldown_after_2_losses", "switching_rules.cooldown_after_two_losses"]);
    }

    public void Dispose() => _dir.Dispose();
}
