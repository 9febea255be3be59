using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// The value-type streaming form of <see cref="Adx"/> (ADX, +DI, −DI, ADXR): the same state and arithmetic,
/// bit-identical to the class and to <see cref="Adx.Batch"/>. Held in a local and updated in a loop, its running
/// sums stay in registers across updates (see <see cref="Averages.ExponentialKernel"/> for why that matters).
/// <c>default</c> is not a valid kernel: construct it with a period. O(1), no allocation after construction,
/// every output NaN until all four are defined (bar 3n − 1), a non-finite high, low or close throws.
/// </summary>
public struct AdxKernel
{
    private readonly string _name;
    private readonly int _period;
    private readonly int _warmUpPeriod;
    private readonly double _decay;
    private readonly double _weight;
    private readonly double[] _history; // the last n ADX values, for ADXR
    private long _bars;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private double _trueRange;
    private double _plusMovement;
    private double _minusMovement;
    private double _dxSum;
    private double _adx;
    private double _plusDi;
    private double _minusDi;
    private double _adxr;
    private int _next;

    /// <summary>ADX(14). (A struct's <c>new()</c> would otherwise be <c>default</c>, which is no kernel.)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AdxKernel()
        : this(14)
    {
    }

    // Inlined, so that a kernel constructed in a local can live in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AdxKernel(int period)
    {
        _name = Adx.NameOf(period);
        _period = period;
        _warmUpPeriod = (3 * period) - 1;
        _decay = WilderSmoothing.Decay(period);
        _weight = WilderSmoothing.Weight(period);
        _history = new double[period];
        _adx = _plusDi = _minusDi = _adxr = double.NaN;
    }

    public readonly int Period => _period;

    /// <summary>Bars after which every output is defined: 3n − 1.</summary>
    public readonly int WarmUpPeriod => _warmUpPeriod;

    /// <summary>Bars consumed.</summary>
    public readonly long Samples => _bars;

    public readonly bool IsReady => _bars >= _warmUpPeriod;

    /// <summary>ADX; NaN during warm-up.</summary>
    public readonly double Value => IsReady ? _adx : double.NaN;

    /// <summary>+DI; NaN during warm-up.</summary>
    public readonly double PlusDirectionalIndicator => _plusDi;

    /// <summary>−DI; NaN during warm-up.</summary>
    public readonly double MinusDirectionalIndicator => _minusDi;

    /// <summary>ADXR, the average of ADX and ADX n − 1 bars earlier; NaN during warm-up.</summary>
    public readonly double Rating => _adxr;

    /// <summary>Consumes one bar; a NaN or infinite field throws, naming the indicator and the bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double high, double low, double close)
    {
        IndicatorGuard.Finite(high + low + close, _name, _bars + 1);
        Step(high, low, close);
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        Array.Clear(_history);
        _bars = 0;
        _previousHigh = _previousLow = _previousClose = 0;
        _trueRange = _plusMovement = _minusMovement = _dxSum = 0;
        _adx = _plusDi = _minusDi = _adxr = double.NaN;
        _next = 0;
    }

    /// <summary>Consumes a bar already checked; true when every output is defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Step(double high, double low, double close)
    {
        var bar = ++_bars;
        if (bar == 1)
        {
            _previousHigh = high;
            _previousLow = low;
            _previousClose = close;
            return false;
        }

        var range = TrueRange.Of(high, low, _previousClose);
        var up = high - _previousHigh;
        var down = _previousLow - low;
        var plus = Adx.Movement(up, down);
        var minus = Adx.Movement(down, up);
        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;

        var n = _period;
        if (bar <= n + 1)
        {
            _trueRange += range;
            _plusMovement += plus;
            _minusMovement += minus;
            if (bar <= n)
            {
                return false;
            }
        }
        else
        {
            _trueRange = Math.FusedMultiplyAdd(_trueRange, _decay, range);
            _plusMovement = Math.FusedMultiplyAdd(_plusMovement, _decay, plus);
            _minusMovement = Math.FusedMultiplyAdd(_minusMovement, _decay, minus);
        }

        double plusDi = 0, minusDi = 0;
        if (_trueRange > 0)
        {
            var scale = 100.0 / _trueRange;
            plusDi = _plusMovement * scale;
            minusDi = _minusMovement * scale;
        }

        var sum = plusDi + minusDi;
        var dx = sum > 0 ? 100.0 * Math.Abs(plusDi - minusDi) / sum : 0.0;
        if (bar <= 2 * n)
        {
            _dxSum += dx;
            if (bar < 2 * n)
            {
                return false;
            }

            _adx = _dxSum / n;
        }
        else
        {
            _adx = WilderSmoothing.Step(_adx, dx, _decay, _weight);
        }

        // ADX history ring: after writing, the slot at _next holds ADX from n − 1 bars ago.
        var history = _history;
        history[_next] = _adx;
        _next = _next + 1 == n ? 0 : _next + 1;
        if (bar < _warmUpPeriod)
        {
            return false;
        }

        _plusDi = plusDi;
        _minusDi = minusDi;
        _adxr = (_adx + history[_next]) / 2;
        return true;
    }
}
