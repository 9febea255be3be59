using System.Runtime.CompilerServices;

namespace Quorum.Indicators.PriceAction;

/// <summary>
/// Regular and hidden, bullish and bearish divergences between price and an oscillator (RSI, or any
/// other), judged between consecutive confirmed pivots of the same kind.
/// <list type="bullet">
/// <item>Pivots are found on price highs/lows (<see cref="DivergenceAnchor.PricePivots"/>, the default) or on the
/// oscillator (<see cref="DivergenceAnchor.OscillatorPivots"/>), with the <see cref="SwingDetector"/> rule and
/// <see cref="DivergenceOptions.LeftBars"/>/<see cref="DivergenceOptions.RightBars"/>; the other series is read at the pivot bars.</item>
/// <item>Each new pivot low is compared with the previous pivot low, each new pivot high with the previous pivot high,
/// when they are <see cref="DivergenceOptions.MinBarsBetweenPivots"/> to <see cref="DivergenceOptions.MaxBarsBetweenPivots"/> bars apart.</item>
/// <item>Regular bullish: price lower low, oscillator higher low. Hidden bullish: price higher low, oscillator lower low.
/// Regular bearish: price higher high, oscillator lower high. Hidden bearish: price lower high, oscillator higher high.
/// All comparisons are strict.</item>
/// <item>Optional zone filters: <see cref="DivergenceOptions.BullishOscillatorCeiling"/> (the lower oscillator low at or below it),
/// <see cref="DivergenceOptions.BearishOscillatorFloor"/> (the higher oscillator high at or above it).</item>
/// <item>A divergence is reported on the bar that confirms its second pivot; nothing uses a later bar.</item>
/// </list>
/// The oscillator is either given with each bar (<see cref="Update(in OhlcvPoint, double)"/>) or owned by the
/// detector (constructed with an <see cref="IPriceIndicator"/>, which the detector feeds and resets: do not feed it
/// elsewhere). Oscillator values may be NaN while the oscillator warms up (pivots touching them are ignored) but not
/// after its first finite value, and never infinite. O(left + right) per update, no allocation.
/// </summary>
public sealed class DivergenceDetector : IPriceActionDetector
{
    private readonly DivergenceOptions _options;
    private readonly IPriceIndicator? _oscillator;
    private readonly BarSequence _bars;
    private readonly Ring<double> _highs;
    private readonly Ring<double> _lows;
    private readonly Ring<double> _values;
    private readonly Ring<long> _times;
    private readonly List<Divergence> _detected = new(2);
    private bool _oscillatorStarted;
    private (SwingPoint Point, double Value)? _previousHigh;
    private (SwingPoint Point, double Value)? _previousLow;

    /// <summary>A detector fed the oscillator value with each bar (<see cref="Update(in OhlcvPoint, double)"/>).</summary>
    public DivergenceDetector(DivergenceOptions? options = null)
        : this(null, options)
    {
    }

    /// <summary>A detector that owns <paramref name="oscillator"/>: it feeds it each bar and reads its <see cref="IPriceIndicator.Value"/>.</summary>
    public DivergenceDetector(IPriceIndicator? oscillator, DivergenceOptions? options = null)
    {
        _options = (options ?? new DivergenceOptions()).Validate();
        _oscillator = oscillator;
        Name = oscillator is null
            ? $"divergence_{_options.LeftBars}_{_options.RightBars}"
            : $"divergence_{oscillator.Name}_{_options.LeftBars}_{_options.RightBars}";
        _bars = new BarSequence(Name);
        var window = _options.LeftBars + _options.RightBars + 1;
        _highs = new Ring<double>(window);
        _lows = new Ring<double>(window);
        _values = new Ring<double>(window);
        _times = new Ring<long>(window);
    }

    public string Name { get; }

    public DivergenceOptions Options => _options;

    public long Samples => _bars.Samples;

    /// <summary>The oscillator value given with (or computed for) the last bar.</summary>
    public double OscillatorValue { get; private set; } = double.NaN;

    /// <summary>Divergences confirmed by the last bar (at most one bullish and one bearish), bullish first; a view valid until the next update.</summary>
    public IReadOnlyList<Divergence> Detected => _detected;

    /// <summary>Consumes a bar and feeds the owned oscillator; only for a detector constructed with an oscillator.</summary>
    public void Update(in OhlcvPoint bar)
    {
        if (_oscillator is null)
        {
            throw new InvalidOperationException($"{Name}: constructed without an oscillator; call Update(bar, oscillatorValue) with the oscillator's value for each bar");
        }

        var index = _bars.Accept(bar);
        _oscillator.Update(bar);
        var value = _oscillator.Value;
        CheckOscillator(value, index + 1);
        Advance(bar, index, value);
    }

    /// <summary>Consumes a bar and the oscillator's value at that bar; only for a detector constructed without an oscillator.</summary>
    public void Update(in OhlcvPoint bar, double oscillatorValue)
    {
        if (_oscillator is not null)
        {
            throw new InvalidOperationException($"{Name}: owns its oscillator {_oscillator.Name}; call Update(bar) and let it compute the value");
        }

        CheckOscillator(oscillatorValue, Samples + 1);
        Advance(bar, _bars.Accept(bar), oscillatorValue);
    }

    public void Reset()
    {
        _bars.Reset();
        _oscillator?.Reset();
        _highs.Clear();
        _lows.Clear();
        _values.Clear();
        _times.Clear();
        _detected.Clear();
        _oscillatorStarted = false;
        _previousHigh = _previousLow = null;
        OscillatorValue = double.NaN;
    }

    public override string ToString() => $"{Name} ({Samples} bars)";

    private void Advance(in OhlcvPoint bar, long index, double value)
    {
        _oscillatorStarted |= !double.IsNaN(value);
        OscillatorValue = value;
        _highs.Add(bar.High);
        _lows.Add(bar.Low);
        _values.Add(value);
        _times.Add(bar.TimeMs);
        _detected.Clear();
        if (!_highs.IsFull)
        {
            return;
        }

        var left = _options.LeftBars;
        var right = _options.RightBars;
        var onPrice = _options.Anchor == DivergenceAnchor.PricePivots;
        var lowPivot = onPrice ? Pivots.IsLow(_lows, left, right) : Pivots.IsLow(_values, left, right);
        var highPivot = onPrice ? Pivots.IsHigh(_highs, left, right) : Pivots.IsHigh(_values, left, right);
        var pivotValue = _values.Ago(right);
        if (double.IsNaN(pivotValue))
        {
            return; // the oscillator was still warming up at the pivot bar
        }

        if (lowPivot)
        {
            var point = new SwingPoint(index - right, _times.Ago(right), _lows.Ago(right), SwingKind.Low, index, bar.TimeMs);
            if (_previousLow is { } previous)
            {
                Compare(previous.Point, previous.Value, point, pivotValue, bullish: true);
            }

            _previousLow = (point, pivotValue);
        }

        if (highPivot)
        {
            var point = new SwingPoint(index - right, _times.Ago(right), _highs.Ago(right), SwingKind.High, index, bar.TimeMs);
            if (_previousHigh is { } previous)
            {
                Compare(previous.Point, previous.Value, point, pivotValue, bullish: false);
            }

            _previousHigh = (point, pivotValue);
        }
    }

    private void Compare(in SwingPoint first, double firstValue, in SwingPoint second, double secondValue, bool bullish)
    {
        var distance = second.Index - first.Index;
        if (distance < _options.MinBarsBetweenPivots || distance > _options.MaxBarsBetweenPivots)
        {
            return;
        }

        DivergenceKind kind;
        if (bullish)
        {
            if (second.Price < first.Price && secondValue > firstValue)
            {
                kind = DivergenceKind.RegularBullish;
            }
            else if (second.Price > first.Price && secondValue < firstValue)
            {
                kind = DivergenceKind.HiddenBullish;
            }
            else
            {
                return;
            }

            if (_options.BullishOscillatorCeiling is { } ceiling && !(Math.Min(firstValue, secondValue) <= ceiling))
            {
                return;
            }
        }
        else
        {
            if (second.Price > first.Price && secondValue < firstValue)
            {
                kind = DivergenceKind.RegularBearish;
            }
            else if (second.Price < first.Price && secondValue > firstValue)
            {
                kind = DivergenceKind.HiddenBearish;
            }
            else
            {
                return;
            }

            if (_options.BearishOscillatorFloor is { } floor && !(Math.Max(firstValue, secondValue) >= floor))
            {
                return;
            }
        }

        _detected.Add(new Divergence(kind, first, second, firstValue, secondValue));
    }

    private void CheckOscillator(double value, long sample)
    {
        if (double.IsInfinity(value) || (double.IsNaN(value) && _oscillatorStarted))
        {
            ThrowBadOscillator(value, sample);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBadOscillator(double value, long sample) =>
        throw new ArgumentOutOfRangeException(
            "oscillatorValue",
            value,
            $"{Name}: oscillator value #{sample} is {value}; it must be finite (NaN is allowed only while the oscillator warms up, before its first value)");
}
