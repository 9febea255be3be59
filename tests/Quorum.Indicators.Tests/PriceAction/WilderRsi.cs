namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>
/// A small Wilder RSI for the divergence tests, so they do not wait for Oscillators/Rsi: average gain and loss seeded
/// with the mean of the first <c>period</c> changes, then Wilder smoothing; first value after period + 1 inputs.
/// Checked against LEAN's "RSI 14 Wilder" column below.
/// </summary>
internal sealed class WilderRsi : PriceIndicator
{
    private readonly int _period;
    private double _previous;
    private double _gain;
    private double _loss;

    public WilderRsi(int period)
        : base($"rsi_{period}", period + 1, PriceSource.Close) => _period = period;

    public override void Update(double input)
    {
        IndicatorGuard.Finite(input, Name, Samples + 1);
        Samples++;
        if (Samples == 1)
        {
            _previous = input;
            return;
        }

        var change = input - _previous;
        _previous = input;
        var gain = Math.Max(change, 0);
        var loss = Math.Max(-change, 0);
        if (Samples <= _period)
        {
            _gain += gain;
            _loss += loss;
            return;
        }

        if (Samples == _period + 1)
        {
            _gain = (_gain + gain) / _period;
            _loss = (_loss + loss) / _period;
        }
        else
        {
            _gain = ((_gain * (_period - 1)) + gain) / _period;
            _loss = ((_loss * (_period - 1)) + loss) / _period;
        }

        Value = _loss == 0 ? 100 : 100 - (100 / (1 + (_gain / _loss)));
    }

    public override void Reset()
    {
        base.Reset();
        _previous = _gain = _loss = 0;
    }
}
