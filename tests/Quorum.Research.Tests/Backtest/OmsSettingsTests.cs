using Quorum.Core.Time;
using Quorum.Execution.Oms;
using Quorum.Research.Backtest;

namespace Quorum.Research.Tests.Backtest;

public sealed class OmsSettingsTests
{
    [Fact]
    public void Defaults_AreTheOmsDefaults()
    {
        var options = new OmsSettings().ToOmsOptions("7", Timeframe.H1, retainClosedTrades: false);
        var defaults = new OmsOptions();

        options.BotId.ShouldBe("7");
        options.ManagementTimeframe.ShouldBe(Timeframe.H1);
        options.RetainClosedTrades.ShouldBeFalse();
        options.MaxChildQuantity.ShouldBe(defaults.MaxChildQuantity);
        options.MaxChildNotional.ShouldBe(defaults.MaxChildNotional);
        options.PostOnlyEntries.ShouldBe(defaults.PostOnlyEntries);
        options.PostOnlyRetries.ShouldBe(defaults.PostOnlyRetries);
        options.BreakEvenTriggerR.ShouldBe(defaults.BreakEvenTriggerR);
        options.UseNativeBrackets.ShouldBe(defaults.UseNativeBrackets);
        options.UseNativeOco.ShouldBe(defaults.UseNativeOco);
        new OmsSettings().BracketsName.ShouldBe("native");
    }

    [Fact]
    public void ToOmsOptions_CarriesEverySetting()
    {
        var settings = new OmsSettings
        {
            MaxChildQuantity = 0.5m,
            MaxChildNotional = 1_000m,
            PostOnlyEntries = true,
            PostOnlyRetries = 2,
            BreakEvenTriggerR = 1.5m,
            NativeBrackets = false,
        };

        var options = settings.ToOmsOptions("1", null, retainClosedTrades: true).Validate();

        (options.MaxChildQuantity, options.MaxChildNotional, options.BreakEvenTriggerR).ShouldBe((0.5m, 1_000m, 1.5m));
        (options.PostOnlyEntries, options.PostOnlyRetries).ShouldBe((true, 2));
        (options.UseNativeBrackets, options.UseNativeOco).ShouldBe((false, false));
        settings.BracketsName.ShouldBe("emulated");
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("native", true)]
    [InlineData("emulated", false)]
    public void ParseNativeBrackets_KnowsBothNames(string? text, bool native) => OmsSettings.ParseNativeBrackets(text).ShouldBe(native);

    [Fact]
    public void Validate_NamesTheBadValue()
    {
        Should.Throw<ArgumentException>(() => new OmsSettings { MaxChildQuantity = -1m }.Validate()).Message.ShouldBe("--max-child-qty -1 is out of range (> 0)");
        Should.Throw<ArgumentException>(() => new OmsSettings { BreakEvenTriggerR = 101m }.Validate()).Message.ShouldBe("--break-even-r 101 is out of range (0 < R ≤ 100)");
        Should.Throw<ArgumentException>(() => new OmsSettings { PostOnlyRetries = 1 }.Validate()).Message.ShouldStartWith("--post-only-retries 1 needs --post-only");
        Should.NotThrow(() => new OmsSettings { PostOnlyEntries = true, PostOnlyRetries = 100 }.Validate());
    }
}
