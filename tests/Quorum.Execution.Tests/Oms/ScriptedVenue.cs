using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Oms;

/// <summary>
/// A venue whose answers the test scripts: it records every command, acknowledges submits,
/// cancels and amends synchronously (each switchable), and fills only when the test says so.
/// </summary>
internal sealed class ScriptedVenue(VenueCapabilities capabilities, SimulatedClock clock) : IVenue
{
    public static readonly Symbol Perp = Symbol.Parse("BINANCE:BTCUSDT.P");

    private readonly Dictionary<string, OrderRequest> _working = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _filled = new(StringComparer.Ordinal);
    private IVenueListener? _listener;
    private int _venueIds;

    public string Name => "scripted";

    public VenueCapabilities Capabilities { get; } = capabilities;

    public List<OrderRequest> Submitted { get; } = [];

    public List<BracketRequest> Brackets { get; } = [];

    public List<OcoRequest> Ocos { get; } = [];

    public List<string> Canceled { get; } = [];

    public List<AmendRequest> Amends { get; } = [];

    /// <summary>Every call in order, as text: "submit ID", "cancel ID", "amend ID", "bracket ID", "oco ID".</summary>
    public List<string> Calls { get; } = [];

    public bool AutoAccept { get; set; } = true;

    public bool AutoCancel { get; set; } = true;

    public bool AutoAmend { get; set; } = true;

    /// <summary>Answer every amend with CancelRejected.</summary>
    public bool RefuseAmends { get; set; }

    /// <summary>When set, submits of this type are rejected with this code.</summary>
    public Func<OrderRequest, OrderRejectCode?> RejectWhen { get; set; } = _ => null;

    public Instrument GetInstrument(Symbol symbol) =>
        new(symbol, new InstrumentFilters(tickSize: 0.1m, stepSize: 0.001m, minQuantity: 0.001m, minNotional: 5m));

    public void Connect(IVenueListener listener) => _listener = listener;

    public void Subscribe(Symbol symbol, Timeframe timeframe)
    {
    }

    public void Submit(OrderRequest request)
    {
        Submitted.Add(request);
        Calls.Add($"submit {request.ClientOrderId}");
        Acknowledge(request);
    }

    public void SubmitOco(OcoRequest request)
    {
        Ocos.Add(request);
        Calls.Add($"oco {request.ListId}");
        Acknowledge(request.First);
        Acknowledge(request.Second);
    }

    public void SubmitBracket(BracketRequest request)
    {
        Brackets.Add(request);
        Calls.Add($"bracket {request.ListId}");
        Acknowledge(request.Entry);
        Acknowledge(request.StopLoss);
        foreach (var takeProfit in request.TakeProfits)
        {
            Acknowledge(takeProfit);
        }
    }

    public void Cancel(Symbol symbol, string clientOrderId)
    {
        Canceled.Add(clientOrderId);
        Calls.Add($"cancel {clientOrderId}");
        if (!AutoCancel)
        {
            return;
        }

        if (_working.Remove(clientOrderId))
        {
            Report(ExecutionReportKind.Canceled, clientOrderId);
        }
        else
        {
            Report(ExecutionReportKind.CancelRejected, clientOrderId, reason: "unknown order");
        }
    }

    public void Amend(AmendRequest request)
    {
        Amends.Add(request);
        Calls.Add($"amend {request.ClientOrderId}");
        if (RefuseAmends)
        {
            Report(ExecutionReportKind.CancelRejected, request.ClientOrderId, reason: "amend refused");
            return;
        }

        if (!AutoAmend)
        {
            return;
        }

        var current = _working[request.ClientOrderId];
        var amended = new OrderRequest(
            current.ClientOrderId, current.Symbol, current.Side, current.Type, request.Quantity ?? current.Quantity,
            request.Price ?? current.Price, request.StopPrice ?? current.StopPrice, current.TimeInForce, current.ReduceOnly);
        _working[request.ClientOrderId] = amended;
        _listener!.OnExecutionReport(new ExecutionReport(
            ExecutionReportKind.Amended, request.ClientOrderId, request.Symbol, clock.UtcNowMs, clock.UtcNowMs, Amended: amended));
    }

    public bool IsWorking(string clientOrderId) => _working.ContainsKey(clientOrderId);

    public OrderRequest WorkingOrder(string clientOrderId) => _working[clientOrderId];

    /// <summary>The working orders whose id contains <paramref name="legMarker"/> (e.g. "-s-", "-t1-").</summary>
    public List<OrderRequest> WorkingWith(string legMarker) => _working.Values.Where(o => o.ClientOrderId.Contains(legMarker, StringComparison.Ordinal)).ToList();

    /// <summary>Fills <paramref name="quantity"/> (default: the rest) of a working order at <paramref name="price"/>.</summary>
    public void Fill(string clientOrderId, decimal price, decimal? quantity = null, decimal fee = 0m, decimal? referencePrice = null, decimal? spread = null)
    {
        var order = _working[clientOrderId];
        var done = _filled.GetValueOrDefault(clientOrderId);
        var amount = quantity ?? order.Quantity - done;
        _filled[clientOrderId] = done + amount;
        var complete = done + amount == order.Quantity;
        if (complete)
        {
            _working.Remove(clientOrderId);
        }

        var fill = new Quorum.Core.Trading.Fill(clientOrderId, order.Symbol, order.Side, price, amount, fee, "USDT", LiquiditySide.Taker, clock.UtcNowMs);
        _listener!.OnExecutionReport(new ExecutionReport(
            complete ? ExecutionReportKind.Filled : ExecutionReportKind.PartiallyFilled, clientOrderId, order.Symbol, clock.UtcNowMs, clock.UtcNowMs,
            fill, ReferencePrice: referencePrice, Spread: spread));
    }

    /// <summary>Sends a raw report (for unusual sequences).</summary>
    public void Send(ExecutionReport report) => _listener!.OnExecutionReport(report);

    public void Acknowledge(OrderRequest request, bool force = false)
    {
        if (RejectWhen(request) is { } code)
        {
            Report(ExecutionReportKind.Rejected, request.ClientOrderId, code, "scripted rejection");
            return;
        }

        if (!AutoAccept && !force)
        {
            return;
        }

        _working[request.ClientOrderId] = request;
        Report(ExecutionReportKind.Accepted, request.ClientOrderId, venueOrderId: $"V{++_venueIds}");
    }

    /// <summary>The venue cancels an order by itself (an OCO sibling, a bracket exit after the stop).</summary>
    public void CancelByVenue(string clientOrderId)
    {
        _working.Remove(clientOrderId);
        Report(ExecutionReportKind.Canceled, clientOrderId);
    }

    private void Report(ExecutionReportKind kind, string clientOrderId, OrderRejectCode code = OrderRejectCode.None, string? reason = null, string? venueOrderId = null) =>
        _listener!.OnExecutionReport(new ExecutionReport(kind, clientOrderId, Perp, clock.UtcNowMs, clock.UtcNowMs, VenueOrderId: venueOrderId, RejectCode: code, Reason: reason));
}
