using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class DonchianChannelTests
{
    [Fact]
    public void Donchian50_MatchesLeanReference_SpyWithDon50()
    {
        // The file also shows partial-window values before bar 50; ours start with a full window.
        var table = ReferenceTable.Load("spy_with_don50.txt");

        var donchian = Feed.Run(new DonchianChannel(50), table.Bars());

        ReferenceAssert.Matches(table.Column("Donchian Channels 50 Top"), donchian[0], "donchian_50_high vs spy_with_don50.txt", from: 49);
        ReferenceAssert.Matches(table.Column("Donchian Channels 50 Bottom"), donchian[1], "donchian_50_low vs spy_with_don50.txt", from: 49);
        ReferenceAssert.Matches(table.Column("Donchian Channels 50 Mean"), donchian[2], "donchian_50_mid vs spy_with_don50.txt", from: 49);
    }

    [Fact]
    public void Channel_EqualsNaiveWindowExtremes()
    {
        var bars = IndicatorContract.SpyBars();
        var donchian = Feed.Run(new DonchianChannel(20), bars);

        for (var i = 19; i < bars.Length; i++)
        {
            donchian[0][i].ShouldBe(bars.High[(i - 19)..(i + 1)].Max());
            donchian[1][i].ShouldBe(bars.Low[(i - 19)..(i + 1)].Min());
        }
    }

    [Fact]
    public void OutputNames_FollowTheIssue() =>
        IndicatorRegistry.Create("donchian:20").OutputNames.ShouldBe(["donchian_20_high", "donchian_20_low", "donchian_20_mid"]);

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period) =>
        IndicatorContract.WarmsUpExactly(new DonchianChannel(period), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new DonchianChannel(20), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(499)]
    public void Batch_EqualsStreaming(int period)
    {
        var bars = IndicatorContract.SpyBars();
        var n = bars.Length;
        double[][] batch = [new double[n], new double[n], new double[n]];

        DonchianChannel.Batch(bars.High, bars.Low, batch[0], batch[1], batch[2], period);

        IndicatorContract.Identical(Feed.Run(new DonchianChannel(period), bars), batch, "donchian batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample() =>
        IndicatorContract.RejectsNonFiniteBar(new DonchianChannel(20), double.NaN);

    [Fact]
    public void Batch_NonFiniteInput_ThrowsNamingColumnAndSample()
    {
        var bars = IndicatorContract.SpyBars();
        var n = bars.Length;

        Should.Throw<ArgumentOutOfRangeException>(() =>
            DonchianChannel.Batch(IndicatorContract.WithBad(bars.High, 4, double.NegativeInfinity), bars.Low, new double[n], new double[n], new double[n]))
            .Message.ShouldContain("donchian_20: high #5");
    }

    [Fact]
    public void Constructor_PeriodBelowOne_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new DonchianChannel(0)).Message.ShouldContain("donchian: period 0 is out of range");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var n = bars.Length;
            double[][] outputs = [new double[n], new double[n], new double[n]];
            DonchianChannel.Batch(bars.High, bars.Low, outputs[0], outputs[1], outputs[2]);
            return outputs;
        });
}
