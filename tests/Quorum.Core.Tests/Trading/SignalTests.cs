using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Core.Tests.Trading;

public sealed class SignalTests
{
    private static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT.P");
    private const long T0 = 1_609_459_200_000;

    [Fact]
    public void Constructor_Seed000Shape_HasNoEntryTimeframeOrExpiry()
    {
        var signal = new Signal(Btc, PositionSide.Long, "DIV", confidence: 0.7, createdAtMs: T0,
            metadata: [new("cluster_size", 3)]);

        signal.Entry.ShouldBeNull();
        signal.Timeframe.ShouldBeNull();
        signal.ValidUntilMs.ShouldBeNull();
        signal.Reason.ShouldBe(string.Empty);
        signal.Metadata["cluster_size"].ShouldBe(3);
    }

    [Fact]
    public void Constructor_Seed001Shape_KeepsEntryTimeframeExpiryAndReason()
    {
        var signal = new Signal(Btc, PositionSide.Short, "breakout_4h", 1.0, T0,
            entry: 29_000.5m, timeframe: Timeframe.H4, validUntilMs: T0 + Timeframe.HourMs, reason: "Donchian 20 break");

        signal.Entry.ShouldBe(29_000.5m);
        signal.Timeframe.ShouldBe(Timeframe.H4);
        signal.ValidUntilMs.ShouldBe(T0 + Timeframe.HourMs);
        signal.Reason.ShouldBe("Donchian 20 break");
        signal.ToString().ShouldContain("SHORT BINANCE:BTCUSDT.P by breakout_4h");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_ConfidenceOutsideZeroToOne_ThrowsNamingValueAndRange(double confidence)
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new Signal(Btc, PositionSide.Long, "PIN", confidence, T0));

        error.ParamName.ShouldBe("confidence");
        error.Message.ShouldContain("0 ≤ confidence ≤ 1");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Constructor_ConfidenceAtBounds_IsAccepted(double confidence)
    {
        var signal = new Signal(Btc, PositionSide.Long, "PIN", confidence, T0);

        signal.Confidence.ShouldBe(confidence);
    }

    [Fact]
    public void Constructor_ExpiryNotAfterCreation_ThrowsNamingBothTimes()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new Signal(Btc, PositionSide.Long, "PIN", 0.5, T0, validUntilMs: T0));

        error.Message.ShouldContain($"valid-until {T0} must be after its creation time {T0}");
    }

    [Fact]
    public void Constructor_BlankStrategyOrNonPositiveEntryOrDefaultSymbol_Throws()
    {
        Should.Throw<ArgumentException>(() => new Signal(Btc, PositionSide.Long, " ", 0.5, T0)).Message.ShouldContain("strategy");
        Should.Throw<ArgumentOutOfRangeException>(() => new Signal(Btc, PositionSide.Long, "PIN", 0.5, T0, entry: 0m))
            .Message.ShouldContain("entry price 0 must be positive");
        Should.Throw<ArgumentException>(() => new Signal(default, PositionSide.Long, "PIN", 0.5, T0)).Message.ShouldContain("symbol is required");
    }

    [Fact]
    public void Constructor_DuplicateMetadataKey_Throws()
    {
        KeyValuePair<string, object>[] metadata = [new("k", 1), new("k", 2)];

        Should.Throw<ArgumentException>(() => new Signal(Btc, PositionSide.Long, "PIN", 0.5, T0, metadata: metadata))
            .Message.ShouldContain("'k' appears twice");
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(59_999, true)]
    [InlineData(60_000, false)]
    public void IsValidAt_HalfOpenWindowFromCreationToExpiry(long offsetMs, bool valid)
    {
        var signal = new Signal(Btc, PositionSide.Long, "ENG", 0.6, T0, validUntilMs: T0 + 60_000);

        signal.IsValidAt(T0 + offsetMs).ShouldBe(valid);
    }

    [Fact]
    public void IsValidAt_WithoutExpiry_IsValidForeverAfterCreation()
    {
        var signal = new Signal(Btc, PositionSide.Long, "ENG", 0.6, T0);

        signal.IsValidAt(T0 + (365 * Timeframe.DayMs)).ShouldBeTrue();
        signal.IsValidAt(T0 - 1).ShouldBeFalse();
    }

    [Fact]
    public void Equality_SameValuesAndMetadata_AreEqualRegardlessOfMetadataOrder()
    {
        var left = new Signal(Btc, PositionSide.Long, "BRK", 0.5, T0, metadata: [new("a", 1), new("b", "x")]);
        var right = new Signal(Btc, PositionSide.Long, "BRK", 0.5, T0, metadata: [new("b", "x"), new("a", 1)]);
        var different = new Signal(Btc, PositionSide.Long, "BRK", 0.5, T0, metadata: [new("a", 2), new("b", "x")]);

        left.ShouldBe(right);
        left.GetHashCode().ShouldBe(right.GetHashCode());
        left.ShouldNotBe(different);
        left.Metadata.Keys.ShouldBe(["a", "b"]);
    }
}
