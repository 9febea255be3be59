using System.Diagnostics.Tracing;

namespace Quorum.Benchmarks;

/// <summary>
/// Sums the runtime's <c>GCAllocationTick</c> events (one per ~100 KB allocated, naming the type of the object that crossed
/// the mark) by type while it is alive: a sampled view of what a run allocates, in process, with no profiler attached.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int GCAllocationTickEventId = 10;
    private const EventKeywords GCKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = [];
    private readonly Lock _gate = new();
    private bool _stopped;

    public IReadOnlyDictionary<string, long> Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            return new Dictionary<string, long>(_bytes);
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GCKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != GCAllocationTickEventId || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0L;
        lock (_gate)
        {
            if (!_stopped)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
