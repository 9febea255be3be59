using System.Runtime.CompilerServices;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Wilder's directional movement system: ADX with +DI, −DI and ADXR (<c>adx:14</c> → columns
/// <c>adx_14</c>, <c>adx_14_plus_di</c>, <c>adx_14_minus_di</c>, <c>adx_14_adxr</c>), as in Wilder's book
/// and the StockCharts worksheet of LEAN's <c>spy_with_adx.txt</c>:
/// <list type="bullet">
/// <item>from the second bar, TR, +DM = up-move if it exceeds the down-move and is positive (else 0),
/// −DM likewise;</item>
/// <item>TRₙ, +DMₙ, −DMₙ start as the plain sums of the first n values (bars 2 … n + 1), then
/// S ← S − S/n + x;</item>
/// <item>±DI = 100·(±DMₙ)/TRₙ (0 when TRₙ = 0); DX = 100·|+DI − −DI|/(+DI + −DI) (0 when both are 0);</item>
/// <item>ADX starts as the mean of the first n DX, then ADX ← (ADX·(n − 1) + DX)/n (bar 2n);</item>
/// <item>ADXR = (ADX + ADX n − 1 bars earlier)/2 (bar 3n − 1).</item>
/// </list>
/// TA-Lib seeds the smoothed sums with n − 1 values and one smoothing step instead; the two agree once
/// the seed has decayed. Every output is NaN until ADXR exists (<see cref="WarmUpPeriod"/> = 3n − 1
/// bars), so that all four columns start on the same bar.
/// </summary>
public sealed class Adx : IIndicator
{
    private readonly string[] _outputNames;
    private State _state;

    public Adx(int period = 14)
    {
        Name = NameOf(period);
        _outputNames = [Name, $"{Name}_plus_di", $"{Name}_minus_di", $"{Name}_adxr"];
        Period = period;
        WarmUpPeriod = (3 * period) - 1;
        _state = new State(period);
    }

    public string Name { get; }

    /// <summary><c>adx_n</c>, <c>adx_n_plus_di</c>, <c>adx_n_minus_di</c>, <c>adx_n_adxr</c>.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public int WarmUpPeriod { get; }

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>ADX; NaN during warm-up.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>+DI; NaN during warm-up.</summary>
    public double PlusDirectionalIndicator { get; private set; } = double.NaN;

    /// <summary>−DI; NaN during warm-up.</summary>
    public double MinusDirectionalIndicator { get; private set; } = double.NaN;

    /// <summary>ADXR, the average of ADX and ADX n − 1 bars earlier; NaN during warm-up.</summary>
    public double Rating { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        Samples++;
        if (_state.Step(bar.High, bar.Low, bar.Close))
        {
            Value = _state.Adx;
            PlusDirectionalIndicator = _state.PlusDi;
            MinusDirectionalIndicator = _state.MinusDi;
            Rating = _state.Adxr;
        }
    }

    public double GetOutput(int index) => index switch
    {
        0 => Value,
        1 => PlusDirectionalIndicator,
        2 => MinusDirectionalIndicator,
        3 => Rating,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has 4 outputs (index 0 … 3)"),
    };

    public void Reset()
    {
        Samples = 0;
        Value = PlusDirectionalIndicator = MinusDirectionalIndicator = Rating = double.NaN;
        _state = new State(Period);
    }

    public override string ToString() =>
        $"{Name} = {Value} (+DI {PlusDirectionalIndicator}, −DI {MinusDirectionalIndicator}, ADXR {Rating}; {Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="Adx"/>.</summary>
    public static void Batch(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> adx,
        Span<double> plusDi,
        Span<double> minusDi,
        Span<double> adxr,
        int period = 14)
    {
        var name = NameOf(period);
        Bars.Check(high, low, close, adx.Length, name, nameof(adx));
        IndicatorGuard.Lengths(high.Length, plusDi.Length, name, nameof(plusDi));
        IndicatorGuard.Lengths(high.Length, minusDi.Length, name, nameof(minusDi));
        IndicatorGuard.Lengths(high.Length, adxr.Length, name, nameof(adxr));
        var state = new State(period);
        for (var i = 0; i < high.Length; i++)
        {
            if (state.Step(high[i], low[i], close[i]))
            {
                adx[i] = state.Adx;
                plusDi[i] = state.PlusDi;
                minusDi[i] = state.MinusDi;
                adxr[i] = state.Adxr;
            }
            else
            {
                adx[i] = plusDi[i] = minusDi[i] = adxr[i] = double.NaN;
            }
        }
    }

    private static string NameOf(int period) => $"adx_{IndicatorGuard.Period(period, "adx")}";

    /// <summary>
    /// Directional movement: <paramref name="move"/> when it exceeds <paramref name="opposite"/> and is
    /// positive, else 0 (a tie gives 0 to both directions). Branch-free: which way a bar moves is
    /// unpredictable, and a mispredicted branch costs more than this arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Movement(double move, double opposite) =>
        Math.Max(move, 0.0) * Unsafe.BitCast<bool, byte>(move > opposite);

    private struct State
    {
        private readonly int _period;
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
        private int _next;

        public State(int period)
        {
            _period = period;
            _decay = WilderSmoothing.Decay(period);
            _weight = WilderSmoothing.Weight(period);
            _history = new double[period];
        }

        public double Adx { readonly get; private set; }

        public double PlusDi { readonly get; private set; }

        public double MinusDi { readonly get; private set; }

        public double Adxr { readonly get; private set; }

        /// <summary>Consumes a bar; true when every output is defined.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Step(double high, double low, double close)
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
            var plus = Movement(up, down);
            var minus = Movement(down, up);
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

                Adx = _dxSum / n;
            }
            else
            {
                Adx = WilderSmoothing.Step(Adx, dx, _decay, _weight);
            }

            // ADX history ring: after writing, the slot at _next holds ADX from n − 1 bars ago.
            var history = _history;
            history[_next] = Adx;
            _next = _next + 1 == n ? 0 : _next + 1;
            if (bar < (3 * n) - 1)
            {
                return false;
            }

            PlusDi = plusDi;
            MinusDi = minusDi;
            Adxr = (Adx + history[_next]) / 2;
            return true;
        }
    }
}
