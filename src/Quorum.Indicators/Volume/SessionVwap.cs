using Quorum.Indicators.Statistics;

namespace Quorum.Indicators.Volume;

/// <summary>
/// Session VWAP: Σ(price·volume)/Σvolume over the bars of the current session, restarting with the
/// first bar of each session. Sessions are consecutive spans of <c>sessionLength</c> counted from the
/// Unix epoch plus <c>sessionOffset</c>; the default (one day, no offset) restarts at every 00:00 UTC.
/// A bar belongs to the session that contains its open time. Price is the typical price
/// (high + low + close)/3 by default. When the session's volume so far is zero every bar weighs the
/// same (the plain mean of the prices). Volumes must be ≥ 0 and bar times must not go backwards.
/// Registry <c>vwap_session</c> (daily) → <c>vwap_session</c>; <c>vwap_session:HOURS[:OFFSET_HOURS]</c>,
/// e.g. <c>vwap_session:8</c> → <c>vwap_session_8h</c>. Defined from the first bar.
/// </summary>
public sealed class SessionVwap : IIndicator
{
    private readonly string[] _outputNames;
    private readonly long _lengthMs;
    private readonly long _offsetMs;
    private State _state;
    private long _lastTimeMs;

    public SessionVwap(TimeSpan? sessionLength = null, TimeSpan sessionOffset = default, PriceSource source = PriceSource.Typical)
    {
        var length = sessionLength ?? TimeSpan.FromDays(1);
        (_lengthMs, _offsetMs) = Validate(length, sessionOffset);
        SessionLength = length;
        SessionOffset = sessionOffset;
        Source = source;
        Name = NameOf(length, sessionOffset, source);
        _outputNames = [Name];
    }

    public string Name { get; }

    public IReadOnlyList<string> OutputNames => _outputNames;

    public TimeSpan SessionLength { get; }

    public TimeSpan SessionOffset { get; }

    /// <summary>The price of a bar that is weighted by its volume.</summary>
    public PriceSource Source { get; }

    public int WarmUpPeriod => 1;

    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The VWAP of the session so far; NaN before the first bar.</summary>
    public double Value { get; private set; } = double.NaN;

    public void Update(in OhlcvPoint bar)
    {
        IndicatorGuard.Finite(bar, Name, Samples + 1);
        VolumeCheck.NotNegative(bar.Volume, Name, Samples + 1);
        if (Samples > 0 && bar.TimeMs < _lastTimeMs)
        {
            throw new ArgumentException(
                $"{Name}: bar #{Samples + 1} opens at {bar.TimeMs} ms, before the previous bar ({_lastTimeMs} ms); bar times must not go backwards",
                nameof(bar));
        }

        Samples++;
        _lastTimeMs = bar.TimeMs;
        Value = _state.Step(Session(bar.TimeMs, _lengthMs, _offsetMs), bar.Get(Source), bar.Volume);
    }

    public double GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has one output (index 0)");

    public void Reset()
    {
        Samples = 0;
        Value = double.NaN;
        _state = default;
        _lastTimeMs = 0;
    }

    public override string ToString() => $"{Name} = {Value} ({Samples} samples)";

    /// <summary>
    /// Batch form over bar open times (UTC ms), a price column (computed as <see cref="OhlcvPoint.Get"/>
    /// does for the streaming form's values) and a volume column.
    /// </summary>
    public static void Batch(
        ReadOnlySpan<long> timeMs,
        ReadOnlySpan<double> price,
        ReadOnlySpan<double> volume,
        Span<double> output,
        TimeSpan? sessionLength = null,
        TimeSpan sessionOffset = default)
    {
        var length = sessionLength ?? TimeSpan.FromDays(1);
        var (lengthMs, offsetMs) = Validate(length, sessionOffset);
        var name = NameOf(length, sessionOffset, PriceSource.Typical);
        SeriesCheck.SameLength(timeMs.Length, price.Length, name, nameof(price));
        SeriesCheck.SameLength(timeMs.Length, volume.Length, name, nameof(volume));
        IndicatorGuard.Lengths(timeMs.Length, output.Length, name);
        SeriesCheck.Finite(price, name, nameof(price));
        SeriesCheck.Finite(volume, name, nameof(volume));
        VolumeCheck.NotNegative(volume, name);
        for (var i = 1; i < timeMs.Length; i++)
        {
            if (timeMs[i] < timeMs[i - 1])
            {
                throw new ArgumentException(
                    $"{name}: bar #{i + 1} opens at {timeMs[i]} ms, before the previous bar ({timeMs[i - 1]} ms); bar times must not go backwards",
                    nameof(timeMs));
            }
        }

        var state = default(State);
        for (var i = 0; i < timeMs.Length; i++)
        {
            output[i] = state.Step(Session(timeMs[i], lengthMs, offsetMs), price[i], volume[i]);
        }
    }

    /// <summary>Batch form over bars; identical to feeding them to a streaming <see cref="SessionVwap"/>.</summary>
    public static void Batch(OhlcvColumns bars, Span<double> output, TimeSpan? sessionLength = null, TimeSpan sessionOffset = default, PriceSource source = PriceSource.Typical)
    {
        ArgumentNullException.ThrowIfNull(bars);
        Batch(bars.Time, bars.Get(source), bars.Volume, output, sessionLength, sessionOffset);
    }

    private static long Session(long timeMs, long lengthMs, long offsetMs)
    {
        var shifted = timeMs - offsetMs;
        var session = shifted / lengthMs;
        return shifted % lengthMs < 0 ? session - 1 : session;
    }

    private static (long LengthMs, long OffsetMs) Validate(TimeSpan sessionLength, TimeSpan sessionOffset)
    {
        if (sessionLength.Ticks <= 0 || sessionLength.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sessionLength), sessionLength, $"vwap_session: session length {sessionLength} is out of range (a positive whole number of milliseconds)");
        }

        if (sessionOffset.Ticks % TimeSpan.TicksPerMillisecond != 0 || sessionOffset < TimeSpan.Zero || sessionOffset >= sessionLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sessionOffset),
                sessionOffset,
                $"vwap_session: session offset {sessionOffset} is out of range (whole milliseconds, 0 ≤ offset < session length {sessionLength})");
        }

        return (sessionLength.Ticks / TimeSpan.TicksPerMillisecond, sessionOffset.Ticks / TimeSpan.TicksPerMillisecond);
    }

    private static string NameOf(TimeSpan length, TimeSpan offset, PriceSource source)
    {
        var name = "vwap_session";
        if (length != TimeSpan.FromDays(1) || offset != TimeSpan.Zero)
        {
            name += $"_{Span(length)}";
            if (offset != TimeSpan.Zero)
            {
                name += $"_{Span(offset)}";
            }
        }

        return IndicatorNames.WithSource(name, source, PriceSource.Typical);
    }

    private static string Span(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerHour == 0 ? $"{span.Ticks / TimeSpan.TicksPerHour}h"
        : span.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{span.Ticks / TimeSpan.TicksPerMinute}m"
        : $"{span.Ticks / TimeSpan.TicksPerMillisecond}ms";

    private struct State
    {
        private long _session;
        private double _weighted;
        private double _volume;
        private double _price;
        private long _bars;

        public double Step(long session, double price, double volume)
        {
            if (_bars == 0 || session != _session)
            {
                _session = session;
                _weighted = 0;
                _volume = 0;
                _price = 0;
                _bars = 0;
            }

            _weighted += price * volume;
            _volume += volume;
            _price += price;
            _bars++;
            return _volume > 0 ? _weighted / _volume : _price / _bars;
        }
    }
}
