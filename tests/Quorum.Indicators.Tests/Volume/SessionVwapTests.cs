using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;
using Quorum.Indicators.Volume;

namespace Quorum.Indicators.Tests.Volume;

public sealed class SessionVwapTests
{
    private const long Hour = 3_600_000;

    [Fact]
    public void DailySession_EqualsNaiveVwapSinceUtcMidnight()
    {
        // Hourly bars starting at 05:00 UTC, so sessions begin mid-series; no reference file has a
        // session VWAP, so the definition is recomputed naively per UTC day.
        var bars = Shifted(IndicatorContract.BarsAround(IndicatorContract.RandomWalk(24 * 10, 60_000, seed: 101), seed: 102), 5 * Hour);

        var vwap = Feed.Run(new SessionVwap(), bars)[0];

        for (var t = 0; t < bars.Length; t++)
        {
            var day = bars.Time[t] / (24 * Hour);
            double weighted = 0, volume = 0;
            for (var i = t; i >= 0 && bars.Time[i] / (24 * Hour) == day; i--)
            {
                weighted += (bars.High[i] + bars.Low[i] + bars.Close[i]) / 3.0 * bars.Volume[i];
                volume += bars.Volume[i];
            }

            vwap[t].ShouldBe(weighted / volume, 1e-12 * vwap[t], $"bar {t}");
        }
    }

    [Fact]
    public void SessionLengthAndOffset_SetWhereSessionsStart()
    {
        // 8-hour sessions starting at 02:00, 10:00, 18:00 UTC: the bar opening at 02:00 starts afresh.
        var vwap = new SessionVwap(TimeSpan.FromHours(8), TimeSpan.FromHours(2), PriceSource.Close);

        vwap.Update(new OhlcvPoint(0 * Hour, 10, 10, 10, 10, 1));
        vwap.Update(new OhlcvPoint(1 * Hour, 20, 20, 20, 20, 3));
        vwap.Value.ShouldBe(17.5);
        vwap.Update(new OhlcvPoint(2 * Hour, 40, 40, 40, 40, 2));
        vwap.Value.ShouldBe(40);
        vwap.Update(new OhlcvPoint(9 * Hour, 10, 10, 10, 10, 2));
        vwap.Value.ShouldBe(25);
        vwap.Update(new OhlcvPoint(10 * Hour, 7, 7, 7, 7, 5));
        vwap.Value.ShouldBe(7);
    }

    [Fact]
    public void ZeroVolumeSession_IsThePlainMeanOfPrices()
    {
        var vwap = new SessionVwap(source: PriceSource.Close);

        vwap.Update(new OhlcvPoint(0, 10, 10, 10, 10, 0));
        vwap.Update(new OhlcvPoint(Hour, 20, 20, 20, 20, 0));

        vwap.Value.ShouldBe(15);
    }

    [Fact]
    public void Names_FollowTheRegistry()
    {
        IndicatorRegistry.Create("vwap_session").Name.ShouldBe("vwap_session");
        IndicatorRegistry.Create("vwap_session:8").Name.ShouldBe("vwap_session_8h");
        IndicatorRegistry.Create("vwap_session:8:2").Name.ShouldBe("vwap_session_8h_2h");
        Should.Throw<FormatException>(() => IndicatorRegistry.Create("vwap_session:0")).Message.ShouldContain("session length");
    }

    [Fact]
    public void IsReady_FlipsExactlyAtWarmUpPeriod() =>
        IndicatorContract.WarmsUpExactly(new SessionVwap(), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new SessionVwap(TimeSpan.FromDays(7)), IndicatorContract.SpyBars());

    [Theory]
    [InlineData(24, 0)]
    [InlineData(24 * 7, 24 * 4)]
    [InlineData(1, 0)]
    public void Batch_EqualsStreaming(int hours, int offsetHours)
    {
        var bars = IndicatorContract.SpyBars();
        var batch = new double[bars.Length];
        var length = TimeSpan.FromHours(hours);
        var offset = TimeSpan.FromHours(offsetHours);

        SessionVwap.Batch(bars, batch, length, offset);

        IndicatorContract.Identical(Feed.Run(new SessionVwap(length, offset), bars)[0], batch, "vwap_session batch vs streaming");
    }

    [Fact]
    public void TimeGoingBackwards_Throws()
    {
        var vwap = new SessionVwap();
        vwap.Update(IndicatorContract.Bar(timeMs: 5 * Hour));

        Should.Throw<ArgumentException>(() => vwap.Update(IndicatorContract.Bar(timeMs: 4 * Hour))).Message.ShouldContain("must not go backwards");
        Should.Throw<ArgumentException>(() => SessionVwap.Batch([5 * Hour, 4 * Hour], [1.0, 1], [1.0, 1], new double[2]))
            .Message.ShouldContain("bar #2 opens at 14400000 ms, before the previous bar");
    }

    [Fact]
    public void Update_BadInput_ThrowsNamingIndicatorAndSample()
    {
        IndicatorContract.RejectsNonFiniteBar(new SessionVwap(), double.NaN);
        Should.Throw<ArgumentOutOfRangeException>(() => new SessionVwap().Update(new OhlcvPoint(0, 1, 1, 1, 1, -1))).Message.ShouldContain("vwap_session: volume #1");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(24, 24)]
    public void Constructor_BadSession_Throws(int hours, int offsetHours) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new SessionVwap(TimeSpan.FromHours(hours), TimeSpan.FromHours(offsetHours)));

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            SessionVwap.Batch(bars, output, TimeSpan.FromDays(7));
            return [output];
        });

    private static OhlcvColumns Shifted(OhlcvColumns bars, long byMs) =>
        new(bars.Time.Select(t => t + byMs).ToArray(), bars.Open, bars.High, bars.Low, bars.Close, bars.Volume);
}
