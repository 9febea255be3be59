using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.PriceAction;
using Quorum.Strategies.BuiltIn;

namespace Quorum.Strategies.Seed003;

/// <summary>
/// <c>smc</c> (seed 003 §6.4 SMCStrategy): smart-money structure on 1D (macro), 4H (structure), 1H (working) and 15M (entry).
/// <list type="bullet">
/// <item>1D and 4H: <see cref="StructureBreakDetector"/> trends (the direction of the last break of structure). A LONG needs
/// the 4H trend bullish and the 1D trend not bearish; a SHORT mirrors it.</item>
/// <item>1H: open fair-value gaps (<see cref="FairValueGapDetector"/>, tracked fvg_max_age 1H bars) and liquidity sweeps
/// (<see cref="LiquiditySweepDetector"/>, counted for sweep_max_age 1H bars) are the points of interest; a LONG needs a
/// bullish gap or sweep whose level is at most max_entry_distance_pct % from the close (the close inside the gap or above
/// it by at most that; the close above the swept low by at most that) — seed "price not older than 2 %".</item>
/// <item>15M: a break of structure in the trade's direction (close beyond the last 15M swing), on a bar whose volume exceeds
/// volume_multiplier × the mean of the volume_period bars before it (volume filter).</item>
/// <item>Stop at structure: below the last confirmed 15M swing low and the point of interest's far edge (gap bottom, sweep
/// extreme), less stop_buffer_pct %; target: the last 1H swing high above the close (the liquidity there), and R:R =
/// (target − close) / (close − stop) must be ≥ min_rr; with no 1H swing high above, the target is min_rr R. The
/// <see cref="ExitSpec"/> carries the stop as <see cref="ExitSpec.StopPrice"/> and one take-profit of the whole trade at that R.</item>
/// </list>
/// Throttling (seed: full analysis every 300 s): the 1D/4H/1H structure is updated only when those bars close, and the full
/// setup analysis runs on a 15M close at most once every analysis_minutes of bar time (default 5); a 15M break seen
/// between two analyses is kept for the next one, so throttling delays a setup but never loses it.
/// Confidence = 0.5, + 0.1 for a fair-value gap, + 0.1 for a sweep, + 0.1 when the 1D trend agrees (not merely neutral),
/// + 0.2 × min(1, (R:R − min_rr) / min_rr).
/// </summary>
public sealed class SmcStrategy : IStrategy
{
    public const string StrategyName = "smc";

    private const int EntryFrame = 0;
    private const int WorkFrame = 1;
    private const int StructureFrame = 2;
    private const int MacroFrame = 3;
    private const int FrameCount = 4;

    private readonly SubscriptionIndex _index;
    private readonly Book[] _books;
    private readonly double _volumeMultiplier;
    private readonly double _minRiskReward;
    private readonly double _maxEntryDistance;
    private readonly double _stopBuffer;
    private readonly int _sweepMaxAge;
    private readonly long _analysisMs;

    public SmcStrategy(StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        var swing = parameters.GetInt32("swing_bars");
        var volumePeriod = parameters.GetInt32("volume_period");
        var fvgMaxAge = parameters.GetInt32("fvg_max_age");
        _sweepMaxAge = parameters.GetInt32("sweep_max_age");
        _volumeMultiplier = parameters.Get("volume_multiplier");
        _minRiskReward = parameters.Get("min_rr");
        _maxEntryDistance = parameters.Get("max_entry_distance_pct") / 100.0;
        _stopBuffer = parameters.Get("stop_buffer_pct") / 100.0;
        _analysisMs = parameters.GetInt32("analysis_minutes") * Timeframe.MinuteMs;
        Parameters = parameters;
        Subscriptions = universe.SubscriptionsFor(Descriptor.Timeframes!);
        _index = new SubscriptionIndex(Subscriptions);
        _books = [.. universe.Symbols.Select(s => new Book(s, swing, volumePeriod, fvgMaxAge))];
        WarmUpBars = Math.Max(volumePeriod + 1, (2 * swing) + 2);
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyName,
        "1.0.0",
        "Seed 003 SMC: 4H/1D structure trend, 1H fair-value gap or liquidity sweep within 2% of price, 15M break of structure with volume; " +
        "stop at structure, target at 1H liquidity with R:R >= 2; full analysis throttled (every 5 min of bar time).",
        [
            new StrategyParameter("swing_bars", "left and right bars of the swings behind breaks, sweeps and stops", 3, 1, 20, isInteger: true),
            new StrategyParameter("fvg_max_age", "1H bars a fair-value gap stays a point of interest", 48, 1, 1000, isInteger: true),
            new StrategyParameter("sweep_max_age", "1H bars a liquidity sweep stays a point of interest", 12, 1, 1000, isInteger: true),
            new StrategyParameter("volume_period", "15M bars in the mean volume the break bar is compared with", 20, 2, 500, isInteger: true),
            new StrategyParameter("volume_multiplier", "the break bar's volume must exceed this multiple of the mean", 1.5, 1.0, 10.0),
            new StrategyParameter("min_rr", "smallest reward/risk (seed: 1:2)", 2, 1, 10),
            new StrategyParameter("max_entry_distance_pct", "most the point of interest may be from the close, percent (seed: 2)", 2, 0.1, 20),
            new StrategyParameter("stop_buffer_pct", "stop beyond the structure level by this percent", 0.1, 0, 5),
            new StrategyParameter("analysis_minutes", "full analysis at most every this many minutes of bar time (seed: 300 s)", 5, 0, 1440, isInteger: true),
        ],
        (parameters, universe) => new SmcStrategy(parameters, universe))
    {
        Origin = "seed 003",
        Timeframes = [Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1],
    };

    public string Name => StrategyName;

    public string Version => Descriptor.Version;

    public StrategyParameters Parameters { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    /// <summary>Bars every timeframe needs before the first analysis: the 15M volume baseline and two swings' worth of structure.</summary>
    public int WarmUpBars { get; }

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var slot = _index.Find(symbol, timeframe);
        if (slot < 0)
        {
            return;
        }

        var book = _books[slot / FrameCount];
        var frame = slot % FrameCount;
        var point = OhlcvPoint.From(bar);
        book.Bars[frame]++;
        switch (frame)
        {
            case MacroFrame:
                book.MacroBreaks.Update(point);
                return;
            case StructureFrame:
                book.StructureBreaks.Update(point);
                return;
            case WorkFrame:
                book.UpdateWork(point);
                return;
        }

        var baseline = book.Volume.Value;
        book.Volume.Update(point);
        book.EntryBreaks.Update(point);
        book.EntrySwings.Update(point);
        var breaks = book.EntryBreaks.Detected;
        if (breaks.Count > 0)
        {
            book.PendingBreak = breaks[^1].Bias;
            book.PendingVolumeRatio = baseline > 0 ? point.Volume / baseline : 0.0;
        }

        if (book.PendingBreak is not { } bias || !book.IsWarm(WarmUpBars))
        {
            return;
        }

        var closeMs = timeframe.CloseTime(bar.OpenTimeMs);
        if (book.HasAnalysed && closeMs - book.LastAnalysisMs < _analysisMs)
        {
            return;
        }

        book.HasAnalysed = true;
        book.LastAnalysisMs = closeMs;
        book.PendingBreak = null;
        Analyse(book, bias, timeframe, bar, signals);
    }

    public void Reset()
    {
        foreach (var book in _books)
        {
            book.Reset();
        }
    }

    private void Analyse(Book book, Bias bias, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        var volumeRatio = book.PendingVolumeRatio;
        var structure = book.StructureBreaks.Trend;
        var macro = book.MacroBreaks.Trend;
        var opposite = bias == Bias.Bullish ? Bias.Bearish : Bias.Bullish;
        if (structure != bias || macro == opposite || volumeRatio <= _volumeMultiplier)
        {
            return;
        }

        var close = (double)bar.Close;
        var up = bias == Bias.Bullish;
        var gapEdge = FindGap(book, bias, close);
        var sweepEdge = (up ? book.BullishSweep : book.BearishSweep) is { } sweep && book.WorkIndex - sweep.Index <= _sweepMaxAge && Near(sweep.Level.Price, close, up)
            ? sweep.Extreme
            : double.NaN;
        var hasGap = !double.IsNaN(gapEdge);
        var hasSweep = !double.IsNaN(sweepEdge);
        var swingStop = up ? book.EntrySwings.LastLow : book.EntrySwings.LastHigh;
        if ((!hasGap && !hasSweep) || swingStop is not { } swingPoint)
        {
            return;
        }

        var level = swingPoint.Price;
        level = hasGap ? (up ? Math.Min(level, gapEdge) : Math.Max(level, gapEdge)) : level;
        level = hasSweep ? (up ? Math.Min(level, sweepEdge) : Math.Max(level, sweepEdge)) : level;
        var stop = up ? level * (1.0 - _stopBuffer) : level * (1.0 + _stopBuffer);
        var risk = up ? close - stop : stop - close;
        if (!(risk > 0) || stop <= 0)
        {
            return;
        }

        var liquidity = up ? book.WorkSwings.LastHigh : book.WorkSwings.LastLow;
        var rewardRisk = _minRiskReward;
        var target = up ? close + (risk * rewardRisk) : close - (risk * rewardRisk);
        if (liquidity is { } pool && (up ? pool.Price > close : pool.Price < close))
        {
            rewardRisk = Math.Abs(pool.Price - close) / risk;
            target = pool.Price;
            if (rewardRisk < _minRiskReward)
            {
                return;
            }
        }

        if (!up && target <= 0)
        {
            return;
        }

        var confidence = 0.5 + (hasGap ? 0.1 : 0) + (hasSweep ? 0.1 : 0) + (macro == bias ? 0.1 : 0)
            + (0.2 * Math.Clamp((rewardRisk - _minRiskReward) / _minRiskReward, 0.0, 1.0));
        var stopPrice = (decimal)stop;
        var exits = new ExitSpec(stopPrice: stopPrice, takeProfits: [new TakeProfitAtR((decimal)Math.Min(rewardRisk, (double)(Plan.MaxRiskR * 10m)), 1m)]);
        var poi = hasGap && hasSweep ? "fvg+sweep" : hasGap ? "fvg" : "sweep";
        signals.Emit(StrategySignals.Entry(
            Name,
            book.Symbol,
            timeframe,
            bar,
            up ? PositionSide.Long : PositionSide.Short,
            string.Create(
                CultureInfo.InvariantCulture,
                $"smc {(up ? "bullish" : "bearish")} 15m break at 1h {poi}, 4h trend {structure}, 1d trend {macro?.ToString() ?? "none"}, volume {volumeRatio:0.00}x, R:R {rewardRisk:0.00}"),
            Math.Min(1.0, confidence),
            exits,
            [
                KeyValuePair.Create<string, object>("smc_poi", poi),
                KeyValuePair.Create<string, object>("smc_rr", rewardRisk),
                KeyValuePair.Create<string, object>("smc_stop", stopPrice),
                KeyValuePair.Create<string, object>("smc_target", target),
                KeyValuePair.Create<string, object>("smc_trend_4h", structure.ToString()!),
                KeyValuePair.Create<string, object>("smc_trend_1d", macro?.ToString() ?? "none"),
                KeyValuePair.Create<string, object>("volume_ratio", volumeRatio),
            ]));
    }

    /// <summary>
    /// The far edge (bottom of a bullish gap, top of a bearish one) of the open 1H gap of <paramref name="bias"/> nearest to
    /// <paramref name="close"/> that the close is inside of or beyond by at most the entry distance; NaN when none.
    /// </summary>
    private double FindGap(Book book, Bias bias, double close)
    {
        var edge = double.NaN;
        var best = double.MaxValue;
        var gaps = book.Gaps.Active;
        for (var i = 0; i < gaps.Count; i++)
        {
            var gap = gaps[i];
            if (gap.Bias != bias)
            {
                continue;
            }

            var up = bias == Bias.Bullish;
            var inside = close >= gap.Bottom && close <= gap.Top;
            var distance = up ? close - gap.Top : gap.Bottom - close;
            if ((inside || (distance > 0 && distance <= _maxEntryDistance * close)) && Math.Max(distance, 0) < best)
            {
                best = Math.Max(distance, 0);
                edge = up ? gap.Bottom : gap.Top;
            }
        }

        return edge;
    }

    /// <summary>Whether a swept <paramref name="level"/> lies on the right side of the close and within the entry distance.</summary>
    private bool Near(double level, double close, bool up)
    {
        var distance = up ? close - level : level - close;
        return distance >= 0 && distance <= _maxEntryDistance * close;
    }

    private sealed class Book(Symbol symbol, int swing, int volumePeriod, int fvgMaxAge)
    {
        public Symbol Symbol { get; } = symbol;

        public long[] Bars { get; } = new long[FrameCount];

        public StructureBreakDetector MacroBreaks { get; } = new(swing, swing);

        public StructureBreakDetector StructureBreaks { get; } = new(swing, swing);

        public FairValueGapDetector Gaps { get; } = new(new FairValueGapOptions { MaxAgeBars = fvgMaxAge });

        public LiquiditySweepDetector Sweeps { get; } = new(new LiquiditySweepOptions { LeftBars = swing, RightBars = swing });

        public SwingDetector WorkSwings { get; } = new(swing, swing);

        public StructureBreakDetector EntryBreaks { get; } = new(swing, swing);

        public SwingDetector EntrySwings { get; } = new(swing, swing);

        public Sma Volume { get; } = new(volumePeriod, PriceSource.Volume);

        /// <summary>The latest 1H sweep of a swing low (bullish).</summary>
        public LiquiditySweep? BullishSweep { get; private set; }

        /// <summary>The latest 1H sweep of a swing high (bearish).</summary>
        public LiquiditySweep? BearishSweep { get; private set; }

        public long WorkIndex => Gaps.Samples - 1;

        public Bias? PendingBreak { get; set; }

        public double PendingVolumeRatio { get; set; }

        public bool HasAnalysed { get; set; }

        public long LastAnalysisMs { get; set; }

        public bool IsWarm(int bars)
        {
            foreach (var count in Bars)
            {
                if (count < bars)
                {
                    return false;
                }
            }

            return true;
        }

        public void UpdateWork(in OhlcvPoint point)
        {
            Gaps.Update(point);
            Sweeps.Update(point);
            WorkSwings.Update(point);
            var detected = Sweeps.Detected;
            for (var i = 0; i < detected.Count; i++)
            {
                if (detected[i].Bias == Bias.Bullish)
                {
                    BullishSweep = detected[i];
                }
                else
                {
                    BearishSweep = detected[i];
                }
            }
        }

        public void Reset()
        {
            Array.Clear(Bars);
            MacroBreaks.Reset();
            StructureBreaks.Reset();
            Gaps.Reset();
            Sweeps.Reset();
            WorkSwings.Reset();
            EntryBreaks.Reset();
            EntrySwings.Reset();
            Volume.Reset();
            BullishSweep = null;
            BearishSweep = null;
            PendingBreak = null;
            PendingVolumeRatio = 0;
            HasAnalysed = false;
            LastAnalysisMs = 0;
        }
    }
}
