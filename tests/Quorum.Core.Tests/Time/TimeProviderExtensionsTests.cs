using Quorum.Core.Time;

namespace Quorum.Core.Tests.Time;

public sealed class TimeProviderExtensionsTests
{
    [Fact]
    public void GetUtcNowMilliseconds_ReturnsUnixMilliseconds()
    {
        var clock = new SimulatedClock(DateTimeOffset.Parse("2024-02-29T12:34:56.789Z", System.Globalization.CultureInfo.InvariantCulture));

        var ms = clock.GetUtcNowMilliseconds();

        ms.ShouldBe(1_709_210_096_789);
    }

    [Fact]
    public void GetUtcNowMilliseconds_NullProvider_Throws()
    {
        Should.Throw<ArgumentNullException>(() => ((TimeProvider)null!).GetUtcNowMilliseconds());
    }
}
