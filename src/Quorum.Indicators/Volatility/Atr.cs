using System.Runtime.CompilerServices;
using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Average true range over <c>period</c> true ranges, Wilder-smoothed (<c>atr:14</c> → <c>atr_14</c>,
/// TA-Lib's ATR) or simple (<c>atr_sma:14</c> → <c>atr_sma_14</c>). With the default
/// <see cref="TrueRangeStart.SecondBar"/> the first value comes with bar <c>period + 1</c>, as in TA-Lib;
/// <see cref="TrueRangeStart.FirstBar"/> reproduces LEAN and TradingView (first value at bar <c>period</c>,
/// the first bar's high − low counted as a true range).
/// </summary>
public sealed class Atr : IIndicator
{
    private readonly string[] _outputNames;
    private State _state;

    public Atr(int period, AtrSmoothing smoothing = AtrSmoothing.Wilder, TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        Name = NameOf(period, smoothing);
        _outputNames = [Name];
        Period = period;
        Smoothing = smoothing;
        Start = start;
        WarmUpPeriod = period + (start == TrueRangeStart.SecondBar ? 1 : 0);
        _state = new State(period, smoothing, start);
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public AtrSmoothing Smoothing { get; }

    public TrueRangeStart Start { get; }

    public int WarmUpPeriod { get; }

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The average true range; NaN during warm-up.</summary>
    public double Value => _state.Value;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        Samples++;
        _state.Step(bar.High, bar.Low, bar.Close);
    }

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        Samples = 0;
        _state = new State(Period, Smoothing, Start);
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="Atr"/>.</summary>
    public static void Batch(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> output,
        int period,
        AtrSmoothing smoothing = AtrSmoothing.Wilder,
        TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        var name = NameOf(period, smoothing);
        Bars.Check(high, low, close, output, name);
        BatchUnchecked(high, low, close, output, period, smoothing, start);
    }

    /// <summary>The batch loops, on inputs already checked.</summary>
    internal static void BatchUnchecked(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> output,
        int period,
        AtrSmoothing smoothing,
        TrueRangeStart start)
    {
        var n = high.Length;
        if (smoothing == AtrSmoothing.Simple)
        {
            var state = new State(period, smoothing, start);
            for (var i = 0; i < n; i++)
            {
                output[i] = state.Step(high[i], low[i], close[i]) ? state.Value : double.NaN;
            }

            return;
        }

        // Wilder: the same arithmetic as State.Step, unrolled into its three phases.
        var first = start == TrueRangeStart.FirstBar ? 0 : 1; // index of the first true range
        var seeded = first + period - 1;                       // index of the first value
        var warm = Math.Min(seeded, n);
        output[..warm].Fill(double.NaN);
        if (n <= seeded)
        {
            return;
        }

        var sum = 0.0;
        for (var i = first; i < seeded; i++)
        {
            sum += i == 0 ? high[0] - low[0] : TrueRange.Of(high[i], low[i], close[i - 1]);
        }

        var last = seeded == 0 ? high[0] - low[0] : TrueRange.Of(high[seeded], low[seeded], close[seeded - 1]);
        var value = (sum + last) / period;
        output[seeded] = value;
        var decay = WilderSmoothing.Decay(period);
        var weight = WilderSmoothing.Weight(period);
        var previousClose = close[seeded];
        for (var i = seeded + 1; i < n; i++)
        {
            value = WilderSmoothing.Step(value, TrueRange.Of(high[i], low[i], previousClose), decay, weight);
            previousClose = close[i];
            output[i] = value;
        }
    }

    private static string NameOf(int period, AtrSmoothing smoothing)
    {
        var prefix = smoothing == AtrSmoothing.Simple ? "atr_sma" : "atr";
        return $"{prefix}_{IndicatorGuard.Period(period, prefix)}";
    }

    /// <summary>The arithmetic shared by the streaming and the simple-average batch form.</summary>
    private struct State
    {
        private readonly int _period;
        private readonly bool _simple;
        private readonly bool _firstBar;
        private readonly double _decay;
        private readonly double _weight;
        private WindowSum _window;
        private long _ranges;
        private double _previousClose;
        private double _seedSum;
        private bool _started;

        public State(int period, AtrSmoothing smoothing, TrueRangeStart start)
        {
            _period = period;
            _simple = smoothing == AtrSmoothing.Simple;
            _firstBar = start == TrueRangeStart.FirstBar;
            _decay = WilderSmoothing.Decay(period);
            _weight = WilderSmoothing.Weight(period);
            _window = _simple ? new WindowSum(period) : default;
            Value = double.NaN;
        }

        /// <summary>The average; NaN until the first one.</summary>
        public double Value { readonly get; private set; }

        /// <summary>Consumes a bar; true when <see cref="Value"/> is defined.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Step(double high, double low, double close)
        {
            double range;
            if (_started)
            {
                range = TrueRange.Of(high, low, _previousClose);
            }
            else
            {
                _started = true;
                _previousClose = close;
                if (!_firstBar)
                {
                    return false;
                }

                range = high - low;
            }

            _previousClose = close;
            _ranges++;
            if (_simple)
            {
                _window.Add(range);
                if (!_window.IsFull)
                {
                    return false;
                }

                Value = _window.Sum / _period;
                return true;
            }

            if (_ranges < _period)
            {
                _seedSum += range;
                return false;
            }

            Value = _ranges == _period ? (_seedSum + range) / _period : WilderSmoothing.Step(Value, range, _decay, _weight);
            return true;
        }
    }
}
