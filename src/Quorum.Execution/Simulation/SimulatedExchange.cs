using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Engine;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Simulation;

/// <summary>
/// The venue for backtests and paper trading: matches orders against replayed bars (market, limit
/// GTC/IOC/FOK, post-only, stop-market, stop-limit, take-profit, reduce-only, OCO, brackets), charges
/// maker/taker fees and slippage, caps fills by volume participation, applies the instruments'
/// filters, keeps spot balances and isolated-margin perpetual positions, settles funding and
/// liquidates. Driven on the loop thread by <see cref="OnReplayBar"/> and <see cref="OnReplayFunding"/>;
/// every report goes synchronously to the connected <see cref="IVenueListener"/>. The rules and
/// defaults are in <c>docs/simulated-exchange.md</c>.
/// </summary>
/// <remarks>
/// Orders submitted while a bar is being handled take part only in Match bars that open at or after
/// the submission time (the clock stands at the bar's close), so they fill from the next bar on;
/// market orders fill at the next Match bar's open. Deterministic: venue order ids and trade ids are
/// counters, resting orders match in submission order, nothing depends on hash order.
/// </remarks>
public sealed partial class SimulatedExchange : IVenue, IMarketReplayTarget
{
    private readonly SimulatedExchangeOptions _options;
    private readonly TimeProvider _clock;
    private readonly SymbolMap<SymbolBook> _books = new();
    private readonly List<SymbolBook> _bookList = [];
    private readonly Dictionary<string, WorkingOrder> _orders = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _reserved = new(StringComparer.Ordinal);
    private readonly List<Symbol> _subscriptions = [];
    private IVenueListener? _listener;
    private long _nextOrderId = 1;
    private long _nextTradeId = 1;
    private long _nextLiquidationId = 1;

    /// <summary>An exchange listing <see cref="SimulatedExchangeOptions.Instruments"/>, reading time from <paramref name="clock"/>.</summary>
    public SimulatedExchange(SimulatedExchangeOptions options, TimeProvider clock)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentNullException.ThrowIfNull(options.Capabilities, "options.Capabilities");
        ArgumentNullException.ThrowIfNull(options.Fees, "options.Fees");
        ArgumentNullException.ThrowIfNull(options.Slippage, "options.Slippage");
        if (options.ParticipationCap is { } cap && cap is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(options), cap, $"participation cap {cap} is out of range (0 < cap ≤ 1, or null for none)");
        }

        if (options.MaintenanceMarginRate is < 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaintenanceMarginRate, $"maintenance margin rate {options.MaintenanceMarginRate} is out of range (0 ≤ rate < 1)");
        }

        if (options.MaxLeverage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxLeverage, $"max leverage {options.MaxLeverage} must be ≥ 1");
        }

        foreach (var instrument in options.Instruments)
        {
            if (_books.Find(instrument.Symbol) is not null)
            {
                throw new ArgumentException($"instrument {instrument.Symbol} is listed twice", nameof(options));
            }

            var book = new SymbolBook(instrument, options.Fees.For(instrument.Symbol));
            _books.Set(instrument.Symbol, book);
            _bookList.Add(book);
        }

        foreach (var (asset, amount) in options.InitialBalances)
        {
            if (amount < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(options), amount, $"initial balance of {asset} {amount} must be ≥ 0");
            }

            _balances[asset.ToUpperInvariant()] = amount;
        }
    }

    public string Name => _options.Name;

    public VenueCapabilities Capabilities => _options.Capabilities;

    /// <summary>The options the exchange runs with.</summary>
    public SimulatedExchangeOptions Options => _options;

    /// <summary>Symbols subscribed so far, in subscription order (the replay driver decides which bars it sends).</summary>
    public IReadOnlyList<Symbol> Subscriptions => _subscriptions;

    public Instrument GetInstrument(Symbol symbol) => Book(symbol).Instrument;

    /// <summary>Orders the exchange knows by client order id: the open ones (terminal orders are forgotten at once).</summary>
    internal int OpenOrderCount => _orders.Count;

    public void Connect(IVenueListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        if (_listener is not null)
        {
            throw new InvalidOperationException($"{Name}: already connected; Connect is called once");
        }

        _listener = listener;
    }

    public void Subscribe(Symbol symbol, Timeframe timeframe)
    {
        Book(symbol);
        if (!_subscriptions.Contains(symbol))
        {
            _subscriptions.Add(symbol);
        }
    }

    public void Submit(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var book = Book(request.Symbol);
        CheckCapabilities(request);
        if (IsDuplicate(request.ClientOrderId, book.Symbol))
        {
            return;
        }

        var order = NewOrder(request, OrderRole.Single);
        if (Validate(book, order) is { } rejection)
        {
            Reject(order, rejection.Code, rejection.Reason);
            return;
        }

        Accept(book, order);
    }

    public void SubmitOco(OcoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Capabilities.NativeOco)
        {
            throw new NotSupportedException($"{Name} has no native OCO (capabilities {Capabilities}); the OMS emulates it");
        }

        var book = Book(request.First.Symbol);
        CheckCapabilities(request.First);
        CheckCapabilities(request.Second);
        if (IsDuplicate(request.First.ClientOrderId, book.Symbol) | IsDuplicate(request.Second.ClientOrderId, book.Symbol))
        {
            return;
        }

        var first = NewOrder(request.First, OrderRole.OcoLeg);
        var second = NewOrder(request.Second, OrderRole.OcoLeg);
        first.OcoSibling = second;
        second.OcoSibling = first;
        var rejection = Validate(book, first) ?? Validate(book, second, reserve: false);
        if (rejection is { } r)
        {
            Reject(first, r.Code, $"OCO {request.ListId}: {r.Reason}");
            Reject(second, r.Code, $"OCO {request.ListId}: {r.Reason}");
            return;
        }

        Accept(book, first);
        Accept(book, second);
    }

    public void SubmitBracket(BracketRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Capabilities.NativeBrackets)
        {
            throw new NotSupportedException($"{Name} has no native brackets (capabilities {Capabilities}); the OMS emulates them");
        }

        var book = Book(request.Entry.Symbol);
        CheckCapabilities(request.Entry);
        CheckCapabilities(request.StopLoss);
        var duplicate = IsDuplicate(request.Entry.ClientOrderId, book.Symbol) | IsDuplicate(request.StopLoss.ClientOrderId, book.Symbol);
        var entryIsStop = string.Equals(request.Entry.ClientOrderId, request.StopLoss.ClientOrderId, StringComparison.Ordinal);
        var requested = request.TakeProfits;
        for (var i = 0; i < requested.Length; i++)
        {
            CheckCapabilities(requested[i]);
            duplicate |= IsDuplicate(requested[i].ClientOrderId, book.Symbol) || SharesId(request, i);
        }

        if (duplicate || entryIsStop)
        {
            if (entryIsStop && !duplicate)
            {
                EmitReject(request.Entry, OrderRejectCode.DuplicateClientOrderId, $"bracket {request.ListId}: entry and stop share client order id {request.Entry.ClientOrderId}");
            }

            return;
        }

        var entry = NewOrder(request.Entry, OrderRole.BracketEntry);
        var stop = NewOrder(request.StopLoss, OrderRole.BracketStop);
        var takeProfits = new WorkingOrder[requested.Length];
        for (var i = 0; i < takeProfits.Length; i++)
        {
            takeProfits[i] = NewOrder(requested[i], OrderRole.BracketTakeProfit);
        }

        var group = new BracketGroup(request.ListId, entry, stop, takeProfits);
        entry.Bracket = group;
        stop.Bracket = group;
        stop.Armed = false;
        stop.Target = 0m;
        foreach (var takeProfit in takeProfits)
        {
            takeProfit.Bracket = group;
            takeProfit.Armed = false;
            takeProfit.Target = 0m;
        }

        var rejection = Validate(book, entry) ?? ValidateExitShape(book, stop);
        foreach (var takeProfit in takeProfits)
        {
            rejection ??= ValidateExitShape(book, takeProfit);
        }

        if (rejection is { } r)
        {
            var reason = $"bracket {request.ListId}: {r.Reason}";
            Reject(entry, r.Code, reason);
            Reject(stop, r.Code, reason);
            foreach (var takeProfit in takeProfits)
            {
                Reject(takeProfit, r.Code, reason);
            }

            return;
        }

        Accept(book, entry);
        AddToBook(book, stop);
        foreach (var takeProfit in takeProfits)
        {
            AddToBook(book, takeProfit);
        }
    }

    public void Cancel(Symbol symbol, string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        var book = Book(symbol);
        if (!TryGetOpen(symbol, clientOrderId, out var order))
        {
            return;
        }

        CancelOrder(book, order, "canceled on request");
        if (order.OcoSibling is { Terminal: false } sibling)
        {
            CancelOrder(book, sibling, $"OCO sibling {order.Request.ClientOrderId} canceled");
        }

    }

    public void Amend(AmendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Capabilities.NativeAmend)
        {
            throw new NotSupportedException($"{Name} has no native amend (capabilities {Capabilities}); the OMS cancels and replaces");
        }

        var book = Book(request.Symbol);
        if (!TryGetOpen(request.Symbol, request.ClientOrderId, out var order))
        {
            return;
        }

        var current = order.Request;
        if (request.Quantity is not null && request.Quantity != current.Quantity && order.Bracket is not null)
        {
            EmitCancelRejected(request.Symbol, request.ClientOrderId, order, "the quantities of a bracket are fixed (exits follow the entry's fills); amend prices only, or cancel and resubmit");
            return;
        }

        if ((request.Price is not null && !current.Type.HasLimitPrice()) || (request.StopPrice is not null && !current.Type.HasTriggerPrice()))
        {
            EmitCancelRejected(request.Symbol, request.ClientOrderId, order, $"a {current.Type} order has no {(request.Price is not null ? "limit" : "stop")} price to amend");
            return;
        }

        var quantity = request.Quantity ?? current.Quantity;
        if (quantity <= order.Filled)
        {
            EmitCancelRejected(request.Symbol, request.ClientOrderId, order, $"new quantity {quantity} is not above the filled quantity {order.Filled}");
            return;
        }

        var amended = new OrderRequest(
            current.ClientOrderId, current.Symbol, current.Side, current.Type, quantity,
            request.Price ?? current.Price, request.StopPrice ?? current.StopPrice, current.TimeInForce, current.ReduceOnly);
        var probe = new WorkingOrder(amended, order.VenueOrderId, order.Sequence, order.EligibleFromMs, order.Role) { Filled = order.Filled, Triggered = order.Triggered };
        var rejection = order.IsExit && order.Role != OrderRole.Single ? ValidateExitShape(book, probe) : CheckMarket(book, probe);
        if (rejection is null && order.Role is OrderRole.Single or OrderRole.OcoLeg or OrderRole.BracketEntry)
        {
            ReleaseReservation(order);
            rejection = Reserve(book, probe);
            if (rejection is not null)
            {
                Reserve(book, order);
            }
        }

        if (rejection is { } r)
        {
            EmitCancelRejected(request.Symbol, request.ClientOrderId, order, r.Reason, r.Code);
            return;
        }

        order.Request = amended;
        if (order.Role is not (OrderRole.BracketStop or OrderRole.BracketTakeProfit))
        {
            order.Target = quantity;
        }

        order.Reserved = probe.Reserved;
        order.ReservedAsset = probe.ReservedAsset;
        order.Taker = order.Taker || probe.Taker;
        order.EligibleFromMs = Math.Max(order.EligibleFromMs, Now); // an amendment made while handling a bar applies from the next bar
        Emit(new ExecutionReport(ExecutionReportKind.Amended, amended.ClientOrderId, amended.Symbol, Now, Now, VenueOrderId: order.VenueOrderId, Amended: amended));
    }

    private long Now => _clock.GetUtcNowMilliseconds();

    private IVenueListener Listener => _listener ?? throw new InvalidOperationException($"{Name}: not connected; call Connect before anything else");

    private SymbolBook Book(Symbol symbol)
    {
        return _books.Find(symbol) ?? throw new ArgumentException(
            $"{Name} does not list {symbol} (listed: {string.Join(", ", _bookList.Select(b => b.Symbol.ToString()))})", nameof(symbol));
    }

    private void CheckCapabilities(OrderRequest request)
    {
        if (request.IsPostOnly && !Capabilities.PostOnly)
        {
            throw new NotSupportedException($"{Name} has no post-only orders (order {request.ClientOrderId})");
        }

        if (request.ReduceOnly && !Capabilities.ReduceOnly)
        {
            throw new NotSupportedException($"{Name} has no reduce-only orders (order {request.ClientOrderId})");
        }

        if (request.Type.HasTriggerPrice() && !Capabilities.StopOrders)
        {
            throw new NotSupportedException($"{Name} has no stop orders (order {request.ClientOrderId} is {request.Type})");
        }
    }

    /// <summary>
    /// The open order <paramref name="clientOrderId"/> of <paramref name="symbol"/>; otherwise reports
    /// <see cref="ExecutionReportKind.CancelRejected"/> with <see cref="OrderRejectCode.UnknownOrder"/> and Binance's text:
    /// the exchange keeps only open orders, so a filled, canceled, rejected or expired one is unknown, as on the venues.
    /// </summary>
    private bool TryGetOpen(Symbol symbol, string clientOrderId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WorkingOrder? order)
    {
        if (_orders.TryGetValue(clientOrderId, out order) && order.Request.Symbol == symbol)
        {
            return true;
        }

        EmitCancelRejected(symbol, clientOrderId, null, "Unknown order sent.", OrderRejectCode.UnknownOrder);
        order = null;
        return false;
    }

    /// <summary>
    /// Ends <paramref name="order"/> for good: it can no longer change, so the exchange forgets its client order id
    /// (the id may be used again, as on Binance: unique among open orders). Its book entry goes with the next Match bar.
    /// </summary>
    private void Retire(WorkingOrder order)
    {
        order.Terminal = true;
        var id = order.Request.ClientOrderId;
        if (_orders.TryGetValue(id, out var known) && ReferenceEquals(known, order))
        {
            _orders.Remove(id);
        }
    }

    /// <summary>True when take-profit <paramref name="index"/> of <paramref name="request"/> has the id of the entry, the stop or an earlier take-profit.</summary>
    private static bool SharesId(BracketRequest request, int index)
    {
        var id = request.TakeProfits[index].ClientOrderId;
        if (string.Equals(id, request.Entry.ClientOrderId, StringComparison.Ordinal) || string.Equals(id, request.StopLoss.ClientOrderId, StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 0; i < index; i++)
        {
            if (string.Equals(id, request.TakeProfits[i].ClientOrderId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True (and a <see cref="OrderRejectCode.DuplicateClientOrderId"/> rejection) when an open order already has <paramref name="clientOrderId"/>.</summary>
    private bool IsDuplicate(string clientOrderId, Symbol symbol)
    {
        if (!_orders.ContainsKey(clientOrderId))
        {
            return false;
        }

        Emit(new ExecutionReport(
            ExecutionReportKind.Rejected, clientOrderId, symbol, Now, Now,
            RejectCode: OrderRejectCode.DuplicateClientOrderId, Reason: $"Duplicate client order id {clientOrderId}."));
        return true;
    }

    private WorkingOrder NewOrder(OrderRequest request, OrderRole role)
    {
        var id = _nextOrderId++;
        var order = new WorkingOrder(request, "SIM-" + id.ToString(CultureInfo.InvariantCulture), id, Now, role);
        _orders.Add(request.ClientOrderId, order);
        return order;
    }

    private void Accept(SymbolBook book, WorkingOrder order)
    {
        AddToBook(book, order);
        Emit(new ExecutionReport(ExecutionReportKind.Accepted, order.Request.ClientOrderId, book.Symbol, Now, Now, VenueOrderId: order.VenueOrderId));
    }

    private static void AddToBook(SymbolBook book, WorkingOrder order)
    {
        book.Orders.Add(order);
        book.WorkingCount++;
    }

    private void Reject(WorkingOrder order, OrderRejectCode code, string reason)
    {
        Retire(order);
        ReleaseReservation(order);
        Emit(new ExecutionReport(
            ExecutionReportKind.Rejected, order.Request.ClientOrderId, order.Request.Symbol, Now, Now,
            VenueOrderId: order.VenueOrderId, RejectCode: code, Reason: reason));
    }

    private void EmitReject(OrderRequest request, OrderRejectCode code, string reason) =>
        Emit(new ExecutionReport(ExecutionReportKind.Rejected, request.ClientOrderId, request.Symbol, Now, Now, RejectCode: code, Reason: reason));

    private void EmitCancelRejected(Symbol symbol, string clientOrderId, WorkingOrder? order, string reason, OrderRejectCode code = OrderRejectCode.Other) =>
        Emit(new ExecutionReport(
            ExecutionReportKind.CancelRejected, clientOrderId, symbol, Now, Now, VenueOrderId: order?.VenueOrderId, RejectCode: code, Reason: reason));

    /// <summary>Ends <paramref name="order"/> as canceled (no-op when already terminal).</summary>
    private void CancelOrder(SymbolBook book, WorkingOrder order, string reason) =>
        EndOrder(book, order, ExecutionReportKind.Canceled, OrderRejectCode.None, reason);

    private void EndOrder(SymbolBook book, WorkingOrder order, ExecutionReportKind kind, OrderRejectCode code, string reason)
    {
        if (order.Terminal)
        {
            return;
        }

        Finish(book, order);
        Emit(new ExecutionReport(
            kind, order.Request.ClientOrderId, book.Symbol, Now, Now, VenueOrderId: order.VenueOrderId,
            RejectCode: code, Reason: reason));
        if (order.Role == OrderRole.BracketEntry && order.Bracket is { } group)
        {
            RebalanceBracket(book, group);
        }
    }

    /// <summary>A working order's end: retired, no longer counted as working, its reservation released.</summary>
    private void Finish(SymbolBook book, WorkingOrder order)
    {
        Retire(order);
        book.WorkingCount--;
        ReleaseReservation(order);
    }

    private void Emit(ExecutionReport report) => Listener.OnExecutionReport(report);
}
