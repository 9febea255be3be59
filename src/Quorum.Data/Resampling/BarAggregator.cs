using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Integrity;

namespace Quorum.Data.Resampling;

/// <summary>
/// Streaming counterpart of <see cref="Resampler"/>: feed closed lower-timeframe bars one by
/// one; each higher-timeframe bar is emitted exactly when it closes — when its last
/// constituent arrives, or, if that one is missing, when a bar of a later bucket arrives.
/// Feeding a series bar by bar and then taking <see cref="Current"/> gives the same bars as
/// <see cref="Resampler.Resample(BarSeries, Timeframe, ResampleOptions?)"/> on the whole series.
/// </summary>
/// <remarks>
/// Accepts closed bars only (a still-forming live candle is aggregated once it closes).
/// Input must be strictly ascending and aligned to <see cref="SourceTimeframe"/>; anything else
/// throws <see cref="ArgumentException"/>. Not thread-safe: one aggregator belongs to one
/// single-threaded consumer.
/// </remarks>
public sealed class BarAggregator
{
    private readonly ResampleOptions _options;
    private readonly long _sourceMs;
    private readonly long _targetMs;
    private bool _hasBucket;
    private bool _dropBucket;
    private bool _seenAny;
    private long _bucketStart;
    private long _lastTime;
    private BarBucket _bucket;

    public BarAggregator(Timeframe sourceTimeframe, Timeframe targetTimeframe, ResampleOptions? options = null)
    {
        Resampler.EnsureCanResample(sourceTimeframe, targetTimeframe);
        SourceTimeframe = sourceTimeframe;
        TargetTimeframe = targetTimeframe;
        _options = options ?? ResampleOptions.Default;
        _sourceMs = sourceTimeframe.Milliseconds;
        _targetMs = targetTimeframe.Milliseconds;
    }

    public Timeframe SourceTimeframe { get; }

    public Timeframe TargetTimeframe { get; }

    /// <summary>Number of source bars in the bucket being formed (0 when none).</summary>
    public int CurrentConstituentCount => _hasBucket ? _bucket.Count : 0;

    /// <summary>
    /// The bucket being formed as a not-closed bar, or null when no bucket is open (or the open
    /// one is a leading partial bucket that <see cref="ResampleOptions.DropIncompleteFirstBucket"/> drops).
    /// </summary>
    public Bar? Current => _hasBucket && !_dropBucket
        ? _bucket.ToBar(_bucketStart, isClosed: false)
        : null;

    /// <summary>Feeds one closed source bar and returns the higher-timeframe bars it closed.</summary>
    public ClosedBars Add(in Bar bar)
    {
        var time = bar.OpenTimeMs;
        if (!bar.IsClosed)
        {
            throw new ArgumentException(
                $"{SourceTimeframe}→{TargetTimeframe} aggregator: bar at {TimeText.Utc(time)} UTC is still forming; feed closed bars only",
                nameof(bar));
        }

        if (_seenAny && time <= _lastTime)
        {
            throw new ArgumentException(
                $"{SourceTimeframe}→{TargetTimeframe} aggregator: bar at {TimeText.Utc(time)} UTC is not after the previous bar at {TimeText.Utc(_lastTime)} UTC; input must be strictly ascending",
                nameof(bar));
        }

        if (!SourceTimeframe.IsAligned(time))
        {
            throw new ArgumentException(
                $"{SourceTimeframe}→{TargetTimeframe} aggregator: bar at {TimeText.Utc(time)} UTC is not on the {SourceTimeframe} grid",
                nameof(bar));
        }

        var closed = default(ClosedBars);
        if (_hasBucket && time >= _bucketStart + _targetMs)
        {
            closed = Emit(closed);
        }

        if (!_hasBucket)
        {
            _bucketStart = TargetTimeframe.AlignDown(time);
            _dropBucket = !_seenAny && time != _bucketStart && _options.DropIncompleteFirstBucket;
            _hasBucket = true;
            _bucket.Start(bar);
        }
        else
        {
            _bucket.Merge(bar);
        }

        _lastTime = time;
        _seenAny = true;
        if (time + _sourceMs == _bucketStart + _targetMs)
        {
            closed = Emit(closed);
        }

        return closed;
    }

    /// <summary>Forgets all state, as if newly created.</summary>
    public void Reset()
    {
        _hasBucket = false;
        _dropBucket = false;
        _seenAny = false;
    }

    private ClosedBars Emit(ClosedBars closed)
    {
        var result = _dropBucket ? closed : closed.With(_bucket.ToBar(_bucketStart));
        _hasBucket = false;
        _dropBucket = false;
        return result;
    }
}
