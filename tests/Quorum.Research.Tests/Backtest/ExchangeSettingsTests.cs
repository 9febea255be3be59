using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Execution.Simulation;
using Quorum.Research.Backtest;

namespace Quorum.Research.Tests.Backtest;

public sealed class ExchangeSettingsTests
{
    private static readonly Symbol BinancePerp = Symbol.Parse("BINANCE:BTCUSDT.P");

    [Fact]
    public void Defaults_AreTheExchangesDefaults()
    {
        var settings = new ExchangeSettings();

        settings.Fees().ShouldBeSameAs(FeeSchedule.Default);
        settings.Slippage().ShouldBeSameAs(SlippageModel.Default);
        settings.IntrabarPath.ShouldBe(IntrabarPath.Conservative);
        settings.IntrabarPath.ShouldBe(new SimulatedExchangeOptions().IntrabarPath);
        settings.LimitFillsOnTouch.ShouldBe(new SimulatedExchangeOptions().LimitFillsOnTouch);
        settings.ParticipationCap.ShouldBe(new SimulatedExchangeOptions().ParticipationCap);
        settings.LeverageUnder(null).ShouldBe(1);
        settings.DescribeFees().ShouldBe("venue defaults (docs/simulated-exchange.md)");
        settings.DescribeSlippage().ShouldBe("exchange default model: 0 bps fixed + 0.1 × (high − low)/open × √(quantity/volume) (docs/simulated-exchange.md)");
    }

    [Fact]
    public void Fees_MakerAndTakerWinOverTheFlatFee()
    {
        new ExchangeSettings { FeeBps = 7m, TakerFeeBps = 3m }.Fees().For(BinancePerp).ShouldBe(new FeeRates(7m, 3m));
        new ExchangeSettings { MakerFeeBps = 1m }.Fees().For(BinancePerp).ShouldBe(new FeeRates(1m, 5m));
        new ExchangeSettings { FeeBps = 7m, TakerFeeBps = 3m }.DescribeFees().ShouldBe("maker 7 bps, taker 3 bps");
        new ExchangeSettings { MakerFeeBps = 1m }.DescribeFees().ShouldBe("maker 1 bps, taker venue default");
        new ExchangeSettings { FeeBps = 7.5m }.DescribeFees().ShouldBe("7.5 bps maker and taker");
    }

    [Fact]
    public void Slippage_FixedAloneDropsTheImpactTerm_ImpactAloneKeepsNoFixedPart()
    {
        var fixedOnly = new ExchangeSettings { SlippageBps = 2m }.Slippage();
        fixedOnly.FixedBps.ShouldBe(2m);
        fixedOnly.ImpactFactor.ShouldBe(0m);

        var impactOnly = new ExchangeSettings { SlippageImpact = 0.3m }.Slippage();
        impactOnly.FixedBps.ShouldBe(0m);
        impactOnly.ImpactFactor.ShouldBe(0.3m);
        impactOnly.HalfSpreadBps.ShouldBe(0m);

        var both = new ExchangeSettings { SlippageBps = 2m, SlippageImpact = 0.1m, HalfSpreadBps = 1m }.Slippage();
        (both.FixedBps, both.ImpactFactor, both.HalfSpreadBps).ShouldBe((2m, 0.1m, 1m));
        new ExchangeSettings { SlippageBps = 2m }.DescribeSlippage().ShouldBe("2 bps fixed + no impact term");
    }

    [Fact]
    public void Leverage_IsTheOptionElseTheGovernanceCapFloored()
    {
        var governance = Governance(leverageCap: 3.7m);

        new ExchangeSettings().LeverageUnder(governance).ShouldBe(3);
        new ExchangeSettings { Leverage = 2 }.LeverageUnder(governance).ShouldBe(2);
        Should.Throw<ArgumentException>(() => new ExchangeSettings { Leverage = 4 }.Validate(governance))
            .Message.ShouldBe("--leverage 4 is above governance.yaml's leverage_cap 3.7 (the locked limits are changed only by editing governance.yaml)");
        Should.NotThrow(() => new ExchangeSettings { Leverage = 10 }.Validate(null));
    }

    [Theory]
    [InlineData("conservative", IntrabarPath.Conservative)]
    [InlineData("OHLC", IntrabarPath.OpenHighLowClose)]
    [InlineData("olhc", IntrabarPath.OpenLowHighClose)]
    [InlineData("bar-direction", IntrabarPath.ByBarDirection)]
    [InlineData(null, IntrabarPath.Conservative)]
    public void ParseIntrabarPath_KnowsEveryPath(string? text, IntrabarPath expected)
    {
        ExchangeSettings.ParseIntrabarPath(text).ShouldBe(expected);
        new ExchangeSettings { IntrabarPath = expected }.IntrabarPathName.ShouldBe(text?.ToLowerInvariant() ?? "conservative");
    }

    [Fact]
    public void IntrabarPathNames_NameEveryPathOnce()
    {
        ExchangeSettings.IntrabarPathNames.Select(p => p.Value).ShouldBe(Enum.GetValues<IntrabarPath>(), ignoreOrder: true);
    }

    [Theory]
    [InlineData("--participation-cap 1.5 is out of range", 1.5)]
    [InlineData("--participation-cap -0.1 is out of range", -0.1)]
    public void Validate_NamesABadParticipationCap(string expected, double cap)
    {
        Should.Throw<ArgumentException>(() => new ExchangeSettings { ParticipationCap = (decimal)cap }.Validate(null)).Message.ShouldStartWith(expected);
    }

    private static GovernanceConfig Governance(decimal leverageCap) =>
        ConfigLoader.LoadGovernance(Path.Combine(TestKit.Repository.ConfigsDirectory, ConfigLoader.GovernanceFileName)) with { LeverageCap = leverageCap };
}
