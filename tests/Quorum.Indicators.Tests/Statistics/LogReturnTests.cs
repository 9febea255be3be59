using Quorum.Indicators.Statistics;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;

namespace Quorum.Indicators.Tests.Statistics;

public sealed class LogReturnTests
{
    [Fact]
    public void LogReturn14_MatchesLeanReference_SpyLogr14()
    {
        var table = ReferenceTable.Load("spy_logr14.txt");

        ReferenceAssert.Matches(table.Column("LOGR14"), Feed.Run(new LogReturn(14), table.Column("Close")), "logr_14 vs spy_logr14.txt");
    }

    [Fact]
    public void Names_FollowTheRegistry() => IndicatorRegistry.Create("logr:14").Name.ShouldBe("logr_14");

    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period)
    {
        var logr = new LogReturn(period);

        logr.WarmUpPeriod.ShouldBe(period + 1);
        IndicatorContract.WarmsUpExactly(logr, IndicatorContract.SpyBars());
    }

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new LogReturn(14), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    public void Batch_EqualsStreaming(int period)
    {
        var close = IndicatorContract.SpyBars().Close;
        var batch = new double[close.Length];

        LogReturn.Batch(close, batch, period);

        IndicatorContract.Identical(Feed.Run(new LogReturn(period), close), batch, "logr batch vs streaming");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Update_BadInput_ThrowsNamingIndicatorAndSample(double bad)
    {
        var logr = new LogReturn(3);
        logr.Update(10);

        Should.Throw<ArgumentOutOfRangeException>(() => logr.Update(bad)).Message.ShouldContain("logr_3: input #2");
        Should.Throw<ArgumentOutOfRangeException>(() => LogReturn.Batch([10.0, bad], new double[2], 3)).Message.ShouldContain("logr_3: input #2");
    }

    [Fact]
    public void Constructor_PeriodBelowOne_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new LogReturn(0)).Message.ShouldContain("logr: period 0 is out of range");

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            LogReturn.Batch(bars.Close, output, 14);
            return [output];
        });
}
