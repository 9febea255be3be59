using Quorum.Indicators.PriceAction;

namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>
/// Every price-action detector with a way to read what it reports after a bar (its events, or for the level tracker its
/// levels), boxed so the generic contract tests can compare runs.
/// </summary>
internal static class DetectorCases
{
    public static readonly IReadOnlyDictionary<string, (Func<IPriceActionDetector> Create, Func<IPriceActionDetector, IEnumerable<object>> Report)> All =
        new Dictionary<string, (Func<IPriceActionDetector>, Func<IPriceActionDetector, IEnumerable<object>>)>
        {
            ["swings"] = (() => new SwingDetector(3, 2), d => Swings((SwingDetector)d)),
            ["divergence"] = (
                () => new DivergenceDetector(new WilderRsi(14), new DivergenceOptions { LeftBars = 3, RightBars = 3 }),
                d => ((DivergenceDetector)d).Detected.Select(x => (object)x)),
            ["divergence_oscillator_pivots"] = (
                () => new DivergenceDetector(new WilderRsi(9), new DivergenceOptions { LeftBars = 2, RightBars = 2, MinBarsBetweenPivots = 2, Anchor = DivergenceAnchor.OscillatorPivots }),
                d => ((DivergenceDetector)d).Detected.Select(x => (object)x)),
            ["pin_bar"] = (() => new PinBarDetector(), d => Single(((PinBarDetector)d).Detected)),
            ["engulfing"] = (() => new EngulfingDetector(allowEqualEdge: true), d => Single(((EngulfingDetector)d).Detected)),
            ["inside_bar"] = (() => new InsideBarDetector(), d => Single(((InsideBarDetector)d).Detected)),
            ["levels"] = (
                () => new SupportResistanceTracker(new SupportResistanceOptions { LeftBars = 2, RightBars = 2, MaxAgeBars = 60, MaxLevels = 8 }),
                d => ((SupportResistanceTracker)d).Levels.Select(x => (object)x)),
            ["fvg"] = (
                () => new FairValueGapDetector(new FairValueGapOptions { MaxActiveGaps = 5, MaxAgeBars = 40, MitigationFraction = 0.5 }),
                d => ((FairValueGapDetector)d).Events.Select(x => (object)x)),
            ["bos"] = (() => new StructureBreakDetector(2, 2), d => ((StructureBreakDetector)d).Detected.Select(x => (object)x)),
            ["sweeps"] = (
                () => new LiquiditySweepDetector(new LiquiditySweepOptions { LeftBars = 2, RightBars = 2, MaxBarsToReclaim = 2, MaxTrackedLevels = 4 }),
                d => ((LiquiditySweepDetector)d).Detected.Select(x => (object)x)),
        };

    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>(bar index, reported item) for every bar of <paramref name="bars"/>[0..<paramref name="length"/>).</summary>
    public static List<(int Bar, object Item)> Run(string name, IReadOnlyList<OhlcvPoint> bars, int length)
    {
        var (create, report) = All[name];
        var detector = create();
        var reported = new List<(int, object)>();
        for (var i = 0; i < length; i++)
        {
            detector.Update(bars[i]);
            reported.AddRange(report(detector).Select(item => (i, item)));
        }

        return reported;
    }

    private static IEnumerable<object> Swings(SwingDetector swings)
    {
        if (swings.NewHigh is { } high)
        {
            yield return high;
        }

        if (swings.NewLow is { } low)
        {
            yield return low;
        }
    }

    private static IEnumerable<object> Single<T>(T? item)
        where T : struct =>
        item is { } value ? [value] : [];
}
