using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Time;

namespace Quorum.Core.Tests.Time;

public sealed class TimeframeTests
{
    [Theory]
    [InlineData("1m", 60_000L)]
    [InlineData("3m", 180_000L)]
    [InlineData("5m", 300_000L)]
    [InlineData("15m", 900_000L)]
    [InlineData("30m", 1_800_000L)]
    [InlineData("1h", 3_600_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("4h", 14_400_000L)]
    [InlineData("6h", 21_600_000L)]
    [InlineData("12h", 43_200_000L)]
    [InlineData("1d", 86_400_000L)]
    [InlineData("1w", 604_800_000L)]
    public void Parse_KnownName_HasExactMilliseconds(string name, long milliseconds)
    {
        var timeframe = Timeframe.Parse(name);

        timeframe.Milliseconds.ShouldBe(milliseconds);
        timeframe.Name.ShouldBe(name);
        timeframe.ToString().ShouldBe(name);
    }

    [Theory]
    [InlineData("1M")]
    [InlineData("7m")]
    [InlineData("")]
    [InlineData("hour")]
    public void Parse_UnknownName_ThrowsNamingValueAndAllowed(string name)
    {
        var error = Should.Throw<FormatException>(() => Timeframe.Parse(name));

        error.Message.ShouldContain($"'{name}'");
        error.Message.ShouldContain("1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w");
    }

    [Fact]
    public void AlignDown_Hourly_FloorsToHour()
    {
        // 2021-01-01 13:47:12.345 UTC
        var t = DateTimeOffset.Parse("2021-01-01T13:47:12.345Z").ToUnixTimeMilliseconds();

        Timeframe.H1.AlignDown(t).ShouldBe(DateTimeOffset.Parse("2021-01-01T13:00:00Z").ToUnixTimeMilliseconds());
        Timeframe.H4.AlignDown(t).ShouldBe(DateTimeOffset.Parse("2021-01-01T12:00:00Z").ToUnixTimeMilliseconds());
        Timeframe.M15.AlignDown(t).ShouldBe(DateTimeOffset.Parse("2021-01-01T13:45:00Z").ToUnixTimeMilliseconds());
    }

    [Fact]
    public void AlignDown_Weekly_AlignsToMondayLikeBinance()
    {
        // Friday 2021-01-01 -> Monday 2020-12-28
        var friday = DateTimeOffset.Parse("2021-01-01T10:00:00Z").ToUnixTimeMilliseconds();

        var aligned = DateTimeOffset.FromUnixTimeMilliseconds(Timeframe.W1.AlignDown(friday));

        aligned.ShouldBe(DateTimeOffset.Parse("2020-12-28T00:00:00Z"));
        aligned.DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Fact]
    public void AlignDown_BeforeEpoch_FloorsTowardsMinusInfinity()
    {
        Timeframe.H1.AlignDown(-1).ShouldBe(-Timeframe.HourMs);
        Timeframe.H1.IsAligned(-Timeframe.HourMs).ShouldBeTrue();
    }

    [Fact]
    public void IsMultipleOf_WholeBarsOnTheSameGrid_AndNeverALongerOrMisalignedTimeframe()
    {
        Timeframe.W1.IsMultipleOf(Timeframe.D1).ShouldBeTrue();
        Timeframe.W1.IsMultipleOf(Timeframe.H4).ShouldBeTrue(); // Monday 00:00 is on the 4h grid
        Timeframe.H1.IsMultipleOf(Timeframe.M5).ShouldBeTrue();
        Timeframe.M5.IsMultipleOf(Timeframe.H1).ShouldBeFalse();
        Timeframe.H1.IsMultipleOf(Timeframe.M3).ShouldBeTrue();
        Timeframe.M5.IsMultipleOf(Timeframe.M3).ShouldBeFalse();
        Timeframe.D1.IsMultipleOf(Timeframe.W1).ShouldBeFalse();
    }

    [Fact]
    public void IsMultipleOf_EveryTimeframe_IsAMultipleOfItself()
    {
        // 1w used to compare its Monday anchor against its own length and say no, so 1w → 1w resampling was refused.
        Timeframe.All.ShouldAllBe(timeframe => timeframe.IsMultipleOf(timeframe));
    }

    [Fact]
    public void IsMultipleOf_ForEveryPair_IsTrueExactlyWhenEveryHigherBarIsMadeOfWholeLowerBars()
    {
        var start = DateTimeOffset.Parse("2020-12-30T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        foreach (var higher in Timeframe.All)
        {
            foreach (var lower in Timeframe.All)
            {
                // Four weeks of higher bars, each checked for opening and closing on the lower grid.
                var nests = lower.Milliseconds <= higher.Milliseconds;
                for (var open = higher.AlignDown(start); nests && open < start + (4 * Timeframe.WeekMs); open = higher.CloseTime(open))
                {
                    nests = lower.IsAligned(open) && lower.IsAligned(higher.CloseTime(open));
                }

                higher.IsMultipleOf(lower).ShouldBe(nests, $"{higher}.IsMultipleOf({lower})");
            }
        }
    }

    [Fact]
    public void IsMultipleOf_WhenTrue_EveryHigherBarOpensOnTheLowerGridAndHoldsWholeLowerBars()
    {
        var gen =
            from higher in Gen.Elements(Timeframe.All.ToArray())
            from lower in Gen.Elements(Timeframe.All.ToArray())
            from timestamp in Gen.Choose(0, int.MaxValue).Select(t => (long)t * 1_000)
            select (higher, lower, timestamp);

        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (higher, lower, timestamp) = sample;
            var open = higher.AlignDown(timestamp);
            var nested = lower.IsAligned(open) && lower.IsAligned(higher.CloseTime(open)) && higher.AlignDown(lower.AlignDown(timestamp)) == open;

            // IsMultipleOf promises that every bar of the higher timeframe opens and closes on the lower grid.
            return !higher.IsMultipleOf(lower) || nested;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("1H", "1h")]
    [InlineData("4H", "4h")]
    [InlineData("1D", "1d")]
    [InlineData(" 1w ", "1w")]
    public void Parse_UpperCaseHourDayWeek_IsAccepted(string text, string canonical)
    {
        var timeframe = Timeframe.Parse(text);

        timeframe.Name.ShouldBe(canonical);
    }

    [Fact]
    public void TryParse_Null_Fails()
    {
        Timeframe.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void All_IsOrderedShortestFirstAndComparesByLength()
    {
        Timeframe.All.Select(t => t.Name).ShouldBe(["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "1w"]);
        Timeframe.All.Order().ShouldBe(Timeframe.All);
        Timeframe.M1.CompareTo(Timeframe.H1).ShouldBeLessThan(0);
    }

    [Fact]
    public void TryFromMilliseconds_KnownAndUnknownLengths()
    {
        Timeframe.TryFromMilliseconds(4 * Timeframe.HourMs, out var h4).ShouldBeTrue();
        h4.ShouldBe(Timeframe.H4);
        Timeframe.TryFromMilliseconds(7 * Timeframe.MinuteMs, out _).ShouldBeFalse();
    }

    [Fact]
    public void CloseTime_IsOpenTimePlusLength()
    {
        Timeframe.H1.CloseTime(Timeframe.HourMs).ShouldBe(2 * Timeframe.HourMs);
        Timeframe.M15.Duration.ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void AlignDown_AnyTimestamp_IsAlignedAtOrBeforeItWithinOneBar()
    {
        var gen =
            from timeframe in Gen.Elements(Timeframe.All.ToArray())
            from high in Gen.Choose(-1000, 1_000_000)
            from low in Gen.Choose(0, int.MaxValue)
            select (timeframe, timestamp: ((long)high * 1_000_000) + low);

        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (timeframe, timestamp) = sample;
            var open = timeframe.AlignDown(timestamp);
            return open <= timestamp && timestamp - open < timeframe.Milliseconds && timeframe.IsAligned(open) &&
                   timeframe.AlignDown(open) == open;
        }).QuickCheckThrowOnFailure();
    }
}
