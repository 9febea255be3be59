using Quorum.Indicators.PriceAction;
using static Quorum.Indicators.Tests.PriceAction.TestBars;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>A bullish gap [101, 102] completed by bar 2: bar 0's high 101 &lt; bar 2's low 102. Bearish cases are its mirror image.</summary>
public sealed class FairValueGapDetectorTests
{
    private static readonly (double, double, double, double)[] Gap =
    [
        (100, 101, 99, 100.5),
        (100.5, 105, 100.5, 104.5),
        (104.5, 106, 102, 105.5),
    ];

    [Fact]
    public void FirstHighBelowThirdLow_IsABullishGapReportedOnTheThirdBar()
    {
        var events = Run(new FairValueGapDetector(), Ohlc(Gap));

        events.ShouldBe([new FairValueGapEvent(
            FairValueGapEventKind.Created,
            new FairValueGap(0, Bias.Bullish, Bottom: 101, Top: 102, Index: 2, TimeMs: 2 * Step, IsMitigated: false, FilledFraction: 0),
            2,
            2 * Step)]);
    }

    [Fact]
    public void FirstHighEqualToThirdLow_IsNoGap()
    {
        Run(new FairValueGapDetector(), Ohlc([.. Gap[..2], (104.5, 106, 101, 105.5)])).ShouldBeEmpty();
    }

    [Fact]
    public void ARetraceIntoTheGap_MitigatesIt_AndThroughTheFarEdge_FillsIt()
    {
        var detector = new FairValueGapDetector();
        var bars = Ohlc([.. Gap, (105.5, 106, 102, 103), (103, 104, 101.5, 103.5), (103.5, 104, 101, 101.5)]);

        var events = Run(detector, bars, out var afterEach);

        afterEach[3].ShouldBeEmpty("bar 3 only touches the top (low 102 = top): depth 0");
        afterEach[4].Select(e => (e.Kind, e.Gap.IsMitigated, e.Gap.FilledFraction)).ShouldBe([(FairValueGapEventKind.Mitigated, true, 0.5)]);
        afterEach[5].Select(e => (e.Kind, e.Gap.FilledFraction)).ShouldBe([(FairValueGapEventKind.Filled, 1.0)]);
        detector.Active.ShouldBeEmpty();
        events.Count.ShouldBe(3);
    }

    [Fact]
    public void OneBarThroughTheWholeGap_MitigatesAndFillsInThatOrder()
    {
        var bars = Ohlc([.. Gap, (105.5, 106, 100, 100.5)]);

        Run(new FairValueGapDetector(), bars, out var afterEach);

        afterEach[3].Select(e => e.Kind).ShouldBe([FairValueGapEventKind.Mitigated, FairValueGapEventKind.Filled]);
    }

    [Theory]
    [InlineData(101.6, false, "depth 0.4 < 0.5 × size")]
    [InlineData(101.5, true, "depth 0.5 = 0.5 × size")]
    public void MitigationFraction_SetsHowDeepTheRetraceMustBe(double low, bool mitigated, string why)
    {
        var detector = new FairValueGapDetector(new FairValueGapOptions { MitigationFraction = 0.5 });

        Run(detector, Ohlc([.. Gap, (105.5, 106, low, 105)]), out var afterEach);

        afterEach[3].Any(e => e.Kind == FairValueGapEventKind.Mitigated).ShouldBe(mitigated, why);
        detector.Active.Single().FilledFraction.ShouldBe(102 - low, 1e-12, "the deepest retrace is tracked even below the mitigation fraction");
    }

    [Fact]
    public void MirroredBars_GiveTheBearishGap_WithTheSameLifecycle()
    {
        var bars = Mirror(Ohlc([.. Gap, (105.5, 106, 102, 103), (103, 104, 101.5, 103.5), (103.5, 104, 101, 101.5)]));

        var events = Run(new FairValueGapDetector(), bars);

        events.Select(e => (e.Kind, e.Index)).ShouldBe([(FairValueGapEventKind.Created, 2L), (FairValueGapEventKind.Mitigated, 4L), (FairValueGapEventKind.Filled, 5L)]);
        events[0].Gap.ShouldBe(new FairValueGap(0, Bias.Bearish, Bottom: 98, Top: 99, Index: 2, TimeMs: 2 * Step, IsMitigated: false, FilledFraction: 0));
    }

    [Theory]
    [InlineData(0.0095, false)]
    [InlineData(0.009, true)]
    public void MinSizeToPrice_IgnoresSmallGaps(double minimum, bool reported)
    {
        // Gap size 1, third close 105.5: 1 / 105.5 ≈ 0.00948.
        Run(new FairValueGapDetector(new FairValueGapOptions { MinSizeToPrice = minimum }), Ohlc(Gap)).Count.ShouldBe(reported ? 1 : 0);
    }

    [Fact]
    public void MaxAgeBars_ExpiresAnUnfilledGap()
    {
        var bars = Ohlc([.. Gap, (105.5, 107, 104, 106), (106, 108, 105, 107), (107, 109, 106, 108)]);

        Run(new FairValueGapDetector(new FairValueGapOptions { MaxAgeBars = 2 }), bars, out var afterEach);

        afterEach[4].Select(e => e.Kind).ShouldNotContain(FairValueGapEventKind.Expired, "age 4 − 2 = 2 is not more than 2");
        afterEach[5].Where(e => e.Kind == FairValueGapEventKind.Expired).Select(e => e.Gap.Id).ShouldBe([0L]);
    }

    [Fact]
    public void MaxAgeBars_ABarPastTheAgeLimit_ExpiresTheGapInsteadOfFillingIt()
    {
        // Bars 3 and 4 stay above the gap [101, 102]; bar 5 (age 3 > 2) trades through it.
        var bars = Ohlc([.. Gap, (105.5, 107, 104, 106), (106, 108, 105, 107), (107, 107.5, 100, 100.5)]);
        var detector = new FairValueGapDetector(new FairValueGapOptions { MaxAgeBars = 2 });

        Run(detector, bars, out var afterEach);

        afterEach[5].Select(e => (e.Kind, e.Gap.Id, e.Gap.IsMitigated)).ShouldBe([(FairValueGapEventKind.Expired, 0L, false)]);
        detector.Active.ShouldBeEmpty();
    }

    [Fact]
    public void MaxAgeBars_TheLastBarWithinTheLimit_StillFillsTheGap()
    {
        var bars = Ohlc([.. Gap, (105.5, 107, 104, 106), (106, 106.5, 100, 100.5)]);

        Run(new FairValueGapDetector(new FairValueGapOptions { MaxAgeBars = 2 }), bars, out var afterEach);

        afterEach[4].Select(e => e.Kind).ShouldBe([FairValueGapEventKind.Mitigated, FairValueGapEventKind.Filled]);
    }

    [Fact]
    public void MaxActiveGaps_TheOldestExpiresWhenANewGapArrives()
    {
        // Bars 2 and 3 each complete a bullish gap (bar 1 high 105 < bar 3 low 105.5).
        var bars = Ohlc([.. Gap, (105.5, 107, 105.5, 106.5)]);
        var detector = new FairValueGapDetector(new FairValueGapOptions { MaxActiveGaps = 1 });

        Run(detector, bars, out var afterEach);

        afterEach[3].Select(e => (e.Kind, e.Gap.Id)).ShouldBe([(FairValueGapEventKind.Expired, 0L), (FairValueGapEventKind.Created, 1L)]);
        detector.Active.Select(g => (g.Bottom, g.Top)).ShouldBe([(105.0, 105.5)]);
    }

    [Fact]
    public void Reset_ForgetsGapsAndIds()
    {
        var detector = new FairValueGapDetector();
        var first = Run(detector, Ohlc(Gap));

        detector.Reset();

        detector.Active.ShouldBeEmpty();
        Run(detector, Ohlc(Gap)).ShouldBe(first);
    }

    [Theory]
    [InlineData("MinSizeToPrice", "fvg: MinSizeToPrice -0.01 is out of range (0 ≤ MinSizeToPrice < 1)")]
    [InlineData("MitigationFraction", "fvg: MitigationFraction 1.5 is out of range (0 ≤ MitigationFraction ≤ 1)")]
    [InlineData("MaxActiveGaps", "fvg: MaxActiveGaps 0 is out of range (MaxActiveGaps ≥ 1)")]
    [InlineData("MaxAgeBars", "fvg: MaxAgeBars 0 is out of range (MaxAgeBars ≥ 1)")]
    public void Options_OutOfRange_Throw(string parameter, string message)
    {
        var options = parameter switch
        {
            "MinSizeToPrice" => new FairValueGapOptions { MinSizeToPrice = -0.01 },
            "MitigationFraction" => new FairValueGapOptions { MitigationFraction = 1.5 },
            "MaxActiveGaps" => new FairValueGapOptions { MaxActiveGaps = 0 },
            _ => new FairValueGapOptions { MaxAgeBars = 0 },
        };

        Should.Throw<ArgumentOutOfRangeException>(() => new FairValueGapDetector(options)).Message.ShouldStartWith(message);
    }

    private static List<FairValueGapEvent> Run(FairValueGapDetector detector, OhlcvPoint[] bars) => Run(detector, bars, out _);

    private static List<FairValueGapEvent> Run(FairValueGapDetector detector, OhlcvPoint[] bars, out List<FairValueGapEvent[]> afterEach)
    {
        afterEach = [];
        foreach (var bar in bars)
        {
            detector.Update(bar);
            afterEach.Add([.. detector.Events]);
        }

        return [.. afterEach.SelectMany(e => e)];
    }
}
