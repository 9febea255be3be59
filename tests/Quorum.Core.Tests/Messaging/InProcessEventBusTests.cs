using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Messaging;

namespace Quorum.Core.Tests.Messaging;

public sealed class InProcessEventBusTests
{
    [Fact]
    public void Publish_RunsHandlersInSubscriptionOrder()
    {
        var bus = new InProcessEventBus();
        var calls = new List<string>();
        bus.Subscribe<BarClosed>(_ => calls.Add("first"));
        bus.Subscribe<BarClosed>(_ => calls.Add("second"));
        bus.Subscribe<BarClosed>(_ => calls.Add("third"));

        bus.Publish(new BarClosed("BINANCE:BTCUSDT"));

        calls.ShouldBe(["first", "second", "third"]);
    }

    [Fact]
    public void Publish_ReachesSubscribersOfBaseTypesAndInterfaces_NotUnrelatedTypes()
    {
        var bus = new InProcessEventBus();
        var calls = new List<string>();
        bus.Subscribe<IEvent>(e => calls.Add($"IEvent:{e.GetType().Name}"));
        bus.Subscribe<OrderEvent>(e => calls.Add($"OrderEvent:{e.OrderId}"));
        bus.Subscribe<OrderFilled>(e => calls.Add($"OrderFilled:{e.OrderId}"));
        bus.Subscribe<BarClosed>(_ => calls.Add("BarClosed"));
        bus.Subscribe<object>(_ => calls.Add("object"));

        bus.Publish(new OrderAccepted("o-1"));
        bus.Publish<OrderEvent>(new OrderFilled("o-2")); // routed by runtime type

        calls.ShouldBe([
            "IEvent:OrderAccepted", "OrderEvent:o-1", "object",
            "IEvent:OrderFilled", "OrderEvent:o-2", "OrderFilled:o-2", "object",
        ]);
    }

    [Fact]
    public void Dispose_Unsubscribes_AndIsIdempotent()
    {
        var bus = new InProcessEventBus();
        var received = 0;
        var subscription = bus.Subscribe<BarClosed>(_ => received++);

        bus.Publish(new BarClosed("A"));
        subscription.Dispose();
        subscription.Dispose();
        bus.Publish(new BarClosed("B"));

        received.ShouldBe(1);
        bus.SubscriptionCount.ShouldBe(0);
    }

    [Fact]
    public void Publish_DuringPublish_IsDeliveredAfterTheCurrentEventReachedEveryHandler()
    {
        var bus = new InProcessEventBus();
        var calls = new List<string>();
        bus.Subscribe<OrderAccepted>(e =>
        {
            calls.Add($"h1:{e.OrderId}");
            bus.Publish(new OrderFilled(e.OrderId));
            calls.Add($"h1:after-publish:{e.OrderId}");
        });
        bus.Subscribe<OrderEvent>(e => calls.Add($"h2:{e.GetType().Name}"));

        bus.Publish(new OrderAccepted("o-1"));

        calls.ShouldBe(["h1:o-1", "h1:after-publish:o-1", "h2:OrderAccepted", "h2:OrderFilled"]);
    }

    [Fact]
    public void Publish_NestedEvents_AreDeliveredBreadthFirstInPublicationOrder()
    {
        var bus = new InProcessEventBus();
        var seen = new List<string>();
        bus.Subscribe<BarClosed>(e =>
        {
            seen.Add(e.Symbol);
            if (e.Symbol.Length < 3)
            {
                bus.Publish(new BarClosed(e.Symbol + "a"));
                bus.Publish(new BarClosed(e.Symbol + "b"));
            }
        });

        bus.Publish(new BarClosed("x"));

        seen.ShouldBe(["x", "xa", "xb", "xaa", "xab", "xba", "xbb"]);
    }

    [Fact]
    public void ThrowingHandler_DoesNotStopOthers_AndIsRethrownAsAggregateAfterAllRan()
    {
        var bus = new InProcessEventBus();
        var calls = new List<string>();
        bus.Subscribe<BarClosed>(_ => calls.Add("before"));
        bus.Subscribe<BarClosed>(_ => throw new InvalidOperationException("handler bug"));
        bus.Subscribe<BarClosed>(_ => calls.Add("after"));

        var error = Should.Throw<AggregateException>(() => bus.Publish(new BarClosed("A")));

        calls.ShouldBe(["before", "after"]);
        var inner = error.InnerExceptions.ShouldHaveSingleItem().ShouldBeOfType<InvalidOperationException>();
        inner.Message.ShouldBe("handler bug");
        var failure = inner.Data[InProcessEventBus.FailureDataKey].ShouldBeOfType<EventHandlerFailure>();
        failure.SubscribedType.ShouldBe(typeof(BarClosed));
        failure.Event.ShouldBe(new BarClosed("A"));
        error.Message.ShouldContain("handler for BarClosed failed on BarClosed: InvalidOperationException: handler bug");
    }

    [Fact]
    public void ThrowingHandlerOnQueuedEvent_IsCollectedIntoTheOutermostPublish()
    {
        var bus = new InProcessEventBus();
        var delivered = new List<string>();
        bus.Subscribe<OrderAccepted>(e => bus.Publish(new OrderFilled(e.OrderId)));
        bus.Subscribe<OrderFilled>(_ => throw new InvalidOperationException("fill handler bug"));
        bus.Subscribe<OrderFilled>(e => delivered.Add(e.OrderId));

        var error = Should.Throw<AggregateException>(() => bus.Publish(new OrderAccepted("o-1")));

        error.InnerExceptions.ShouldHaveSingleItem().Message.ShouldBe("fill handler bug");
        Should.Throw<AggregateException>(() => bus.Publish(new OrderFilled("o-2"))) // bus still usable; earlier failures not repeated
            .InnerExceptions.ShouldHaveSingleItem();
        delivered.ShouldBe(["o-1", "o-2"]);
    }

    [Fact]
    public void FailureCallback_ReceivesFailures_AndPublishDoesNotThrow()
    {
        var failures = new List<EventHandlerFailure>();
        var bus = new InProcessEventBus(failures.Add);
        var delivered = 0;
        bus.Subscribe<BarClosed>(_ => throw new InvalidOperationException("bug"));
        bus.Subscribe<BarClosed>(_ => delivered++);

        bus.Publish(new BarClosed("A"));
        bus.Publish(new BarClosed("B"));

        delivered.ShouldBe(2);
        failures.Select(f => ((BarClosed)f.Event).Symbol).ShouldBe(["A", "B"]);
        failures[0].Exception.Message.ShouldBe("bug");
    }

    [Fact]
    public void SubscribeDuringDelivery_ReceivesOnlyLaterEvents()
    {
        var bus = new InProcessEventBus();
        var late = new List<string>();
        var subscribed = false;
        bus.Subscribe<BarClosed>(_ =>
        {
            if (!subscribed)
            {
                subscribed = true;
                bus.Subscribe<BarClosed>(e => late.Add(e.Symbol));
            }
        });

        bus.Publish(new BarClosed("A"));
        bus.Publish(new BarClosed("B"));

        late.ShouldBe(["B"]);
    }

    [Fact]
    public void DisposeDuringDelivery_StopsThatHandlerForTheCurrentEvent()
    {
        var bus = new InProcessEventBus();
        var calls = new List<string>();
        IDisposable? second = null;
        bus.Subscribe<BarClosed>(_ =>
        {
            calls.Add("first");
            second!.Dispose();
        });
        second = bus.Subscribe<BarClosed>(_ => calls.Add("second"));

        bus.Publish(new BarClosed("A"));

        calls.ShouldBe(["first"]);
    }

    [Fact]
    public void Publish_Null_Throws()
    {
        var bus = new InProcessEventBus();

        Should.Throw<ArgumentNullException>(() => bus.Publish<BarClosed>(null!));
    }

    [Fact]
    public void Event_CarriesEngineAndVenueTime()
    {
        IEvent e = new OrderFilled("o-1", EngineTimeMs: 1_000, VenueTimeMs: 990);

        e.EngineTimeMs.ShouldBe(1_000);
        e.VenueTimeMs.ShouldBe(990);
    }

    [Fact]
    public void Subscribers_AnyPublicationTree_AllSeeTheSameEventsInTheSameOrder()
    {
        // Each published number n > 0 triggers publications of n / 2 and n / 3 from inside the first handler.
        var gen = Gen.Choose(0, 50).ListOf().Select(list => list.ToArray());

        Prop.ForAll(gen.ToArbitrary(), roots =>
        {
            var bus = new InProcessEventBus();
            var first = new List<int>();
            var second = new List<int>();
            bus.Subscribe<int>(n =>
            {
                first.Add(n);
                if (n > 0)
                {
                    bus.Publish(n / 2);
                    bus.Publish(n / 3);
                }
            });
            bus.Subscribe<int>(second.Add);

            foreach (var root in roots)
            {
                bus.Publish(root);
            }

            return first.SequenceEqual(second) && first.Count == roots.Sum(CountTree);
        }).QuickCheckThrowOnFailure();
    }

    private static int CountTree(int n) => n > 0 ? 1 + CountTree(n / 2) + CountTree(n / 3) : 1;
}
