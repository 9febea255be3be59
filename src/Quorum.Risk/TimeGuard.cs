namespace Quorum.Risk;

/// <summary>Checks that event time never goes backwards in a stateful risk component (a bug in the caller: it throws).</summary>
internal struct TimeGuard
{
    private long _lastMs;
    private bool _started;

    public long LastMs => _lastMs;

    public void Advance(long timeMs, string component)
    {
        if (_started && timeMs < _lastMs)
        {
            throw new ArgumentOutOfRangeException(nameof(timeMs), timeMs, $"{component}: time went backwards from {_lastMs} to {timeMs} ms");
        }

        _lastMs = timeMs;
        _started = true;
    }
}
