using Quorum.Core.Time;

namespace Quorum.Core.Tests.Time;

/// <summary>Timeframe equality and hash (the hash is the length's, so per-bar lookups hash no string).</summary>
public sealed class TimeframeEqualityTests
{
    [Fact]
    public void Equals_EveryPairOfTimeframes_IsEqualExactlyWhenParsedFromTheSameName()
    {
        foreach (var left in Timeframe.All)
        {
            foreach (var right in Timeframe.All)
            {
                var parsed = Timeframe.Parse(right.Name);
                (left == parsed).ShouldBe(left.Name == right.Name);
                left.Equals((object)parsed).ShouldBe(left.Name == right.Name);
                if (left == parsed)
                {
                    left.GetHashCode().ShouldBe(parsed.GetHashCode());
                }
            }
        }
    }

    [Fact]
    public void Equals_DefaultTimeframe_EqualsOnlyTheDefault()
    {
        (default(Timeframe) == default).ShouldBeTrue();
        (Timeframe.M1 == default).ShouldBeFalse();
        new Dictionary<Timeframe, int> { [Timeframe.H1] = 1 }[Timeframe.Parse("1h")].ShouldBe(1);
    }
}
