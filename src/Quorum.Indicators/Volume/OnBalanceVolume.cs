using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volume;

/// <summary>
/// On-balance volume (registry <c>obv</c>): starts at the first bar's volume (TA-Lib's convention,
/// which LEAN's <c>spy_with_obv.txt</c> follows), then adds the bar's volume when the close rises,
/// subtracts it when the close falls and leaves it unchanged when the close repeats. The running total
/// is a compensated (Neumaier) sum, so it stays within an ulp or two of the exact total after millions
/// of bars instead of drifting.
/// </summary>
public sealed class OnBalanceVolume : IIndicator
{
    private const string IndicatorName = "obv";
    private static readonly string[] Outputs = [IndicatorName];
    private State _state;

    public string Name => IndicatorName;

    public IReadOnlyList<string> OutputNames => Outputs;

    public int WarmUpPeriod => 1;

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The on-balance volume; NaN before the first bar.</summary>
    public double Value { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        Samples++;
        Value = _state.Step(bar.Close, bar.Volume);
    }

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        Samples = 0;
        Value = double.NaN;
        _state = default;
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples)";

    /// <summary>Batch form; identical to feeding the bars to a streaming <see cref="OnBalanceVolume"/>.</summary>
    public static void Batch(ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<double> output)
    {
        SeriesCheck.SameLength(close.Length, volume.Length, IndicatorName, nameof(volume));
        IndicatorGuard.Lengths(close.Length, output.Length, IndicatorName);
        SeriesCheck.Finite(close, IndicatorName, nameof(close));
        SeriesCheck.Finite(volume, IndicatorName, nameof(volume));
        var state = default(State);
        for (var i = 0; i < close.Length; i++)
        {
            output[i] = state.Step(close[i], volume[i]);
        }
    }

    private struct State
    {
        private double _previousClose;
        private double _sum;
        private double _compensation;
        private bool _started;

        public double Step(double close, double volume)
        {
            double signed;
            if (!_started)
            {
                _started = true;
                signed = volume;
            }
            else
            {
                signed = close > _previousClose ? volume : close < _previousClose ? -volume : 0.0;
            }

            _previousClose = close;
            var total = _sum + signed;
            _compensation += Math.Abs(_sum) >= Math.Abs(signed) ? (_sum - total) + signed : (signed - total) + _sum;
            _sum = total;
            return _sum + _compensation;
        }
    }
}
