namespace Quorum.Configuration.Tests;

/// <summary>governance.yaml: every bad value stops loading with file, key, value and the allowed range.</summary>
public sealed class GovernanceValidationTests : IDisposable
{
    private const string File = ConfigLoader.GovernanceFileName;

    private readonly ConfigDirectory _dir = new();

    /// <summary>Numeric keys: (key as matched in the file, dotted path, range text, values at/inside the bounds, values just outside).</summary>
    public static TheoryData<string, string, string, string[], string[]> NumericKeys => new()
    {
        { "per_trade_r_pct_base", "per_trade_r_pct_base", "0 < x ≤ 2", ["0.0001", "2"], ["0", "-0.1", "2.0001", "25"] },
        { "per_trade_r_pct_green_bonus", "per_trade_r_pct_green_bonus", "0 ≤ x ≤ 1", ["0", "1"], ["-0.0001", "1.0001"] },
        { "max_daily_loss_pct", "max_daily_loss_pct", "0 < x ≤ 10", ["0.0001", "10"], ["0", "-1", "10.0001", "25"] },
        { "kill_switch_drawdown_72h", "kill_switch_drawdown_72h", "0 < x ≤ 25", ["0.0001", "25"], ["0", "25.0001"] },
        { "leverage_cap", "leverage_cap", "1 ≤ x ≤ 10", ["1", "10"], ["0.9999", "0", "10.0001"] },
        { "max_portfolio_r_pct", "max_portfolio_r_pct", "0 < x ≤ 10", ["0.0001", "10"], ["0", "10.0001"] },
        { "ntp_skew_ms", "ntp_skew_ms", "1 ≤ x ≤ 5000", ["1", "5000"], ["0", "-5", "5001"] },
        { "per_trade_r_pct_cap", "quorum_additions.per_trade_r_pct_cap", "0 < x ≤ 2", ["0.0001", "2"], ["0", "2.0001"] },
        { "green_bonus_trigger_daily_pnl_pct", "quorum_additions.green_bonus_trigger_daily_pnl_pct", "0 < x ≤ 10", ["0.0001", "10"], ["0", "10.0001"] },
        { "loss_streak", "quorum_additions.dynamic_risk_reduction.loss_streak", "1 ≤ x ≤ 20", ["1", "20"], ["0", "21"] },
        { "atr_percentile", "quorum_additions.dynamic_risk_reduction.atr_percentile", "50 ≤ x < 100", ["50", "99.99"], ["49.99", "100"] },
        { "reduction_pp", "quorum_additions.dynamic_risk_reduction.reduction_pp", "0 < x ≤ 1", ["0.0001", "0.79"], ["0", "1.0001"] },
        { "restore_after_wins", "quorum_additions.dynamic_risk_reduction.restore_after_wins", "1 ≤ x ≤ 50", ["1", "50"], ["0", "51"] },
        { "breakeven_at_r", "quorum_additions.position_management.breakeven_at_r", "0 < x ≤ 5", ["0.0001", "1"], ["0", "5.0001"] },
        { "runner_trail_atr_multiple", "quorum_additions.position_management.runner_trail_atr_multiple", "0 < x ≤ 10", ["0.0001", "10"], ["0", "10.0001"] },
        { "at_r", "quorum_additions.pyramiding_add.at_r", "0 < x ≤ 10", ["0.6", "10"], ["0", "10.0001"] },
        { "size_r", "quorum_additions.pyramiding_add.size_r", "0 < x ≤ 1", ["0.0001", "1"], ["0", "1.0001"] },
    };

    [Theory]
    [MemberData(nameof(NumericKeys))]
    public void Load_WhenNumericKeyIsOutsideItsRange_FailsNamingFileKeyValueAndRange(string key, string path, string range, string[] accepted, string[] rejected)
    {
        _ = accepted;
        foreach (var value in rejected)
        {
            _dir.Set(File, key, value);

            var failure = _dir.LoadFails();

            failure.Message.ShouldBe($"governance.yaml: {path} = {value} is out of range ({range})");
            failure.Errors.ShouldHaveSingleItem().ShouldBe(new ConfigError(File, path, value, range, ConfigErrorKind.OutOfRange), new ConfigErrorLocationIgnored());
        }
    }

    [Theory]
    [MemberData(nameof(NumericKeys))]
    public void Load_WhenNumericKeyIsAtOrInsideItsBounds_AcceptsTheValue(string key, string path, string range, string[] accepted, string[] rejected)
    {
        _ = (range, rejected);
        foreach (var value in accepted)
        {
            _dir.Set(File, key, value);

            // Cross-field rules may still object to an extreme value; the range itself must not.
            var errors = TryLoad();
            errors.ShouldNotContain(e => e.Key == path && (e.Kind == ConfigErrorKind.OutOfRange || e.Kind == ConfigErrorKind.WrongType));
        }
    }

    [Fact]
    public void Load_WhenMaxDailyLossOutOfRange_FailsNamingFileKeyValueAndRange()
    {
        _dir.Set(File, "max_daily_loss_pct", "25");

        _dir.LoadFails().Message.ShouldBe("governance.yaml: max_daily_loss_pct = 25 is out of range (0 < x ≤ 10)");
    }

    [Theory]
    [InlineData("max_daily_loss_pct", "abc", "abc", "a number (0 < x ≤ 10)")]
    [InlineData("max_daily_loss_pct", "\"1.8\"", "\"1.8\"", "a number (0 < x ≤ 10)")]
    [InlineData("max_daily_loss_pct", "[1.8]", "(a list)", "a number (0 < x ≤ 10)")]
    [InlineData("max_daily_loss_pct", "", "null", "a number (0 < x ≤ 10)")]
    [InlineData("leverage_cap", "3x", "3x", "a number (1 ≤ x ≤ 10)")]
    [InlineData("ntp_skew_ms", "1500.5", "1500.5", "an integer (1 ≤ x ≤ 5000)")]
    [InlineData("ntp_skew_ms", "1.5e3", "1.5e3", "an integer (1 ≤ x ≤ 5000)")]
    [InlineData("ntp_skew_ms", "١٥٠٠", "١٥٠٠", "an integer (1 ≤ x ≤ 5000)")] // Arabic-Indic digits are not a YAML number
    [InlineData("max_daily_loss_pct", "١", "١", "a number (0 < x ≤ 10)")]
    [InlineData("no_martingale", "yes", "yes", "true or false")]
    [InlineData("no_martingale", "\"true\"", "\"true\"", "true or false")]
    [InlineData("pyramiding", "{ mode: anti }", "(a mapping)", "one of anti, off")]
    public void Load_WhenValueHasTheWrongType_FailsNamingTheExpectedType(string key, string written, string shown, string expected)
    {
        _dir.Set(File, key, written);

        _dir.LoadFails().Message.ShouldBe($"governance.yaml: {key} = {shown} is not {expected}");
    }

    [Theory]
    [InlineData("per_trade_r_pct_base", "a number (0 < x ≤ 2)")]
    [InlineData("per_trade_r_pct_green_bonus", "a number (0 ≤ x ≤ 1)")]
    [InlineData("max_daily_loss_pct", "a number (0 < x ≤ 10)")]
    [InlineData("kill_switch_drawdown_72h", "a number (0 < x ≤ 25)")]
    [InlineData("leverage_cap", "a number (1 ≤ x ≤ 10)")]
    [InlineData("max_portfolio_r_pct", "a number (0 < x ≤ 10)")]
    [InlineData("no_martingale", "true or false")]
    [InlineData("pyramiding", "one of anti, off")]
    [InlineData("ntp_skew_ms", "an integer (1 ≤ x ≤ 5000)")]
    [InlineData("require_streams", "a list of stream names (candles, funding, orderbook)")]
    public void Load_WhenSeedKeyIsMissing_FailsNamingTheKeyAndWhatItNeeds(string key, string requirement)
    {
        _dir.Remove(File, key);

        _dir.LoadFails().Message.ShouldBe($"governance.yaml: {key} is missing (required: {requirement})");
    }

    [Fact]
    public void Load_WhenQuorumAdditionsSectionIsMissing_FailsNamingTheSection()
    {
        var text = _dir.Read(File);
        _dir.Write(File, text[..text.IndexOf("quorum_additions:", StringComparison.Ordinal)]);

        _dir.LoadFails().Message.ShouldStartWith("governance.yaml: quorum_additions is missing (required: a mapping with keys per_trade_r_pct_cap,");
    }

    [Fact]
    public void Load_WhenNestedKeyIsMissing_FailsNamingItsDottedPath()
    {
        _dir.Remove(File, "restore_after_wins");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: quorum_additions.dynamic_risk_reduction.restore_after_wins is missing (required: an integer (1 ≤ x ≤ 50))");
    }

    [Fact]
    public void Load_WhenTopLevelKeyIsMisspelled_FailsSuggestingTheKnownKey()
    {
        _dir.Replace(File, "max_daily_loss_pct: 1.8", "max_daily_los_pct: 1.8");

        var failure = _dir.LoadFails();

        failure.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "governance.yaml: max_daily_loss_pct is missing (required: a number (0 < x ≤ 10))",
            "governance.yaml: max_daily_los_pct is not a known key (did you mean max_daily_loss_pct? allowed keys: per_trade_r_pct_base, " +
            "per_trade_r_pct_green_bonus, max_daily_loss_pct, kill_switch_drawdown_72h, leverage_cap, max_portfolio_r_pct, no_martingale, " +
            "pyramiding, ntp_skew_ms, require_streams, quorum_additions)",
        ]);
    }

    [Fact]
    public void Load_WhenUnknownKeyIsAdded_FailsEvenThoughEverythingElseIsValid()
    {
        _dir.Replace(File, "leverage_cap: 3.0", "leverage_cap: 3.0\nmax_leverage: 5");

        var error = _dir.LoadFails().Errors.ShouldHaveSingleItem();

        error.Kind.ShouldBe(ConfigErrorKind.UnknownKey);
        error.Key.ShouldBe("max_leverage");
        error.Line.ShouldNotBeNull();
    }

    [Fact]
    public void Load_WhenNestedKeyIsUnknown_FailsNamingItsDottedPath()
    {
        _dir.Replace(File, "    loss_streak: 3 ", "    loss_streak: 3\n    los_streak: 4 ");

        _dir.LoadFails().Message.ShouldStartWith(
            "governance.yaml: quorum_additions.dynamic_risk_reduction.los_streak is not a known key (did you mean loss_streak?");
    }

    [Theory]
    [InlineData("martingale")]
    [InlineData("\"pro\"")]
    public void Load_WhenPyramidingIsNotAnEnumValue_FailsListingTheAllowedValues(string value)
    {
        _dir.Set(File, "pyramiding", value);

        _dir.LoadFails().Message.ShouldBe($"governance.yaml: pyramiding = {value} is not allowed (allowed: anti, off)");
    }

    [Fact]
    public void Load_WhenPyramidingIsOff_Loads()
    {
        _dir.Set(File, "pyramiding", "off");

        _dir.Load().Governance.Pyramiding.ShouldBe(PyramidingPolicy.Off);
    }

    [Fact]
    public void Load_WhenNoMartingaleIsFalse_LoadsIt()
    {
        // false is the explicit opt-in of seed-003 DCA users; the shipped file and every default keep true.
        _dir.Set(File, "no_martingale", "false");

        _dir.Load().Governance.NoMartingale.ShouldBeFalse();
    }

    [Theory]
    [InlineData("[candles, trades]", "governance.yaml: require_streams[1] = trades is not allowed (allowed: candles, funding, orderbook)")]
    [InlineData("[candles, funding, candles]", "governance.yaml: require_streams[2] = candles is a duplicate (each stream may be listed once)")]
    [InlineData("[funding]", "governance.yaml: require_streams = [funding] breaks a rule (require_streams must include candles: no strategy can trade without candles)")]
    [InlineData("[]", "governance.yaml: require_streams = [] breaks a rule (require_streams must include candles: no strategy can trade without candles)")]
    [InlineData("candles", "governance.yaml: require_streams = candles is not a list of stream names (candles, funding, orderbook)")]
    public void Load_WhenRequireStreamsIsInvalid_FailsNamingTheItem(string value, string message)
    {
        _dir.Set(File, "require_streams", value);

        _dir.LoadFails().Message.ShouldBe(message);
    }

    [Fact]
    public void Load_WhenStreamNamesAreInAnotherCase_LoadsThemUnderTheSeedNames()
    {
        _dir.Set(File, "require_streams", "[Candles, FUNDING]");

        _dir.Load().Governance.RequireStreams.ShouldBe(["candles", "funding"]);
    }

    [Fact]
    public void Load_WhenRequireStreamsAddsOrderbook_Loads()
    {
        _dir.Set(File, "require_streams", "[candles, funding, orderbook]");

        _dir.Load().Governance.RequireStreams.ShouldBe(["candles", "funding", "orderbook"]);
    }

    [Fact]
    public void Load_WhenBasePlusBonusExceedsTheCap_FailsShowingTheSum()
    {
        _dir.Set(File, "per_trade_r_pct_green_bonus", "0.5");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: per_trade_r_pct_green_bonus = 0.5 breaks a rule " +
            "(per_trade_r_pct_base + per_trade_r_pct_green_bonus ≤ quorum_additions.per_trade_r_pct_cap; here 0.8 + 0.5 = 1.3 > 1.1)");
    }

    [Fact]
    public void Load_WhenBasePlusBonusEqualsTheCap_Loads()
    {
        _dir.Set(File, "per_trade_r_pct_base", "0.9").Set(File, "per_trade_r_pct_green_bonus", "0.2");

        _dir.Load().Governance.PerTradeRiskPercentWithBonus.ShouldBe(1.1m);
    }

    [Fact]
    public void Load_WhenPortfolioRiskIsBelowTheBaseRisk_Fails()
    {
        _dir.Set(File, "max_portfolio_r_pct", "0.5");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: max_portfolio_r_pct = 0.5 breaks a rule (max_portfolio_r_pct ≥ per_trade_r_pct_base; here 0.5 < 0.8)");
    }

    [Fact]
    public void Load_WhenPortfolioRiskCannotHoldOneBonusSizedTrade_Fails()
    {
        _dir.Set(File, "max_portfolio_r_pct", "1.0");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: max_portfolio_r_pct = 1.0 breaks a rule " +
            "(max_portfolio_r_pct ≥ per_trade_r_pct_base + per_trade_r_pct_green_bonus so that one full-size trade fits; here 1.0 < 1.1)");
    }

    [Fact]
    public void Load_WhenKillSwitchIsTighterThanTheDailyLoss_Fails()
    {
        _dir.Set(File, "kill_switch_drawdown_72h", "1.5");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: kill_switch_drawdown_72h = 1.5 breaks a rule (kill_switch_drawdown_72h ≥ max_daily_loss_pct; here 1.5 < 1.8)");
    }

    [Fact]
    public void Load_WhenOneTradeCouldExceedTheDailyLoss_Fails()
    {
        _dir.Set(File, "max_daily_loss_pct", "1.0");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: quorum_additions.per_trade_r_pct_cap = 1.1 breaks a rule " +
            "(quorum_additions.per_trade_r_pct_cap ≤ max_daily_loss_pct so that one trade cannot exceed the daily loss; here 1.1 > 1.0)");
    }

    [Fact]
    public void Load_WhenRiskReductionWouldReachZero_Fails()
    {
        _dir.Set(File, "reduction_pp", "0.8");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: quorum_additions.dynamic_risk_reduction.reduction_pp = 0.8 breaks a rule " +
            "(quorum_additions.dynamic_risk_reduction.reduction_pp < per_trade_r_pct_base so that reduced risk stays above zero; here 0.8 ≥ 0.8)");
    }

    [Fact]
    public void Load_WhenPyramidingAddsBeforeBreakeven_Fails()
    {
        _dir.Set(File, "at_r", "0.5");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: quorum_additions.pyramiding_add.at_r = 0.5 breaks a rule " +
            "(quorum_additions.pyramiding_add.at_r ≥ quorum_additions.position_management.breakeven_at_r: add only once the stop is at breakeven; here 0.5 < 0.6)");
    }

    [Fact]
    public void Load_WhenTakeProfitsAreNotAscending_Fails()
    {
        _dir.Replace(File, "{ at_r: 2.0, fraction: 0.25 }", "{ at_r: 0.9, fraction: 0.25 }");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: quorum_additions.position_management.partial_take_profits[1].at_r = 0.9 breaks a rule " +
            "(take-profits are ordered by at_r, each above the one before; here 0.9 ≤ 1.0)");
    }

    [Fact]
    public void Load_WhenTakeProfitFractionsExceedTheWholePosition_Fails()
    {
        _dir.Replace(File, "{ at_r: 2.0, fraction: 0.25 }", "{ at_r: 2.0, fraction: 0.8 }");

        _dir.LoadFails().Message.ShouldBe(
            "governance.yaml: quorum_additions.position_management.partial_take_profits = 0.25 + 0.8 breaks a rule " +
            "(the fractions of all partial take-profits add up to at most 1; here 1.05)");
    }

    [Fact]
    public void Load_WhenTakeProfitEntryHasAnOutOfRangeFractionAndATypo_ReportsBoth()
    {
        _dir.Replace(File, "{ at_r: 2.0, fraction: 0.25 }", "{ at_r: 2.0, fraction: 1.5, fracton: 0.1 }");

        _dir.LoadFails().Errors.Select(e => e.ToString()).ShouldBe(
        [
            "governance.yaml: quorum_additions.position_management.partial_take_profits[1].fraction = 1.5 is out of range (0 < x ≤ 1)",
            "governance.yaml: quorum_additions.position_management.partial_take_profits[1].fracton is not a known key (did you mean fraction? allowed keys: at_r, fraction)",
        ]);
    }

    [Fact]
    public void Load_WhenSeveralGovernanceValuesAreBad_ReportsEveryOneOnItsOwnLine()
    {
        _dir.Set(File, "per_trade_r_pct_base", "5")
            .Set(File, "max_daily_loss_pct", "25")
            .Set(File, "pyramiding", "martingale")
            .Set(File, "ntp_skew_ms", "fast");

        var failure = _dir.LoadFails();

        failure.Message.Split('\n').ShouldBe(
        [
            "governance.yaml: per_trade_r_pct_base = 5 is out of range (0 < x ≤ 2)",
            "governance.yaml: max_daily_loss_pct = 25 is out of range (0 < x ≤ 10)",
            "governance.yaml: pyramiding = martingale is not allowed (allowed: anti, off)",
            "governance.yaml: ntp_skew_ms = fast is not an integer (1 ≤ x ≤ 5000)",
        ]);
    }

    [Fact]
    public void Load_WhenGovernanceIsBad_ErrorsCarryTheLineOfTheValue()
    {
        _dir.Set(File, "max_daily_loss_pct", "25");
        var lines = _dir.Read(File).Split('\n');
        var expectedLine = Array.FindIndex(lines, l => l.StartsWith("max_daily_loss_pct:", StringComparison.Ordinal)) + 1;

        _dir.LoadFails().Errors.ShouldHaveSingleItem().Line.ShouldBe(expectedLine);
    }

    public void Dispose() => _dir.Dispose();

    private List<ConfigError> TryLoad()
    {
        try
        {
            _dir.Load();
            return [];
        }
        catch (ConfigValidationException exception)
        {
            return [.. exception.Errors];
        }
    }
}
