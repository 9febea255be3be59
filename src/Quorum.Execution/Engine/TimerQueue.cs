namespace Quorum.Execution.Engine;

/// <summary>
/// The scheduler's binary min-heap of timers ordered by (due time, creation sequence), both plain <see cref="long"/>
/// compares. It replaces <see cref="PriorityQueue{TElement,TPriority}"/>, whose shared generic code compares tuple
/// priorities through <see cref="Comparer{T}.Default"/>: a backtest fires the equity timer at every bar close, so the
/// heap's head is read and re-armed once per bar. Single-threaded, like its scheduler.
/// </summary>
internal sealed class TimerQueue
{
    private Entry[] _entries = new Entry[8];

    /// <summary>Timers in the heap.</summary>
    public int Count { get; private set; }

    /// <summary>Due time of the head, or <see cref="long.MaxValue"/> when empty.</summary>
    public long HeadDueMs => Count > 0 ? _entries[0].DueMs : long.MaxValue;

    /// <summary>The head (the timer due first; of equal due times, the one created first). The heap must not be empty.</summary>
    public EngineScheduler.ScheduledTimer Head => _entries[0].Timer;

    /// <summary>Adds <paramref name="timer"/> at its current due time and sequence.</summary>
    public void Push(EngineScheduler.ScheduledTimer timer)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        SiftUp(Count++, new Entry(timer.DueMs, timer.Sequence, timer));
    }

    /// <summary>Removes the head.</summary>
    public void Pop() => RemoveAt(0);

    /// <summary>Re-positions the head after its due time moved later (a periodic timer re-armed): one sift down.</summary>
    public void HeadMovedLater()
    {
        var timer = _entries[0].Timer;
        SiftDown(0, new Entry(timer.DueMs, timer.Sequence, timer));
    }

    /// <summary>Removes <paramref name="timer"/> if present (a linear search: cancels are rare next to firings).</summary>
    public bool Remove(EngineScheduler.ScheduledTimer timer)
    {
        for (var i = 0; i < Count; i++)
        {
            if (ReferenceEquals(_entries[i].Timer, timer))
            {
                RemoveAt(i);
                return true;
            }
        }

        return false;
    }

    private void RemoveAt(int index)
    {
        var last = _entries[--Count];
        _entries[Count] = default; // no reference kept to a removed timer
        if (index == Count)
        {
            return;
        }

        if (index > 0 && Less(last, _entries[(index - 1) >> 1]))
        {
            SiftUp(index, last);
        }
        else
        {
            SiftDown(index, last);
        }
    }

    private void SiftUp(int index, Entry entry)
    {
        var entries = _entries;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Less(entry, entries[parent]))
            {
                break;
            }

            entries[index] = entries[parent];
            index = parent;
        }

        entries[index] = entry;
    }

    private void SiftDown(int index, Entry entry)
    {
        var entries = _entries;
        var count = Count;
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Less(entries[child + 1], entries[child]))
            {
                child++;
            }

            if (!Less(entries[child], entry))
            {
                break;
            }

            entries[index] = entries[child];
            index = child;
        }

        entries[index] = entry;
    }

    private static bool Less(in Entry a, in Entry b) => a.DueMs < b.DueMs || (a.DueMs == b.DueMs && a.Sequence < b.Sequence);

    private readonly record struct Entry(long DueMs, long Sequence, EngineScheduler.ScheduledTimer Timer);
}
