using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

public sealed class RollingExtremaTests
{
    [Fact]
    public void Max5_MatchesTaLibReference_SpyMax()
    {
        var table = ReferenceTable.Load("spy_max.txt");

        ReferenceAssert.Matches(table.Column("MAX_5"), Feed.Run(new RollingMaximum(5), table.Column("Close")), "max_5 vs spy_max.txt");
    }

    [Fact]
    public void Min5_MatchesTaLibReference_SpyMin()
    {
        var table = ReferenceTable.Load("spy_min.txt");

        ReferenceAssert.Matches(table.Column("MIN_5"), Feed.Run(new RollingMinimum(5), table.Column("Close")), "min_5 vs spy_min.txt");
    }

    [Fact]
    public void Names_FollowTheRegistry()
    {
        IndicatorRegistry.Create("max:5").Name.ShouldBe("max_5");
        IndicatorRegistry.Create("min:5:low").Name.ShouldBe("min_5_low");
        Should.Throw<FormatException>(() => IndicatorRegistry.Create("max:5:closing")).Message.ShouldContain("'closing' is not a price source");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period)
    {
        IndicatorContract.WarmsUpExactly(new RollingMaximum(period), IndicatorContract.SpyBars());
        IndicatorContract.WarmsUpExactly(new RollingMinimum(period), IndicatorContract.SpyBars());
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        IndicatorContract.ResetsToNew(() => new RollingMaximum(5), IndicatorContract.SpyBars());
        IndicatorContract.ResetsToNew(() => new RollingMinimum(5), IndicatorContract.SpyBars());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public void Batch_EqualsStreaming(int period)
    {
        var close = IndicatorContract.SpyBars().Close;
        var max = new double[close.Length];
        var min = new double[close.Length];

        RollingMaximum.Batch(close, max, period);
        RollingMinimum.Batch(close, min, period);

        IndicatorContract.Identical(Feed.Run(new RollingMaximum(period), close), max, "max batch vs streaming");
        IndicatorContract.Identical(Feed.Run(new RollingMinimum(period), close), min, "min batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample()
    {
        IndicatorContract.RejectsNonFiniteBar(new RollingMaximum(5), double.NaN);
        IndicatorContract.RejectsNonFiniteBar(new RollingMinimum(5), double.PositiveInfinity);
        Should.Throw<ArgumentOutOfRangeException>(() => RollingMinimum.Batch([1.0, double.NaN], new double[2], 5)).Message.ShouldContain("min_5: input #2");
    }

    [Fact]
    public void Constructor_PeriodBelowOne_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingMaximum(0)).Message.ShouldContain("max: period 0 is out of range");
        Should.Throw<ArgumentOutOfRangeException>(() => new RollingMinimum(-1)).Message.ShouldContain("min: period -1 is out of range");
    }

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var max = new double[bars.Length];
            var min = new double[bars.Length];
            RollingMaximum.Batch(bars.High, max, 10);
            RollingMinimum.Batch(bars.Low, min, 10);
            return [max, min];
        });

    [Fact]
    public void RandomSeries_EqualsNaiveWindowExtremes()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 5_000).Select(_ => Math.Round(random.NextDouble() * 20)).ToArray(); // many ties
        foreach (var period in new[] { 1, 2, 3, 17, 100 })
        {
            var max = Feed.Run(new RollingMaximum(period), values);
            var min = Feed.Run(new RollingMinimum(period), values);
            for (var i = period - 1; i < values.Length; i++)
            {
                max[i].ShouldBe(values[(i - period + 1)..(i + 1)].Max());
                min[i].ShouldBe(values[(i - period + 1)..(i + 1)].Min());
            }
        }
    }
}
