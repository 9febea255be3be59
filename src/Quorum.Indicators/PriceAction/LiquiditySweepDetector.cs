namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Liquidity sweeps of confirmed swing levels (the <see cref="SwingDetector"/> rule). Every confirmed swing high and low is
/// tracked (up to <see cref="LiquiditySweepOptions.MaxTrackedLevels"/> per side) from the bar after its confirmation:
/// <list type="bullet">
/// <item>A bar whose high is strictly above a tracked swing high and whose close is at or below it sweeps it (same bar).</item>
/// <item>A bar that also closes above it pierces it: if one of the next <see cref="LiquiditySweepOptions.MaxBarsToReclaim"/>
/// bars closes at or below the level, that bar completes the sweep; otherwise the break is accepted and the level dropped.</item>
/// <item>Swing lows mirror this. A swept level is no longer tracked; several levels can be swept by one bar.</item>
/// </list>
/// "Close back inside" is the complement of <see cref="StructureBreakDetector"/>'s "close beyond" (close ≤ level for a high).
/// O(left + right + tracked levels) per update; no allocation after construction.
/// </summary>
public sealed class LiquiditySweepDetector : IPriceActionDetector
{
    private readonly LiquiditySweepOptions _options;
    private readonly BarSequence _bars;
    private readonly SwingDetector _swings;
    private readonly List<Tracked> _highs;
    private readonly List<Tracked> _lows;
    private readonly List<LiquiditySweep> _detected;

    public LiquiditySweepDetector(LiquiditySweepOptions? options = null)
    {
        _options = (options ?? new LiquiditySweepOptions()).Validate();
        Name = $"sweeps_{_options.LeftBars}_{_options.RightBars}_{_options.MaxBarsToReclaim}";
        _bars = new BarSequence(Name);
        _swings = new SwingDetector(_options.LeftBars, _options.RightBars);
        _highs = new List<Tracked>(_options.MaxTrackedLevels);
        _lows = new List<Tracked>(_options.MaxTrackedLevels);
        _detected = new List<LiquiditySweep>(2 * _options.MaxTrackedLevels); // one bar can sweep every tracked level
    }

    public string Name { get; }

    public LiquiditySweepOptions Options => _options;

    public long Samples => _bars.Samples;

    /// <summary>Sweeps completed by the last bar (swept highs first, each side oldest level first); a view valid until the next update.</summary>
    public IReadOnlyList<LiquiditySweep> Detected => _detected;

    /// <summary>Swing highs still tracked (unswept, not accepted as broken), oldest first.</summary>
    public int TrackedHighs => _highs.Count;

    /// <summary>Swing lows still tracked, oldest first.</summary>
    public int TrackedLows => _lows.Count;

    public void Update(in OhlcvPoint bar)
    {
        var index = _bars.Accept(bar);
        _detected.Clear();
        Check(_highs, bar, index, high: true);
        Check(_lows, bar, index, high: false);
        _swings.Advance(bar, index);
        if (_swings.NewHigh is { } newHigh)
        {
            Track(_highs, newHigh);
        }

        if (_swings.NewLow is { } newLow)
        {
            Track(_lows, newLow);
        }
    }

    public void Reset()
    {
        _bars.Reset();
        _swings.Reset();
        _highs.Clear();
        _lows.Clear();
        _detected.Clear();
    }

    public override string ToString() => $"{Name} ({Samples} bars, tracking {_highs.Count} highs and {_lows.Count} lows)";

    private void Track(List<Tracked> levels, in SwingPoint swing)
    {
        if (levels.Count == _options.MaxTrackedLevels)
        {
            levels.RemoveAt(0);
        }

        levels.Add(new Tracked(swing, PiercedAt: -1, Extreme: swing.Price));
    }

    private void Check(List<Tracked> levels, in OhlcvPoint bar, long index, bool high)
    {
        var i = 0;
        while (i < levels.Count)
        {
            var tracked = levels[i];
            var level = tracked.Swing.Price;
            var beyond = high ? bar.High > level : bar.Low < level;
            var closedInside = high ? bar.Close <= level : bar.Close >= level;
            var extreme = high ? Math.Max(tracked.Extreme, bar.High) : Math.Min(tracked.Extreme, bar.Low);
            var pierced = tracked.PiercedAt >= 0;
            if (!pierced && !beyond)
            {
                i++;
                continue;
            }

            var piercedAt = pierced ? tracked.PiercedAt : index;
            if (closedInside)
            {
                _detected.Add(new LiquiditySweep(high ? Bias.Bearish : Bias.Bullish, index, bar.TimeMs, tracked.Swing, extreme, piercedAt));
                levels.RemoveAt(i);
            }
            else if (index - piercedAt >= _options.MaxBarsToReclaim)
            {
                levels.RemoveAt(i); // closed beyond for too long: the break is accepted
            }
            else
            {
                levels[i] = new Tracked(tracked.Swing, piercedAt, extreme);
                i++;
            }
        }
    }

    private readonly record struct Tracked(SwingPoint Swing, long PiercedAt, double Extreme);
}
