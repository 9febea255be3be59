namespace Quorum.Core.Messaging;

/// <summary>
/// The default <see cref="IEventBus"/>: synchronous and deterministic, for the single-threaded core
/// of one bot (not thread-safe).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Handlers run on the publishing thread in subscription order. A subscriber to a base
/// type or interface receives derived events.</item>
/// <item>An event published while another is being delivered (from a handler) is queued and
/// delivered after the current one, once all its handlers have run: delivery is breadth-first,
/// never re-entrant, and every subscriber sees events in the same order.</item>
/// <item>A handler subscribed during a delivery receives the next events, not the current one; a
/// handler disposed during a delivery receives nothing more, including the current event if it
/// has not been reached yet.</item>
/// <item>A throwing handler does not stop the others. With an <c>onHandlerFailure</c> callback,
/// each failure is reported to it and <see cref="Publish{TEvent}"/> returns normally. Without one,
/// failures are collected while the whole queue drains and the outermost
/// <see cref="Publish{TEvent}"/> then throws an <see cref="AggregateException"/> of them (each inner
/// exception's <c>Data["EventHandlerFailure"]</c> holds the <see cref="EventHandlerFailure"/>).</item>
/// </list>
/// </remarks>
public sealed class InProcessEventBus : IEventBus
{
    /// <summary>Key under which a rethrown exception's <see cref="Exception.Data"/> holds its <see cref="EventHandlerFailure"/>.</summary>
    public const string FailureDataKey = nameof(EventHandlerFailure);

    private readonly Action<EventHandlerFailure>? _onHandlerFailure;
    private readonly List<Subscription> _subscriptions = [];
    private readonly Dictionary<Type, Subscription[]> _routes = [];
    private readonly Queue<object> _pending = new();
    private readonly List<Exception> _failures = [];
    private bool _delivering;

    /// <param name="onHandlerFailure">Receives handler failures instead of them being rethrown; null to rethrow (the default).</param>
    public InProcessEventBus(Action<EventHandlerFailure>? onHandlerFailure = null)
    {
        _onHandlerFailure = onHandlerFailure;
    }

    /// <summary>Number of live subscriptions.</summary>
    public int SubscriptionCount => _subscriptions.Count;

    public void Publish<TEvent>(TEvent @event)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(@event);
        _pending.Enqueue(@event);
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            while (_pending.TryDequeue(out var next))
            {
                Deliver(next);
            }
        }
        finally
        {
            _delivering = false;
            _pending.Clear(); // only non-empty if a failure callback itself threw
        }

        if (_failures.Count > 0)
        {
            var failures = _failures.ToArray();
            _failures.Clear();
            throw new AggregateException(
                $"{failures.Length} event handler(s) failed while delivering {@event.GetType().Name}: " +
                string.Join("; ", failures.Select(f => f.Data[FailureDataKey]?.ToString())),
                failures);
        }
    }

    public IDisposable Subscribe<TEvent>(Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, typeof(TEvent), e => handler((TEvent)e));
        _subscriptions.Add(subscription);
        _routes.Clear();
        return subscription;
    }

    private void Deliver(object @event)
    {
        foreach (var subscription in Route(@event.GetType()))
        {
            if (!subscription.IsActive)
            {
                continue;
            }

            try
            {
                subscription.Handler(@event);
            }
#pragma warning disable CA1031 // a failing subscriber must not stop the others; the failure is reported or rethrown below
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var failure = new EventHandlerFailure(@event, subscription.EventType, exception);
                if (_onHandlerFailure is not null)
                {
                    _onHandlerFailure(failure);
                }
                else
                {
                    exception.Data[FailureDataKey] = failure;
                    _failures.Add(exception);
                }
            }
        }
    }

    private Subscription[] Route(Type eventType)
    {
        if (!_routes.TryGetValue(eventType, out var route))
        {
            route = [.. _subscriptions.Where(s => s.EventType.IsAssignableFrom(eventType))];
            _routes[eventType] = route;
        }

        return route;
    }

    private void Remove(Subscription subscription)
    {
        _subscriptions.Remove(subscription);
        _routes.Clear();
    }

    private sealed class Subscription(InProcessEventBus bus, Type eventType, Action<object> handler) : IDisposable
    {
        public Type EventType { get; } = eventType;

        public Action<object> Handler { get; } = handler;

        public bool IsActive { get; private set; } = true;

        public void Dispose()
        {
            if (IsActive)
            {
                IsActive = false;
                bus.Remove(this);
            }
        }
    }
}
