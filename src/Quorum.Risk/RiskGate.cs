using Quorum.Core.Messaging;
using Quorum.Core.Trading;
using Quorum.Risk.Governance;
using Quorum.Risk.Portfolio;
using Quorum.Risk.Sizing;

namespace Quorum.Risk;

/// <summary>
/// The one path from an entry intent to a plan (DESIGN.md principle 3): the <see cref="Governor"/> (locks, kill switch,
/// health), then <see cref="RiskEngine.Plan"/> (sizing, exits, pyramiding, exchange filters), then
/// <see cref="PortfolioAdmission.Admit"/> (portfolio risk, leverage, net exposure, concurrent R, correlation). Every
/// decision is returned as a value and, when a bus is given, published as a <see cref="RiskDecisionMade"/>.
/// </summary>
public sealed class RiskGate
{
    private readonly IEventBus? _bus;

    public RiskGate(RiskEngine engine, Governor governor, PortfolioAdmission admission, IEventBus? bus = null)
    {
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Governor = governor ?? throw new ArgumentNullException(nameof(governor));
        Admission = admission ?? throw new ArgumentNullException(nameof(admission));
        if (!ReferenceEquals(engine.Governance, governor.Governance))
        {
            throw new ArgumentException("the risk engine and the governor must share one governance config", nameof(governor));
        }

        _bus = bus;
    }

    public RiskEngine Engine { get; }

    public Governor Governor { get; }

    public PortfolioAdmission Admission { get; }

    /// <summary>Decisions made so far: approved unchanged.</summary>
    public int Approved { get; private set; }

    /// <summary>Decisions made so far: approved with a smaller quantity.</summary>
    public int Resized { get; private set; }

    /// <summary>Decisions made so far: denied.</summary>
    public int Denied { get; private set; }

    /// <summary>
    /// Decides on an entry (or add) signal. The open position of the symbol comes from <see cref="PortfolioAdmission.Positions"/>
    /// unless the context names one.
    /// </summary>
    public RiskDecision Evaluate(Signal signal, decimal equity, in RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(signal);
        RiskDecision decision;
        var block = Governor.CheckEntry(context.TimeMs);
        if (block != RiskRule.None)
        {
            decision = RiskDecision.Deny(block, $"{signal.Symbol}: {Governor.Describe(block)}");
        }
        else
        {
            var position = context.Position ?? Admission.Positions.Find(signal.Symbol);
            var planned = Engine.Plan(signal, equity, context with { Position = position });
            decision = planned.Plan is { } plan ? Combine(planned, Admission.Admit(plan, equity, context.Instrument)) : planned;
        }

        switch (decision.Verdict)
        {
            case RiskVerdict.Approved:
                Approved++;
                break;
            case RiskVerdict.Resized:
                Resized++;
                break;
            default:
                Denied++;
                break;
        }

        _bus?.Publish(new RiskDecisionMade(
            signal.Symbol, signal.Side, signal.Strategy, decision.Verdict, decision.Rule, decision.Reason ?? string.Empty, decision.Plan, context.TimeMs, context.TimeMs));
        return decision;
    }

    /// <summary>An equity point: the governor's daily lock and kill switch, the engine's UTC day.</summary>
    public void OnEquity(long timeMs, decimal equity)
    {
        Governor.OnEquity(timeMs, equity);
        Engine.OnEquity(timeMs, equity);
    }

    /// <summary>A closed trade's result: green bonus and win/loss streaks.</summary>
    public void OnTradeClosed(long timeMs, decimal realizedPnl, decimal equityAfter) => Engine.OnTradeClosed(timeMs, realizedPnl, equityAfter);

    private static RiskDecision Combine(RiskDecision planned, RiskDecision admitted) =>
        admitted.Verdict switch
        {
            RiskVerdict.Approved => planned,
            RiskVerdict.Resized when planned.Verdict == RiskVerdict.Resized =>
                RiskDecision.Resize(admitted.Plan!, admitted.Rule, $"{planned.Reason}; {admitted.Reason}"),
            _ => admitted,
        };
}
