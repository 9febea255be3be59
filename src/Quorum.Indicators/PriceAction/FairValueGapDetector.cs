namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Fair-value gaps (3-bar imbalances), tracked until filled or expired.
/// <list type="bullet">
/// <item>On the close of bar 3: bullish gap when bar1.high &lt; bar3.low, zone [bar1.high, bar3.low]; bearish gap when
/// bar1.low &gt; bar3.high, zone [bar3.high, bar1.low]. Equal prices are no gap. Gaps smaller than
/// <see cref="FairValueGapOptions.MinSizeToPrice"/> × bar3.close are ignored.</item>
/// <item>From the next bar on, a bullish gap's retrace depth is top − low (a bearish gap's: high − bottom). The first bar with
/// depth &gt; 0 and depth ≥ <see cref="FairValueGapOptions.MitigationFraction"/> × size mitigates it; a bar with low ≤ bottom
/// (bearish: high ≥ top) fills it, and it is no longer tracked. One bar may mitigate and fill (two events).</item>
/// <item>A gap is tracked through bar <see cref="FairValueGap.Index"/> + <see cref="FairValueGapOptions.MaxAgeBars"/>; on the next bar it
/// expires before that bar's prices are compared with it.</item>
/// </list>
/// Events of a bar, in order: expiries by age, mitigations and fills of older gaps (oldest first), then the new gap
/// (preceded by the expiry of the oldest gap when <see cref="FairValueGapOptions.MaxActiveGaps"/> are already tracked).
/// O(active gaps) per update; no allocation after construction.
/// </summary>
public sealed class FairValueGapDetector : IPriceActionDetector
{
    private readonly FairValueGapOptions _options;
    private readonly BarSequence _bars;
    private readonly Ring<OhlcvPoint> _recent = new(3);
    private readonly List<FairValueGap> _active;
    private readonly List<FairValueGapEvent> _events;
    private long _nextId;

    public FairValueGapDetector(FairValueGapOptions? options = null)
    {
        _options = (options ?? new FairValueGapOptions()).Validate();
        _bars = new BarSequence(Name);
        _active = new List<FairValueGap>(_options.MaxActiveGaps);
        _events = new List<FairValueGapEvent>((2 * _options.MaxActiveGaps) + 3); // mitigate + fill each gap, two expiries, one creation
    }

    public string Name => "fvg";

    public FairValueGapOptions Options => _options;

    public long Samples => _bars.Samples;

    /// <summary>Gaps still tracked (not filled, not expired), oldest first, with their current state; a view valid until the next update.</summary>
    public IReadOnlyList<FairValueGap> Active => _active;

    /// <summary>Events of the last bar; a view valid until the next update.</summary>
    public IReadOnlyList<FairValueGapEvent> Events => _events;

    public void Update(in OhlcvPoint bar)
    {
        var index = _bars.Accept(bar);
        _events.Clear();
        Expire(index, bar.TimeMs); // before tracking: a bar past a gap's age limit no longer mitigates or fills it
        Track(bar, index);
        _recent.Add(bar);
        if (_recent.IsFull)
        {
            Detect(_recent.Ago(2), bar, index);
        }
    }

    public void Reset()
    {
        _bars.Reset();
        _recent.Clear();
        _active.Clear();
        _events.Clear();
        _nextId = 0;
    }

    public override string ToString() => $"{Name} ({Samples} bars, {_active.Count} open gaps)";

    private void Track(in OhlcvPoint bar, long index)
    {
        var i = 0;
        while (i < _active.Count)
        {
            var gap = _active[i];
            var bullish = gap.Bias == Bias.Bullish;
            var depth = bullish ? gap.Top - bar.Low : bar.High - gap.Bottom;
            var filled = bullish ? bar.Low <= gap.Bottom : bar.High >= gap.Top;
            if (depth > 0)
            {
                var fraction = filled ? 1.0 : Math.Min(1.0, depth / gap.Size);
                if (fraction > gap.FilledFraction)
                {
                    gap = gap with { FilledFraction = fraction };
                }

                if (!gap.IsMitigated && fraction >= _options.MitigationFraction)
                {
                    gap = gap with { IsMitigated = true };
                    _events.Add(new FairValueGapEvent(FairValueGapEventKind.Mitigated, gap, index, bar.TimeMs));
                }
            }

            if (filled)
            {
                _events.Add(new FairValueGapEvent(FairValueGapEventKind.Filled, gap, index, bar.TimeMs));
                _active.RemoveAt(i);
                continue;
            }

            _active[i] = gap;
            i++;
        }
    }

    private void Expire(long index, long timeMs)
    {
        if (_options.MaxAgeBars is not { } maxAge)
        {
            return;
        }

        while (_active.Count > 0 && index - _active[0].Index > maxAge)
        {
            _events.Add(new FairValueGapEvent(FairValueGapEventKind.Expired, _active[0], index, timeMs));
            _active.RemoveAt(0);
        }
    }

    private void Detect(in OhlcvPoint first, in OhlcvPoint third, long index)
    {
        Bias bias;
        double bottom;
        double top;
        if (first.High < third.Low)
        {
            (bias, bottom, top) = (Bias.Bullish, first.High, third.Low);
        }
        else if (first.Low > third.High)
        {
            (bias, bottom, top) = (Bias.Bearish, third.High, first.Low);
        }
        else
        {
            return;
        }

        if (top - bottom < _options.MinSizeToPrice * Math.Abs(third.Close))
        {
            return;
        }

        if (_active.Count == _options.MaxActiveGaps)
        {
            _events.Add(new FairValueGapEvent(FairValueGapEventKind.Expired, _active[0], index, third.TimeMs));
            _active.RemoveAt(0);
        }

        var gap = new FairValueGap(_nextId++, bias, bottom, top, index, third.TimeMs, IsMitigated: false, FilledFraction: 0);
        _active.Add(gap);
        _events.Add(new FairValueGapEvent(FairValueGapEventKind.Created, gap, index, third.TimeMs));
    }
}
