using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Engine;

/// <summary>
/// One message for the <see cref="EventLoop"/>: a closed bar, an execution report, a funding payment or a timer tick —
/// or, from a <see cref="ReplayFeeder"/>, a replayed bar, a replayed funding rate or the replay's end. A struct so that
/// posting a bar allocates nothing; create it with the factory methods.
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

    private EngineEvent(EngineEventKind kind, Symbol symbol, Timeframe timeframe, in Bar bar, object? payload, BarRole role, long timeMs, bool endsInstant)
        : this(kind, symbol, timeframe, bar, payload)
    {
        Role = role;
        TimeMs = timeMs;
        EndsInstant = endsInstant;
    }

    public EngineEventKind Kind { get; }

    /// <summary>The bar's or report's or payment's symbol (default for a timer tick).</summary>
    public Symbol Symbol { get; }

    /// <summary>The bar's timeframe (<see cref="EngineEventKind.Bar"/> only).</summary>
    public Timeframe Timeframe { get; }

    /// <summary>The closed bar (<see cref="EngineEventKind.Bar"/> only).</summary>
    public Bar Bar { get; }

    /// <summary>The replayed bar's role (<see cref="EngineEventKind.ReplayBar"/> only).</summary>
    public BarRole Role { get; }

    /// <summary>Engine time of a replay event (UTC ms): a bar's close, a funding time, the replay's end; 0 for other kinds.</summary>
    public long TimeMs { get; }

    /// <summary>A replay event that is the last one at its event time: the timers due then fire after it.</summary>
    public bool EndsInstant { get; }

    /// <summary>The report (<see cref="EngineEventKind.ExecutionReport"/> only).</summary>
    public ExecutionReport? ExecutionReport => Payload as ExecutionReport;

    /// <summary>The payment (<see cref="EngineEventKind.Funding"/> only).</summary>
    public FundingPayment? Funding => Payload as FundingPayment;

    /// <summary>The funding rate to settle (<see cref="EngineEventKind.ReplayFunding"/> only).</summary>
    public FundingRate? FundingRate => Payload as FundingRate;

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

    /// <summary>A replayed closed bar for the replay target, at its close time (posted by <see cref="ReplayFeeder"/>).</summary>
    internal static EngineEvent ForReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role, bool endsInstant) =>
        new(EngineEventKind.ReplayBar, symbol, timeframe, bar, null, role, timeframe.CloseTime(bar.OpenTimeMs), endsInstant);

    /// <summary>A replayed funding rate for the replay target, at its funding time (posted by <see cref="ReplayFeeder"/>).</summary>
    internal static EngineEvent ForReplayFunding(FundingRate rate, bool endsInstant) =>
        new(EngineEventKind.ReplayFunding, rate.Symbol, default, default, rate, BarRole.None, rate.FundingTimeMs, endsInstant);

    /// <summary>The end of a replay: timers due up to <paramref name="endTimeMs"/> fire and the replay's result is taken (posted by <see cref="ReplayFeeder"/>).</summary>
    internal static EngineEvent ForReplayEnd(long endTimeMs) =>
        new(EngineEventKind.ReplayEnd, default, default, default, null, BarRole.None, endTimeMs, endsInstant: false);

    /// <summary>This replay event marked as the last one at its event time.</summary>
    internal EngineEvent EndingInstant() => new(Kind, Symbol, Timeframe, Bar, Payload, Role, TimeMs, endsInstant: true);

    public override string ToString() => Kind switch
    {
        EngineEventKind.Bar => $"bar {Symbol} {Timeframe} {Bar}",
        EngineEventKind.ExecutionReport => $"report {ExecutionReport}",
        EngineEventKind.Funding => $"funding {Funding}",
        EngineEventKind.TimerTick => "timer tick",
        EngineEventKind.ReplayBar => $"replayed bar {Symbol} {Timeframe} {Bar} {Role}",
        EngineEventKind.ReplayFunding => $"replayed funding {FundingRate}",
        EngineEventKind.ReplayEnd => $"replay end at {TimeMs} ({EngineTime.Format(TimeMs)})",
        _ => "no event",
    };
}
