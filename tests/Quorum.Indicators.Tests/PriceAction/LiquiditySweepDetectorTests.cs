using Quorum.Indicators.PriceAction;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>Swings with 1 bar each side; bars 0–2 make a swing high 105 at bar 1, confirmed at bar 2.</summary>
public sealed class LiquiditySweepDetectorTests
{
    private static readonly SwingPoint High105 = new(1, Step, 105, SwingKind.High, 2, 2 * Step);

    private static readonly (double, double, double, double)[] SwingHigh =
    [
        (100, 102, 99, 101),
        (101, 105, 100, 104),
        (104, 104, 101, 102),
    ];

    private static readonly LiquiditySweepOptions OneByOne = new() { LeftBars = 1, RightBars = 1 };

    [Theory]
    [InlineData(104.5, "close back below the level")]
    [InlineData(105, "a close at the level is back inside")]
    public void WickAboveASwingHighAndCloseBackInside_OnTheSameBar_IsABearishSweep(double close, string why)
    {
        var sweeps = Run(new LiquiditySweepDetector(OneByOne), Ohlc([.. SwingHigh, (102, 106, 101.5, close)]));

        sweeps.ShouldBe([new LiquiditySweep(Bias.Bearish, 3, 3 * Step, High105, Extreme: 106, PiercedAtIndex: 3)], why);
        sweeps[0].BarsToReclaim.ShouldBe(0);
    }

    [Fact]
    public void HighEqualToTheLevel_IsNoSweep()
    {
        var detector = new LiquiditySweepDetector(OneByOne);

        Run(detector, Ohlc([.. SwingHigh, (102, 105, 101.5, 104)])).ShouldBeEmpty();
        detector.TrackedHighs.ShouldBe(1);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void CloseBeyondThenBackInsideOnTheNextBar_IsASweepOnlyWithinMaxBarsToReclaim(int maxBars, bool swept)
    {
        var detector = new LiquiditySweepDetector(OneByOne with { MaxBarsToReclaim = maxBars });

        var sweeps = Run(detector, Ohlc([.. SwingHigh, (102, 106, 101.5, 105.5), (105.5, 106.5, 104, 104.8)]));

        if (swept)
        {
            sweeps.ShouldBe([new LiquiditySweep(Bias.Bearish, 4, 4 * Step, High105, Extreme: 106.5, PiercedAtIndex: 3)]);
            sweeps[0].BarsToReclaim.ShouldBe(1);
        }
        else
        {
            sweeps.ShouldBeEmpty("with 0 bars allowed, the close above 105 is an accepted break and the level is dropped");
        }

        detector.TrackedHighs.ShouldBe(0);
    }

    [Fact]
    public void ReclaimAfterMoreThanMaxBarsToReclaim_IsNoSweep()
    {
        var detector = new LiquiditySweepDetector(OneByOne with { MaxBarsToReclaim = 1 });

        var sweeps = Run(detector, Ohlc([.. SwingHigh, (102, 106, 101.5, 105.5), (105.5, 107, 105.2, 106), (106, 106.5, 104, 104.5)]));

        sweeps.ShouldBeEmpty("the close came back inside 2 bars after the pierce");
    }

    [Fact]
    public void OneBar_CanSweepSeveralLevels_OldestFirst()
    {
        var bars = Ohlc(
            (100, 102, 99, 101),
            (101, 105, 100, 104),
            (104, 104, 101, 102),
            (102, 104.5, 101.5, 103),
            (103, 104, 102, 103.5),
            (103.5, 106, 102.5, 103.8));

        var sweeps = Run(new LiquiditySweepDetector(OneByOne), bars);

        sweeps.Select(s => (s.Index, s.Level.Price, s.Level.Index)).ShouldBe([(5L, 105.0, 1L), (5L, 104.5, 3L)]);
    }

    [Fact]
    public void MirroredBars_SweepASwingLow_Bullish()
    {
        var sweeps = Run(new LiquiditySweepDetector(OneByOne), Mirror(Ohlc([.. SwingHigh, (102, 106, 101.5, 104.5)])));

        sweeps.ShouldBe([new LiquiditySweep(Bias.Bullish, 3, 3 * Step, new SwingPoint(1, Step, 95, SwingKind.Low, 2, 2 * Step), Extreme: 94, PiercedAtIndex: 3)]);
    }

    [Fact]
    public void MaxTrackedLevels_DropsTheOldestLevel()
    {
        var bars = Ohlc(
            (100, 102, 99, 101),
            (101, 105, 100, 104),
            (104, 104, 101, 102),
            (102, 104.5, 101.5, 103),
            (103, 104, 102, 103.5),
            (103.5, 106, 102.5, 103.8));

        var sweeps = Run(new LiquiditySweepDetector(OneByOne with { MaxTrackedLevels = 1 }), bars);

        sweeps.Select(s => s.Level.Price).ShouldBe([104.5], "105 was dropped when 104.5 was confirmed");
    }

    [Fact]
    public void Reset_ForgetsTrackedLevels()
    {
        var detector = new LiquiditySweepDetector(OneByOne);
        Run(detector, Ohlc(SwingHigh));
        detector.TrackedHighs.ShouldBe(1);

        detector.Reset();

        (detector.TrackedHighs, detector.TrackedLows, detector.Samples).ShouldBe((0, 0, 0L));
    }

    [Theory]
    [InlineData("MaxBarsToReclaim", "sweeps: MaxBarsToReclaim -1 is out of range (MaxBarsToReclaim ≥ 0)")]
    [InlineData("MaxTrackedLevels", "sweeps: MaxTrackedLevels 0 is out of range (MaxTrackedLevels ≥ 1)")]
    [InlineData("LeftBars", "sweeps: LeftBars 0 is out of range (LeftBars ≥ 1)")]
    public void Options_OutOfRange_Throw(string parameter, string message)
    {
        var options = parameter switch
        {
            "MaxBarsToReclaim" => new LiquiditySweepOptions { MaxBarsToReclaim = -1 },
            "MaxTrackedLevels" => new LiquiditySweepOptions { MaxTrackedLevels = 0 },
            _ => new LiquiditySweepOptions { LeftBars = 0 },
        };

        Should.Throw<ArgumentOutOfRangeException>(() => new LiquiditySweepDetector(options)).Message.ShouldStartWith(message);
    }

    private static List<LiquiditySweep> Run(LiquiditySweepDetector detector, OhlcvPoint[] bars)
    {
        var sweeps = new List<LiquiditySweep>();
        foreach (var bar in bars)
        {
            detector.Update(bar);
            sweeps.AddRange(detector.Detected);
        }

        return sweeps;
    }
}
