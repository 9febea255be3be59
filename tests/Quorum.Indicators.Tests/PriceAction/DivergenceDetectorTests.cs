using Quorum.Indicators.PriceAction;
using Quorum.Indicators.Tests.Support;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>
/// Divergences on hand-built bars with a synthetic oscillator series (pivots with 2 bars each side), then with a Wilder
/// RSI on real bars. Lows 100, 95, 90, 95, 100, 95, X, Y, 90, 95, 100 put pivot lows at bars 2 and 7 (confirmed at 4 and 9).
/// </summary>
public sealed class DivergenceDetectorTests
{
    private static readonly DivergenceOptions TwoByTwo = new() { LeftBars = 2, RightBars = 2, MinBarsBetweenPivots = 1, MaxBarsBetweenPivots = 60 };

    [Fact]
    public void PriceLowerLow_OscillatorHigherLow_IsRegularBullish_ReportedWhenTheSecondLowIsConfirmed()
    {
        var (bars, oscillator) = Lows(secondLow: 85, firstValue: 20, secondValue: 30);

        var reported = Run(new DivergenceDetector(TwoByTwo), bars, oscillator);

        reported.ShouldBe([(9L, new Divergence(
            DivergenceKind.RegularBullish,
            new SwingPoint(2, 2 * Step, 90, SwingKind.Low, 4, 4 * Step),
            new SwingPoint(7, 7 * Step, 85, SwingKind.Low, 9, 9 * Step),
            20,
            30))]);
        reported[0].Divergence.Bias.ShouldBe(Bias.Bullish);
        reported[0].Divergence.IsHidden.ShouldBeFalse();
        reported[0].Divergence.Distance.ShouldBe(5);
        reported[0].Divergence.ConfirmedAtIndex.ShouldBe(9);
    }

    [Fact]
    public void PriceHigherLow_OscillatorLowerLow_IsHiddenBullish()
    {
        var (bars, oscillator) = Lows(secondLow: 92, firstValue: 30, secondValue: 20);

        Run(new DivergenceDetector(TwoByTwo), bars, oscillator).Select(r => r.Divergence.Kind).ShouldBe([DivergenceKind.HiddenBullish]);
    }

    [Theory]
    [InlineData(85, 20, 30, DivergenceKind.RegularBearish)]
    [InlineData(92, 30, 20, DivergenceKind.HiddenBearish)]
    public void MirroredBarsAndOscillator_GiveTheBearishCounterpart(double secondLow, double firstValue, double secondValue, DivergenceKind expected)
    {
        var (bars, oscillator) = Lows(secondLow, firstValue, secondValue);

        var reported = Run(new DivergenceDetector(TwoByTwo), Mirror(bars), [.. oscillator.Select(v => 100 - v)]);

        reported.Select(r => r.Divergence.Kind).ShouldBe([expected]);
        var divergence = reported[0].Divergence;
        divergence.First.ShouldBe(new SwingPoint(2, 2 * Step, 200 - 90, SwingKind.High, 4, 4 * Step));
        divergence.Second.Price.ShouldBe(200 - secondLow);
        divergence.Bias.ShouldBe(Bias.Bearish);
    }

    [Theory]
    [InlineData(90, 20, 30, "equal price lows")]
    [InlineData(85, 30, 30, "equal oscillator lows")]
    [InlineData(85, 30, 20, "price and oscillator both lower: no divergence")]
    [InlineData(92, 20, 30, "price and oscillator both higher: no divergence")]
    public void NoDivergence_WhenPriceAndOscillatorAgreeOrAreEqual(double secondLow, double firstValue, double secondValue, string why)
    {
        var (bars, oscillator) = Lows(secondLow, firstValue, secondValue);

        Run(new DivergenceDetector(TwoByTwo), bars, oscillator).ShouldBeEmpty(why);
    }

    [Theory]
    [InlineData(5, 5, true)]
    [InlineData(6, 60, false)]
    [InlineData(1, 4, false)]
    [InlineData(1, 5, true)]
    public void PivotDistance_MustLieWithinMinAndMax_Inclusive(int min, int max, bool expected)
    {
        var (bars, oscillator) = Lows(secondLow: 85, firstValue: 20, secondValue: 30);
        var options = TwoByTwo with { MinBarsBetweenPivots = min, MaxBarsBetweenPivots = max };

        Run(new DivergenceDetector(options), bars, oscillator).Count.ShouldBe(expected ? 1 : 0);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(20.0, true)]
    [InlineData(19.9, false)]
    public void BullishZoneFilter_RequiresTheLowerOscillatorLowAtOrBelowTheCeiling(double? ceiling, bool expected)
    {
        var (bars, oscillator) = Lows(secondLow: 85, firstValue: 20, secondValue: 30);
        var options = TwoByTwo with { BullishOscillatorCeiling = ceiling };

        Run(new DivergenceDetector(options), bars, oscillator).Count.ShouldBe(expected ? 1 : 0);
    }

    [Theory]
    [InlineData(80.0, true)]
    [InlineData(80.1, false)]
    public void BearishZoneFilter_RequiresTheHigherOscillatorHighAtOrAboveTheFloor(double floor, bool expected)
    {
        var (bars, oscillator) = Lows(secondLow: 85, firstValue: 20, secondValue: 30);
        var options = TwoByTwo with { BearishOscillatorFloor = floor };

        // Mirrored: oscillator highs 80 and 70.
        Run(new DivergenceDetector(options), Mirror(bars), [.. oscillator.Select(v => 100 - v)]).Count.ShouldBe(expected ? 1 : 0);
    }

    [Fact]
    public void Anchor_PricePivotsUseThePriceLowBar_OscillatorPivotsUseTheOscillatorLowBar()
    {
        // Price bottoms at bar 6 (84), the oscillator at bar 7 (30).
        var bars = FromLows(100, 95, 90, 95, 100, 95, 84, 85, 90, 95, 100);
        double[] oscillator = [50, 40, 20, 40, 50, 40, 35, 30, 40, 50, 60];

        var onPrice = Run(new DivergenceDetector(TwoByTwo), bars, oscillator).Single().Divergence;
        var onOscillator = Run(new DivergenceDetector(TwoByTwo with { Anchor = DivergenceAnchor.OscillatorPivots }), bars, oscillator).Single().Divergence;

        (onPrice.Kind, onPrice.Second.Index, onPrice.Second.Price, onPrice.SecondOscillator).ShouldBe((DivergenceKind.RegularBullish, 6L, 84.0, 35.0));
        (onOscillator.Kind, onOscillator.Second.Index, onOscillator.Second.Price, onOscillator.SecondOscillator).ShouldBe((DivergenceKind.RegularBullish, 7L, 85.0, 30.0));
    }

    [Fact]
    public void OscillatorWarmingUp_PivotsWithNaNAreIgnored()
    {
        var (bars, oscillator) = Lows(secondLow: 85, firstValue: 20, secondValue: 30);
        for (var i = 0; i <= 3; i++)
        {
            oscillator[i] = double.NaN; // not ready at the first pivot (bar 2)
        }

        Run(new DivergenceDetector(TwoByTwo), bars, oscillator).ShouldBeEmpty("the first pivot has no oscillator value, so the second has nothing to compare with");
    }

    [Fact]
    public void OscillatorNaNAfterItsFirstValue_Throws()
    {
        var detector = new DivergenceDetector(TwoByTwo);
        var bars = FromLows(100, 95, 90);
        detector.Update(bars[0], double.NaN);
        detector.Update(bars[1], 50);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => detector.Update(bars[2], double.NaN));

        error.Message.ShouldContain("divergence_2_2: oscillator value #3 is NaN");
        detector.Samples.ShouldBe(2);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void OscillatorInfinite_Throws(double bad)
    {
        var detector = new DivergenceDetector(TwoByTwo);

        Should.Throw<ArgumentOutOfRangeException>(() => detector.Update(FromLows(100)[0], bad)).Message.ShouldContain("oscillator value #1 is");
    }

    [Fact]
    public void UpdateWithoutValue_OnADetectorWithoutOscillator_ThrowsSayingWhatToCall()
    {
        var detector = new DivergenceDetector(TwoByTwo);

        Should.Throw<InvalidOperationException>(() => detector.Update(FromLows(100)[0])).Message.ShouldContain("call Update(bar, oscillatorValue)");
    }

    [Fact]
    public void UpdateWithValue_OnADetectorOwningItsOscillator_Throws()
    {
        var detector = new DivergenceDetector(new WilderRsi(14), TwoByTwo);

        Should.Throw<InvalidOperationException>(() => detector.Update(FromLows(100)[0], 50)).Message.ShouldContain("owns its oscillator rsi_14");
    }

    [Fact]
    public void TestRsi_MatchesLeanWilderRsiReference()
    {
        var table = ReferenceTable.Load("spy_with_indicators.txt");

        var values = Feed.Run(new WilderRsi(14), table.Column("Close"));

        ReferenceAssert.Matches(table.Column("RSI 14 Wilder"), values, "test Wilder RSI vs spy_with_indicators.txt");
    }

    [Fact]
    public void OwnedRsi_OnRealBars_GivesTheSameDivergencesAsFeedingRsiValues_AndEachSatisfiesItsRule()
    {
        var bars = Points(ReferenceTable.Load("spy_candle_patterns.txt").Bars());
        var options = new DivergenceOptions { LeftBars = 3, RightBars = 3, MinBarsBetweenPivots = 3, MaxBarsBetweenPivots = 60 };
        var rsi = new WilderRsi(14);
        var values = bars.Select(b => { rsi.Update(b); return rsi.Value; }).ToArray();

        var owned = Run(new DivergenceDetector(new WilderRsi(14), options), bars, oscillator: null);
        var fed = Run(new DivergenceDetector(options), bars, values);

        owned.ShouldBe(fed);
        owned.Select(r => r.Divergence.Kind).Distinct().Count().ShouldBe(4, "all four kinds occur in 500 SPY days");
        foreach (var (at, d) in owned)
        {
            at.ShouldBe(d.ConfirmedAtIndex);
            d.Distance.ShouldBeInRange(3, 60);
            d.FirstOscillator.ShouldBe(values[d.First.Index]);
            d.SecondOscillator.ShouldBe(values[d.Second.Index]);
            d.First.Price.ShouldBe(d.Bias == Bias.Bullish ? bars[d.First.Index].Low : bars[d.First.Index].High);
            var priceUp = d.Second.Price > d.First.Price;
            var oscillatorUp = d.SecondOscillator > d.FirstOscillator;
            (d.Second.Price != d.First.Price && d.SecondOscillator != d.FirstOscillator).ShouldBeTrue();
            var expected = (d.Bias, priceUp, oscillatorUp) switch
            {
                (Bias.Bullish, false, true) => DivergenceKind.RegularBullish,
                (Bias.Bullish, true, false) => DivergenceKind.HiddenBullish,
                (Bias.Bearish, true, false) => DivergenceKind.RegularBearish,
                (Bias.Bearish, false, true) => DivergenceKind.HiddenBearish,
                _ => throw new Xunit.Sdk.XunitException($"{d}: price and oscillator move together"),
            };
            d.Kind.ShouldBe(expected);
        }
    }

    [Fact]
    public void Reset_AlsoResetsTheOwnedOscillator()
    {
        var bars = Points(ReferenceTable.Load("spy_candle_patterns.txt").Bars());
        var detector = new DivergenceDetector(new WilderRsi(14));
        var first = Run(detector, bars, oscillator: null);
        first.ShouldNotBeEmpty();

        detector.Reset();

        detector.Samples.ShouldBe(0);
        double.IsNaN(detector.OscillatorValue).ShouldBeTrue();
        Run(detector, bars, oscillator: null).ShouldBe(first);
    }

    [Theory]
    [InlineData("LeftBars", "divergence: LeftBars 0 is out of range (LeftBars ≥ 1)")]
    [InlineData("RightBars", "divergence: RightBars -1 is out of range (RightBars ≥ 0)")]
    [InlineData("MinBarsBetweenPivots", "divergence: MinBarsBetweenPivots 0 is out of range (MinBarsBetweenPivots ≥ 1)")]
    [InlineData("MaxBarsBetweenPivots", "divergence: MaxBarsBetweenPivots 4 is out of range (MaxBarsBetweenPivots ≥ MinBarsBetweenPivots = 5)")]
    [InlineData("BullishOscillatorCeiling", "divergence: BullishOscillatorCeiling NaN is out of range (a finite number, or null for no filter)")]
    [InlineData("Anchor", "divergence: Anchor 7 is not one of PricePivots, OscillatorPivots")]
    public void Options_OutOfRange_ThrowNamingTheParameterAndTheAllowedRange(string parameter, string message)
    {
        var options = parameter switch
        {
            "LeftBars" => new DivergenceOptions { LeftBars = 0 },
            "RightBars" => new DivergenceOptions { RightBars = -1 },
            "MinBarsBetweenPivots" => new DivergenceOptions { MinBarsBetweenPivots = 0 },
            "MaxBarsBetweenPivots" => new DivergenceOptions { MaxBarsBetweenPivots = 4 },
            "BullishOscillatorCeiling" => new DivergenceOptions { BullishOscillatorCeiling = double.NaN },
            _ => new DivergenceOptions { Anchor = (DivergenceAnchor)7 },
        };

        var error = Should.Throw<ArgumentOutOfRangeException>(() => new DivergenceDetector(options));

        error.ParamName.ShouldBe(parameter);
        error.Message.ShouldStartWith(message);
    }

    /// <summary>Lows 100, 95, 90, 95, 100, 95, 95, <paramref name="secondLow"/>, 95, 95, 100 with oscillator 50 except at the two pivot lows.</summary>
    private static (OhlcvPoint[] Bars, double[] Oscillator) Lows(double secondLow, double firstValue, double secondValue)
    {
        var bars = FromLows(100, 95, 90, 95, 100, 96, 95.5, secondLow, 95.5, 96, 100);
        double[] oscillator = [50, 50, firstValue, 50, 50, 50, 50, secondValue, 50, 50, 50];
        return (bars, oscillator);
    }

    private static List<(long At, Divergence Divergence)> Run(DivergenceDetector detector, OhlcvPoint[] bars, double[]? oscillator)
    {
        var reported = new List<(long, Divergence)>();
        for (var i = 0; i < bars.Length; i++)
        {
            if (oscillator is null)
            {
                detector.Update(bars[i]);
            }
            else
            {
                detector.Update(bars[i], oscillator[i]);
            }

            reported.AddRange(detector.Detected.Select(d => (detector.Samples - 1, d)));
        }

        return reported;
    }
}
