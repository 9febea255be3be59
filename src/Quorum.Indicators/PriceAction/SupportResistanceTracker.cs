using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Support and resistance levels clustered from confirmed pivots (the <see cref="SwingDetector"/> rule).
/// <list type="bullet">
/// <item>Tolerance at price p: max(<see cref="SupportResistanceOptions.PriceTolerance"/> × p, <see cref="SupportResistanceOptions.AtrTolerance"/> × ATR),
/// with Wilder's ATR of the bars up to the confirming bar (0 before it is ready).</item>
/// <item>A newly confirmed pivot joins the nearest level within the tolerance (its price becomes the mean of its pivots)
/// or starts a new level. A level whose price comes within the tolerance of another is merged with it
/// (touch-weighted mean price, summed touches, the older id).</item>
/// <item>A level not touched for more than <see cref="SupportResistanceOptions.MaxAgeBars"/> bars expires; at
/// <see cref="SupportResistanceOptions.MaxLevels"/> the least recently touched level gives way to a new one.</item>
/// <item>Levels are not removed when price crosses them: a broken support is the next resistance.</item>
/// </list>
/// Levels change only when a pivot is confirmed or a level expires, so a level known at bar t uses bars ≤ t only.
/// O(left + right + levels) per update; no allocation after construction.
/// </summary>
public sealed class SupportResistanceTracker : IPriceActionDetector
{
    private readonly SupportResistanceOptions _options;
    private readonly BarSequence _bars;
    private readonly SwingDetector _swings;
    private readonly Atr _atr;
    private readonly List<PriceLevel> _levels;
    private long _nextId;

    public SupportResistanceTracker(SupportResistanceOptions? options = null)
    {
        _options = (options ?? new SupportResistanceOptions()).Validate();
        Name = $"levels_{_options.LeftBars}_{_options.RightBars}";
        _bars = new BarSequence(Name);
        _swings = new SwingDetector(_options.LeftBars, _options.RightBars);
        _atr = new Atr(_options.AtrPeriod, AtrSmoothing.Wilder, TrueRangeStart.FirstBar);
        _levels = new List<PriceLevel>(_options.MaxLevels + 1);
    }

    public string Name { get; }

    public SupportResistanceOptions Options => _options;

    public long Samples => _bars.Samples;

    /// <summary>Current levels in ascending price order; a view valid until the next update.</summary>
    public IReadOnlyList<PriceLevel> Levels => _levels;

    /// <summary>Wilder's ATR after the last bar (0 while warming up).</summary>
    public double AverageTrueRange => _atr.IsReady ? _atr.GetOutput(0) : 0;

    public void Update(in OhlcvPoint bar)
    {
        var index = _bars.Accept(bar);
        _atr.Update(bar);
        _swings.Advance(bar, index);
        if (_swings.NewHigh is { } high)
        {
            AddPivot(high);
        }

        if (_swings.NewLow is { } low)
        {
            AddPivot(low);
        }

        for (var i = _levels.Count - 1; i >= 0; i--)
        {
            if (index - _levels[i].LastTouchIndex > _options.MaxAgeBars)
            {
                _levels.RemoveAt(i);
            }
        }
    }

    public void Reset()
    {
        _bars.Reset();
        _swings.Reset();
        _atr.Reset();
        _levels.Clear();
        _nextId = 0;
    }

    /// <summary>The clustering tolerance at <paramref name="price"/> now.</summary>
    public double ToleranceAt(double price) =>
        Math.Max(_options.PriceTolerance * Math.Abs(price), _options.AtrTolerance * AverageTrueRange);

    /// <summary>The nearest level strictly above <paramref name="price"/> with at least <paramref name="minTouches"/> touches.</summary>
    public PriceLevel? NearestAbove(double price, int minTouches = 1)
    {
        CheckQuery(price);
        foreach (var level in _levels)
        {
            if (level.Price > price && level.Touches >= minTouches)
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>The nearest level strictly below <paramref name="price"/> with at least <paramref name="minTouches"/> touches.</summary>
    public PriceLevel? NearestBelow(double price, int minTouches = 1)
    {
        CheckQuery(price);
        for (var i = _levels.Count - 1; i >= 0; i--)
        {
            var level = _levels[i];
            if (level.Price < price && level.Touches >= minTouches)
            {
                return level;
            }
        }

        return null;
    }

    public override string ToString() => $"{Name} ({Samples} bars, {_levels.Count} levels)";

    private void AddPivot(in SwingPoint pivot)
    {
        var high = pivot.Kind == SwingKind.High ? 1 : 0;
        var nearest = Nearest(pivot.Price, ToleranceAt(pivot.Price));
        PriceLevel level;
        if (nearest < 0)
        {
            if (_levels.Count == _options.MaxLevels)
            {
                _levels.RemoveAt(LeastRecentlyTouched());
            }

            level = new PriceLevel(_nextId++, pivot.Price, high, 1 - high, pivot.Index, pivot.Index, pivot.TimeMs);
        }
        else
        {
            var old = _levels[nearest];
            _levels.RemoveAt(nearest);
            level = old with
            {
                Price = ((old.Price * old.Touches) + pivot.Price) / (old.Touches + 1),
                HighTouches = old.HighTouches + high,
                LowTouches = old.LowTouches + 1 - high,
                LastTouchIndex = pivot.Index,
                LastTouchTimeMs = pivot.TimeMs,
            };
        }

        // Merge with every level the (moved) cluster now reaches.
        int other;
        while ((other = Nearest(level.Price, ToleranceAt(level.Price))) >= 0)
        {
            var neighbour = _levels[other];
            _levels.RemoveAt(other);
            var older = neighbour.Id < level.Id ? neighbour : level;
            var latest = neighbour.LastTouchIndex > level.LastTouchIndex ? neighbour : level;
            level = older with
            {
                Price = ((level.Price * level.Touches) + (neighbour.Price * neighbour.Touches)) / (level.Touches + neighbour.Touches),
                HighTouches = level.HighTouches + neighbour.HighTouches,
                LowTouches = level.LowTouches + neighbour.LowTouches,
                FirstIndex = Math.Min(level.FirstIndex, neighbour.FirstIndex),
                LastTouchIndex = latest.LastTouchIndex,
                LastTouchTimeMs = latest.LastTouchTimeMs,
            };
        }

        var position = 0;
        while (position < _levels.Count && _levels[position].Price <= level.Price)
        {
            position++;
        }

        _levels.Insert(position, level);
    }

    /// <summary>Index of the level nearest to <paramref name="price"/> within <paramref name="tolerance"/> (the lower one on a tie), or −1.</summary>
    private int Nearest(double price, double tolerance)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < _levels.Count; i++)
        {
            var distance = Math.Abs(_levels[i].Price - price);
            if (distance <= tolerance && distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    private void CheckQuery(double price)
    {
        if (!double.IsFinite(price))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, $"{Name}: query price {price} is not a finite number");
        }
    }

    private int LeastRecentlyTouched()
    {
        var oldest = 0;
        for (var i = 1; i < _levels.Count; i++)
        {
            var candidate = _levels[i];
            var current = _levels[oldest];
            if (candidate.LastTouchIndex < current.LastTouchIndex
                || (candidate.LastTouchIndex == current.LastTouchIndex && candidate.Touches < current.Touches))
            {
                oldest = i;
            }
        }

        return oldest;
    }
}
