namespace Quorum.Risk.Governance;

/// <summary>
/// Maximum of timestamped values over the last <c>lengthMs</c> (a monotonic deque in a growable ring): amortized O(1)
/// per point, no allocation once the ring has grown to the window's size.
/// </summary>
internal sealed class RollingMaximumWindow(long lengthMs)
{
    private long[] _times = new long[16];
    private decimal[] _values = new decimal[16];
    private int _head;
    private int _count;

    public long LengthMs { get; } = lengthMs > 0 ? lengthMs : throw new ArgumentOutOfRangeException(nameof(lengthMs), lengthMs, $"window length {lengthMs} ms must be positive");

    public bool IsEmpty => _count == 0;

    /// <summary>Largest value with a time in [last time − length, last time].</summary>
    public decimal Maximum => _count > 0 ? _values[_head] : throw new InvalidOperationException("the rolling maximum window is empty");

    public void Add(long timeMs, decimal value)
    {
        var oldest = timeMs - LengthMs;
        while (_count > 0 && _times[_head] < oldest)
        {
            _head = (_head + 1) % _times.Length;
            _count--;
        }

        while (_count > 0 && _values[Index(_count - 1)] <= value)
        {
            _count--;
        }

        if (_count == _times.Length)
        {
            Grow();
        }

        var at = Index(_count);
        _times[at] = timeMs;
        _values[at] = value;
        _count++;
    }

    public void Reset()
    {
        _head = 0;
        _count = 0;
    }

    private int Index(int offset) => (_head + offset) % _times.Length;

    private void Grow()
    {
        var times = new long[_times.Length * 2];
        var values = new decimal[_values.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            times[i] = _times[Index(i)];
            values[i] = _values[Index(i)];
        }

        _times = times;
        _values = values;
        _head = 0;
    }
}
