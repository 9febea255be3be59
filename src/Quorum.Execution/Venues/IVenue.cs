using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Execution.Venues;

/// <summary>
/// The seam between the engine and a market: closed bars and funding in, order commands out,
/// execution reports back. Backtest and paper use <c>SimulatedExchange</c>; live trading uses the
/// Binance and Bybit adapters. Only the OMS calls the order methods (every order has passed the
/// risk layer by then). Commands never throw for a venue refusal: the refusal comes back as an
/// <see cref="ExecutionReport"/> of kind <see cref="ExecutionReportKind.Rejected"/>. They throw only
/// for programming errors (unknown symbol, a capability the venue lacks); a duplicate client order id is a venue
/// refusal (<see cref="OrderRejectCode.DuplicateClientOrderId"/>), as on Binance and Bybit.
/// </summary>
/// <remarks>
/// Reports are delivered to the connected <see cref="IVenueListener"/> on the engine's loop thread:
/// synchronously by the simulated exchange, through the engine's channel by live adapters.
/// </remarks>
public interface IVenue
{
    /// <summary>Name for logs and reports, e.g. <c>simulated</c>, <c>binance-usdm</c>.</summary>
    string Name { get; }

    /// <summary>What the venue does natively; the OMS emulates what is missing.</summary>
    VenueCapabilities Capabilities { get; }

    /// <summary>The instrument (exchange filters) for <paramref name="symbol"/>; throws when the venue does not list it.</summary>
    Instrument GetInstrument(Symbol symbol);

    /// <summary>Registers the one receiver of bars, funding and execution reports. Called once, before anything else.</summary>
    void Connect(IVenueListener listener);

    /// <summary>Asks for closed bars of <paramref name="symbol"/> × <paramref name="timeframe"/> to be delivered to the listener.</summary>
    void Subscribe(Symbol symbol, Timeframe timeframe);

    /// <summary>Sends one order. Acceptance, fills, rejection or expiry come back as reports.</summary>
    void Submit(OrderRequest request);

    /// <summary>Sends two orders that cancel each other when one fills (partially or fully). Requires <see cref="VenueCapabilities.NativeOco"/>.</summary>
    void SubmitOco(OcoRequest request);

    /// <summary>Sends an entry with its protective stop and take-profits, armed when the entry fills. Requires <see cref="VenueCapabilities.NativeBrackets"/>.</summary>
    void SubmitBracket(BracketRequest request);

    /// <summary>Cancels a working order. A cancel of an order that is already terminal or unknown is reported as <see cref="ExecutionReportKind.CancelRejected"/>.</summary>
    void Cancel(Symbol symbol, string clientOrderId);

    /// <summary>Changes a working order in place. Requires <see cref="VenueCapabilities.NativeAmend"/>; otherwise the OMS cancels and replaces.</summary>
    void Amend(AmendRequest request);
}
