using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Oms;
using Quorum.Execution.Venues;
using Trade = Quorum.Execution.Oms.Trade;

namespace Quorum.Execution.Tests.Oms;

/// <summary>A clock, a scripted venue and an OMS wired together, with a recording listener.</summary>
internal sealed class OmsHarness : IOmsListener
{
    public const long Start = 1_699_999_980_000;

    public OmsHarness(VenueCapabilities? capabilities = null, OmsOptions? options = null)
    {
        Clock = new SimulatedClock(Start);
        Venue = new ScriptedVenue(capabilities ?? VenueCapabilities.PlainOrdersOnly, Clock);
        Oms = new OrderManager(Venue, Clock, options ?? new OmsOptions { BotId = "7" });
        Venue.Connect(Oms);
        Oms.AddListener(this);
    }

    public SimulatedClock Clock { get; }

    public ScriptedVenue Venue { get; }

    public OrderManager Oms { get; }

    public List<string> Events { get; } = [];

    public List<OrderCommand> Commands { get; } = [];

    public static Plan LongPlan(
        decimal quantity = 1m, decimal entry = 100m, decimal stop = 95m, TakeProfit[]? takeProfits = null, TrailSpec? trail = null,
        IEnumerable<KeyValuePair<string, object>>? metadata = null) =>
        new(ScriptedVenue.Perp, PositionSide.Long, quantity, entry, stop, takeProfits, trail, metadata: metadata);

    public static Plan ShortPlan(decimal quantity = 1m, decimal entry = 100m, decimal stop = 105m, TakeProfit[]? takeProfits = null, TrailSpec? trail = null) =>
        new(ScriptedVenue.Perp, PositionSide.Short, quantity, entry, stop, takeProfits, trail);

    /// <summary>The client order id of (plan, leg, attempt) for bot 7.</summary>
    public static string Id(long plan, string leg, int attempt = 0) => ClientOrderIds.Format("7", plan, leg, attempt);

    /// <summary>Advances the clock to the bar's close and feeds it (1m bars).</summary>
    public void Bar(int minute, decimal open, decimal high, decimal low, decimal close)
    {
        var openTime = Start + (minute * Timeframe.MinuteMs);
        Clock.AdvanceTo(openTime + Timeframe.MinuteMs);
        Oms.OnBar(ScriptedVenue.Perp, Timeframe.M1, new Bar(openTime, open, high, low, close, 10m));
    }

    public void OnOrderCommandSent(OrderCommand command)
    {
        Commands.Add(command);
        Events.Add($"command {command.Kind} {command.ClientOrderId}");
    }

    public void OnOrderStateChanged(ManagedOrder order, OrderStateChange change) => Events.Add($"state {change.ClientOrderId} {change.From}->{change.To}");

    public void OnTradeOpened(Trade trade) => Events.Add($"opened {trade.TradeId}");

    public void OnTradeClosed(Trade trade) => Events.Add($"closed {trade.TradeId} {trade.Status} {trade.ExitReason}");
}
