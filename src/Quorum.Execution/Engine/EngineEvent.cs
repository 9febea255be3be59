using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Engine;

/// <summary>
/// One message for the <see cref="EventLoop"/>: a closed bar, an execution report, a funding payment or a timer tick.
/// A struct so that posting a bar allocates nothing; create it with the factory methods.
/// </summary>
public readonly struct EngineEvent
{
    private EngineEvent(EngineEventKind kind, Symbol symbol, Timeframe timeframe, in Bar bar, object? payload)
    {
        Kind = kind;
        Symbol = symbol;
        Timeframe = timeframe;
        Bar = bar;
        Payload = payload;
    }

    public EngineEventKind Kind { get; }

    /// <summary>The bar's or report's or payment's symbol (default for a timer tick).</summary>
    public Symbol Symbol { get; }

    /// <summary>The bar's timeframe (<see cref="EngineEventKind.Bar"/> only).</summary>
    public Timeframe Timeframe { get; }

    /// <summary>The closed bar (<see cref="EngineEventKind.Bar"/> only).</summary>
    public Bar Bar { get; }

    /// <summary>The report (<see cref="EngineEventKind.ExecutionReport"/> only).</summary>
    public ExecutionReport? ExecutionReport => Payload as ExecutionReport;

    /// <summary>The payment (<see cref="EngineEventKind.Funding"/> only).</summary>
    public FundingPayment? Funding => Payload as FundingPayment;

    private object? Payload { get; }

    /// <summary>A closed bar of <paramref name="symbol"/> × <paramref name="timeframe"/>.</summary>
    public static EngineEvent ForBar(Symbol symbol, Timeframe timeframe, in Bar bar)
    {
        if (symbol.Venue.Code is null || timeframe.Name is null)
        {
            throw new ArgumentException($"a bar event needs a symbol and a timeframe (got '{symbol}' and '{timeframe}')", nameof(symbol));
        }

        return new(EngineEventKind.Bar, symbol, timeframe, bar, null);
    }

    /// <summary>An execution report.</summary>
    public static EngineEvent ForExecutionReport(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(EngineEventKind.ExecutionReport, report.Symbol, default, default, report);
    }

    /// <summary>A settled funding payment.</summary>
    public static EngineEvent ForFunding(FundingPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new(EngineEventKind.Funding, payment.Symbol, default, default, payment);
    }

    /// <summary>A wake-up: the loop fires the scheduler's timers that are due.</summary>
    public static EngineEvent TimerTick => new(EngineEventKind.TimerTick, default, default, default, null);

    public override string ToString() => Kind switch
    {
        EngineEventKind.Bar => $"bar {Symbol} {Timeframe} {Bar}",
        EngineEventKind.ExecutionReport => $"report {ExecutionReport}",
        EngineEventKind.Funding => $"funding {Funding}",
        EngineEventKind.TimerTick => "timer tick",
        _ => "no event",
    };
}
