namespace Quorum.Configuration.Tests;

/// <summary>Missing files, broken YAML and whole-document problems, for every config file.</summary>
public sealed class FileAndSyntaxTests : IDisposable
{
    private readonly ConfigDirectory _dir = new();

    public static TheoryData<string> Files => new(ConfigLoader.FileNames);

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_WhenFileIsMissing_FailsNamingTheFileAndWhereItWasLookedFor(string file)
    {
        _dir.Delete(file);

        var error = _dir.LoadFails().Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe($"{file}: cannot read {_dir.FilePath(file)} (file not found; every config directory must hold it)");
        error.Kind.ShouldBe(ConfigErrorKind.FileUnreadable);
    }

    [Fact]
    public void Load_WhenEveryFileIsMissing_ReportsAllFour()
    {
        foreach (var file in ConfigLoader.FileNames)
        {
            _dir.Delete(file);
        }

        _dir.LoadFails().Errors.Select(e => e.File).ShouldBe(ConfigLoader.FileNames);
    }

    [Fact]
    public void Load_WhenDirectoryDoesNotExist_FailsNamingTheDirectory()
    {
        var missing = Path.Combine(_dir.Path, "nope");

        var failure = Should.Throw<ConfigValidationException>(() => ConfigLoader.LoadDirectory(missing));

        failure.Message.ShouldBe(
            $"config directory: cannot read {missing} (directory not found; it must hold governance.yaml, enable_map.yaml, symbols.yaml, quorum.yaml)");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_WhenYamlIsBroken_FailsWithLineAndColumn(string file)
    {
        _dir.Write(file, "mode: paper\n  nested: [oops\nweb: 1\n");

        var error = _dir.LoadFails().Errors.ShouldHaveSingleItem();

        error.Kind.ShouldBe(ConfigErrorKind.Syntax);
        error.File.ShouldBe(file);
        error.Line.ShouldBe(2);
        error.ToString().ShouldStartWith($"{file}: invalid YAML at line 2, column ");
        error.ToString().ShouldEndWith("(fix the YAML syntax)");
    }

    [Fact]
    public void Load_WhenFlowListIsNeverClosed_FailsWithThePositionWhereParsingStopped()
    {
        _dir.Write(ConfigLoader.EnableMapFileName, "regimes:\n  trend_up: [breakout_4h,\nswitching_rules: {}\n");

        var error = _dir.LoadFails().Errors.ShouldHaveSingleItem();

        error.Kind.ShouldBe(ConfigErrorKind.Syntax);
        error.Line.ShouldNotBeNull();
        error.ToString().ShouldStartWith("enable_map.yaml: invalid YAML at line ");
        error.Line.ShouldBe(2); // the line of the unclosed '[' (its last parsed item), not the start of the file
        error.ToString().ShouldContain("an unclosed '[' or '{'?");
    }

    [Fact]
    public void Load_WhenKeyIsDuplicated_FailsAsInvalidYaml()
    {
        _dir.Replace(ConfigLoader.GovernanceFileName, "leverage_cap: 3.0", "leverage_cap: 3.0\nleverage_cap: 5.0");

        var error = _dir.LoadFails().Errors.ShouldHaveSingleItem();

        error.Kind.ShouldBe(ConfigErrorKind.Syntax);
        error.ToString().ShouldContain("Duplicate key leverage_cap");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_WhenFileIsEmpty_FailsSayingWhatItShouldHold(string file)
    {
        _dir.Write(file, "# nothing here\n");

        var error = _dir.LoadFails().Errors.ShouldHaveSingleItem();

        error.ToString().ShouldStartWith($"{file}: (document) = (empty file) is not a mapping with key");
    }

    [Fact]
    public void Load_WhenFileHoldsTwoDocuments_Fails()
    {
        _dir.Write(ConfigLoader.QuorumFileName, _dir.Read(ConfigLoader.QuorumFileName) + "---\nmode: live\n");

        _dir.LoadFails().Message.ShouldBe(
            "quorum.yaml: (document) = 2 documents is invalid (a config file holds exactly one YAML document; remove the extra '---')");
    }

    [Fact]
    public void Load_WhenFileStartsWithAUtf8ByteOrderMark_Loads()
    {
        var path = _dir.FilePath(ConfigLoader.GovernanceFileName);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        _dir.Load().Governance.MaxDailyLossPercent.ShouldBe(1.8m);
    }

    [Fact]
    public void Load_WhenAliasesAreUsed_ResolvesThem()
    {
        _dir.Replace(ConfigLoader.EnableMapFileName, "trend_up: [breakout_4h, vol_exp_15m]", "trend_up: &trend [breakout_4h, vol_exp_15m]")
            .Replace(ConfigLoader.EnableMapFileName, "trend_down: [breakout_4h, vol_exp_15m]", "trend_down: *trend");

        _dir.Load().EnableMap.StrategiesFor(RegimeLabels.TrendDown).ShouldBe([KnownStrategies.Breakout4h, KnownStrategies.VolExp15m]);
    }

    [Fact]
    public void Load_WhenEveryFileHasProblems_ReportsThemAllAtOnceInFileOrder()
    {
        _dir.Set(ConfigLoader.GovernanceFileName, "max_daily_loss_pct", "25")
            .Set(ConfigLoader.EnableMapFileName, "min_bars_hold", "0")
            .Set(ConfigLoader.SymbolsFileName, "min_qty", "-1")
            .Set(ConfigLoader.QuorumFileName, "mode", "yolo");

        var failure = _dir.LoadFails();

        failure.Message.Split('\n').ShouldBe(
        [
            "governance.yaml: max_daily_loss_pct = 25 is out of range (0 < x ≤ 10)",
            "enable_map.yaml: switching_rules.min_bars_hold = 0 is out of range (1 ≤ x ≤ 500)",
            "symbols.yaml: symbols[0].min_qty = -1 is out of range (x > 0)",
            "quorum.yaml: mode = yolo is not allowed (allowed: paper, live, backtest)",
        ]);
        failure.Errors.Select(e => e.File).ShouldBe(ConfigLoader.FileNames);
    }

    [Fact]
    public void Load_WhenOneFileIsBrokenAndAnotherInvalid_ReportsBoth()
    {
        _dir.Write(ConfigLoader.SymbolsFileName, "symbols: [\n")
            .Set(ConfigLoader.GovernanceFileName, "leverage_cap", "50");

        _dir.LoadFails().Errors.Select(e => (e.File, e.Kind)).ShouldBe(
        [
            (ConfigLoader.GovernanceFileName, ConfigErrorKind.OutOfRange),
            (ConfigLoader.SymbolsFileName, ConfigErrorKind.Syntax),
        ]);
    }

    [Fact]
    public void LoadGovernance_SingleFile_NamesTheFileItWasGiven()
    {
        var path = Path.Combine(_dir.Path, "governance-prod.yaml");
        File.WriteAllText(path, _dir.Read(ConfigLoader.GovernanceFileName).Replace("leverage_cap: 3.0", "leverage_cap: 11", StringComparison.Ordinal));

        var failure = Should.Throw<ConfigValidationException>(() => ConfigLoader.LoadGovernance(path));

        failure.Message.ShouldBe("governance-prod.yaml: leverage_cap = 11 is out of range (1 ≤ x ≤ 10)");
    }

    [Fact]
    public void LoadPerFile_ShippedFiles_MatchLoadDirectory()
    {
        var all = _dir.Load();

        ConfigLoader.LoadGovernance(_dir.FilePath(ConfigLoader.GovernanceFileName)).MaxDailyLossPercent.ShouldBe(all.Governance.MaxDailyLossPercent);
        ConfigLoader.LoadEnableMap(_dir.FilePath(ConfigLoader.EnableMapFileName)).SwitchingRules.ShouldBe(all.EnableMap.SwitchingRules);
        ConfigLoader.LoadSymbols(_dir.FilePath(ConfigLoader.SymbolsFileName)).Symbols.Count.ShouldBe(all.Symbols.Symbols.Count);
        ConfigLoader.LoadQuorum(_dir.FilePath(ConfigLoader.QuorumFileName)).ShouldBe(all.Quorum, new QuorumConfigComparer());
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Compares through the printable form (records holding lists compare lists by reference).</summary>
    private sealed class QuorumConfigComparer : IEqualityComparer<QuorumConfig>
    {
        public bool Equals(QuorumConfig? x, QuorumConfig? y) => x is not null && y is not null && Print(x) == Print(y);

        public int GetHashCode(QuorumConfig obj) => Print(obj).GetHashCode(StringComparison.Ordinal);

        private static string Print(QuorumConfig config) =>
            config + string.Join(",", config.Venues.Binance.MarketTypes) + string.Join(",", config.Venues.Bybit.MarketTypes);
    }
}
