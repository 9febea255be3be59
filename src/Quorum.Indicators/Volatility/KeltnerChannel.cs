using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volatility;

/// <summary>
/// Keltner channel (<c>keltner:20:2</c> → <c>keltner_20_2_middle</c>, <c>_upper</c>, <c>_lower</c>) as LEAN
/// defines it and <c>spy_with_keltner.csv</c> holds: middle = simple mean of the typical price
/// (high + low + close)/3 over <c>period</c> bars; upper/lower = middle ± multiplier · the simple
/// average of the last <c>period</c> true ranges. True ranges start as <see cref="TrueRangeStart"/> says
/// (default: from the second bar, so the first value comes with bar <c>period + 1</c>).
/// O(1) amortized update without drift (see <see cref="WindowSum"/>).
/// </summary>
public sealed class KeltnerChannel : IIndicator
{
    private readonly string[] _outputNames;
    private State _state;

    public KeltnerChannel(int period = 20, double multiplier = 2, TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        Name = NameOf(period, multiplier);
        _outputNames = [$"{Name}_middle", $"{Name}_upper", $"{Name}_lower"];
        Period = period;
        Multiplier = multiplier;
        Start = start;
        WarmUpPeriod = period + (start == TrueRangeStart.SecondBar ? 1 : 0);
        _state = new State(period, multiplier, start);
    }

    public string Name { get; }

    /// <summary><c>…_middle</c>, <c>…_upper</c>, <c>…_lower</c>.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    public int Period { get; }

    public double Multiplier { get; }

    public TrueRangeStart Start { get; }

    public int WarmUpPeriod { get; }

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    public double Middle { get; private set; } = double.NaN;

    public double Upper { get; private set; } = double.NaN;

    public double Lower { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        Samples++;
        if (_state.Step(bar.High, bar.Low, bar.Close))
        {
            Middle = _state.Middle;
            Upper = _state.Upper;
            Lower = _state.Lower;
        }
    }

    public double GetOutput(int index) => index switch
    {
        0 => Middle,
        1 => Upper,
        2 => Lower,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has 3 outputs (index 0 … 2)"),
    };

    public void Reset()
    {
        Samples = 0;
        Middle = Upper = Lower = double.NaN;
        _state = new State(Period, Multiplier, Start);
    }

    public override string ToString() =>
        $"{Name}: middle {Middle}, upper {Upper}, lower {Lower} ({Samples} samples{(IsReady ? string.Empty : ", warming up")})";

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="KeltnerChannel"/>.</summary>
    public static void Batch(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> middle,
        Span<double> upper,
        Span<double> lower,
        int period = 20,
        double multiplier = 2,
        TrueRangeStart start = TrueRangeStart.SecondBar)
    {
        var name = NameOf(period, multiplier);
        Bars.Check(high, low, close, middle.Length, name, nameof(middle));
        IndicatorGuard.Lengths(high.Length, upper.Length, name, nameof(upper));
        IndicatorGuard.Lengths(high.Length, lower.Length, name, nameof(lower));
        var state = new State(period, multiplier, start);
        for (var i = 0; i < high.Length; i++)
        {
            if (state.Step(high[i], low[i], close[i]))
            {
                middle[i] = state.Middle;
                upper[i] = state.Upper;
                lower[i] = state.Lower;
            }
            else
            {
                middle[i] = upper[i] = lower[i] = double.NaN;
            }
        }
    }

    private static string NameOf(int period, double multiplier) =>
        $"keltner_{IndicatorGuard.Period(period, "keltner")}_{IndicatorNames.Number(IndicatorGuard.Positive(multiplier, "keltner", nameof(multiplier)))}";

    private struct State
    {
        private readonly int _period;
        private readonly double _multiplier;
        private readonly bool _firstBar;
        private WindowSum _typical;
        private WindowSum _ranges;
        private double _previousClose;
        private bool _started;

        public State(int period, double multiplier, TrueRangeStart start)
        {
            _period = period;
            _multiplier = multiplier;
            _firstBar = start == TrueRangeStart.FirstBar;
            _typical = new WindowSum(period);
            _ranges = new WindowSum(period);
        }

        public double Middle { readonly get; private set; }

        public double Upper { readonly get; private set; }

        public double Lower { readonly get; private set; }

        public bool Step(double high, double low, double close)
        {
            _typical.Add((high + low + close) / 3.0);
            if (_started)
            {
                _ranges.Add(TrueRange.Of(high, low, _previousClose));
            }
            else
            {
                _started = true;
                if (_firstBar)
                {
                    _ranges.Add(high - low);
                }
            }

            _previousClose = close;
            if (!_ranges.IsFull)
            {
                return false;
            }

            var middle = _typical.Sum / _period;
            var offset = _multiplier * (_ranges.Sum / _period);
            Middle = middle;
            Upper = middle + offset;
            Lower = middle - offset;
            return true;
        }
    }
}
