using System.Globalization;
using Quorum.Configuration;
using Quorum.Core.Messaging;
using static System.FormattableString;

namespace Quorum.Risk.Governance;

/// <summary>
/// Seed 001 <c>governor.py</c>, values from governance.yaml (loaded once, validated and hashed by
/// <see cref="ConfigLoader"/>; <see cref="GovernanceSha256"/> is exposed for metrics and the dashboard):
/// <list type="bullet">
/// <item>daily loss lock: a loss of <c>max_daily_loss_pct</c> of the UTC day's starting equity locks new exposure until the next UTC day;</item>
/// <item>kill switch: a drawdown of <c>kill_switch_drawdown_72h</c> from the highest equity of the last 72 h halts trading until
/// an explicit, audited <see cref="Unlock"/>; the halt is persisted in an <see cref="IGovernorStateStore"/> and survives restarts;</item>
/// <item>health gates: clock drift above <c>ntp_skew_ms</c>, a candle integrity failure, or the loss of a <c>require_streams</c>
/// stream pause new exposure until healthy again.</item>
/// </list>
/// States: <see cref="TradingState.Active"/>, <see cref="TradingState.Reducing"/> (daily lock or health pause: only
/// exposure-reducing orders until the next UTC day / until healthy), <see cref="TradingState.Halted"/> (kill switch: only
/// exposure-reducing orders until the manual unlock). <see cref="CheckEntry"/> gates what adds exposure; exits are never
/// blocked, so a halt cannot trap a position. Metric values:
/// <see cref="DailyLockState"/> (<c>daily_lock_state</c>) and <see cref="DrawdownState"/> (<c>dd_state</c>). Time comes only from
/// the timestamps of the events it is given.
/// </summary>
public sealed class Governor
{
    /// <summary>The kill switch's rolling window: 72 hours.</summary>
    public const long KillSwitchWindowMs = 72L * 3_600_000L;

    private readonly IGovernorStateStore _store;
    private readonly IEventBus? _bus;
    private readonly RollingMaximumWindow _peak = new(KillSwitchWindowMs);
    private readonly string[] _requiredStreams;
    private readonly bool[] _streamDown;
    private readonly List<GovernorEvent> _events = [];
    private TimeGuard _time;
    private long _dayStartMs = long.MinValue;
    private decimal _dayStartEquity;
    private long _clockDriftMs;
    private bool _clockDriftBad;
    private string? _candleFailure;
    private bool _healthPaused;
    private GovernorState _state;

    public Governor(GovernanceConfig governance, string governanceSha256, IGovernorStateStore store, IEventBus? bus = null)
    {
        Governance = governance ?? throw new ArgumentNullException(nameof(governance));
        ArgumentException.ThrowIfNullOrWhiteSpace(governanceSha256);
        GovernanceSha256 = governanceSha256;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _bus = bus;
        _requiredStreams = [.. governance.RequireStreams];
        _streamDown = new bool[_requiredStreams.Length];
        _state = store.Load() ?? GovernorState.Clear(governanceSha256);
    }

    /// <summary>The locked limits.</summary>
    public GovernanceConfig Governance { get; }

    /// <summary>SHA-256 of governance.yaml (lowercase hex), for metrics and the dashboard.</summary>
    public string GovernanceSha256 { get; }

    /// <summary>The state as persisted (kill switch and daily lock).</summary>
    public GovernorState PersistedState => _state;

    /// <summary>True while the kill switch halts trading.</summary>
    public bool KillSwitchEngaged => _state.KillSwitchEngaged;

    /// <summary>End of the daily lock (the next UTC midnight); null when not locked.</summary>
    public long? DailyLockUntilMs => _state.DailyLockUntilMs;

    /// <summary>True while the daily loss lock holds.</summary>
    public bool DailyLocked => DailyLockUntilMs is not null;

    /// <summary>True while a health gate pauses trading.</summary>
    public bool HealthPaused => _healthPaused;

    /// <summary>The trading state.</summary>
    public TradingState State =>
        KillSwitchEngaged ? TradingState.Halted : DailyLocked || _healthPaused ? TradingState.Reducing : TradingState.Active;

    /// <summary>Metric <c>daily_lock_state</c>: 1 while the daily lock holds, else 0.</summary>
    public int DailyLockState => DailyLocked ? 1 : 0;

    /// <summary>Metric <c>dd_state</c>: 1 while the kill switch (72 h drawdown) halts trading, else 0.</summary>
    public int DrawdownState => KillSwitchEngaged ? 1 : 0;

    /// <summary>The day's PnL in % of the UTC day's first equity (negative = loss).</summary>
    public decimal DailyPnlPercent { get; private set; }

    /// <summary>Drawdown in % from the highest equity of the last 72 h (since the last unlock).</summary>
    public decimal Drawdown72hPercent { get; private set; }

    /// <summary>Every lock, kill-switch and health change so far, oldest first.</summary>
    public IReadOnlyList<GovernorEvent> Events => _events;

    /// <summary>An equity point (every bar in a backtest, every mark in live): checks the daily lock and the kill switch.</summary>
    public void OnEquity(long timeMs, decimal equity)
    {
        _time.Advance(timeMs, "governor");
        ExpireDailyLock(timeMs);
        var day = UtcDay.Start(timeMs);
        if (day != _dayStartMs)
        {
            _dayStartMs = day;
            _dayStartEquity = equity;
        }

        DailyPnlPercent = _dayStartEquity > 0m ? (equity - _dayStartEquity) * 100m / _dayStartEquity : 0m;
        if (!DailyLocked && -DailyPnlPercent >= Governance.MaxDailyLossPercent)
        {
            var until = UtcDay.Next(timeMs);
            var reason = Invariant(
                $"daily loss {-DailyPnlPercent:0.###}% (equity {equity:0.##} from {_dayStartEquity:0.##} at 00:00 UTC) reached max_daily_loss_pct {Governance.MaxDailyLossPercent}%; new exposure locked until {Iso(until)}");
            Save(_state with { DailyLockUntilMs = until, DailyLockReason = reason });
            Raise(GovernorEventKind.DailyLockEngaged, timeMs, reason);
        }

        _peak.Add(timeMs, equity);
        var peak = _peak.Maximum;
        Drawdown72hPercent = peak > 0m ? (peak - equity) * 100m / peak : 0m;
        if (!KillSwitchEngaged && Drawdown72hPercent >= Governance.KillSwitchDrawdown72hPercent)
        {
            var reason = Invariant(
                $"drawdown {Drawdown72hPercent:0.###}% over 72 h (equity {equity:0.##} from peak {peak:0.##}) reached kill_switch_drawdown_72h {Governance.KillSwitchDrawdown72hPercent}%; halted until a manual unlock");
            Save(_state with { KillSwitchEngaged = true, KillSwitchEngagedAtMs = timeMs, KillSwitchReason = reason });
            Raise(GovernorEventKind.KillSwitchEngaged, timeMs, reason);
        }
    }

    /// <summary>Clock drift against the exchange's time; above <c>ntp_skew_ms</c> (either way) pauses trading.</summary>
    public void ReportClockDrift(long timeMs, long driftMs)
    {
        _clockDriftMs = driftMs;
        _clockDriftBad = Math.Abs(driftMs) > Governance.NtpSkewMilliseconds;
        UpdateHealth(timeMs);
    }

    /// <summary>Candle integrity (no gaps, no duplicates, timeframe sanity); a failure pauses trading until an intact report.</summary>
    public void ReportCandleIntegrity(long timeMs, bool intact, string? detail = null)
    {
        _candleFailure = intact ? null : string.IsNullOrWhiteSpace(detail) ? "candle integrity check failed" : detail;
        UpdateHealth(timeMs);
    }

    /// <summary>Health of a data stream; losing one named in <c>require_streams</c> pauses trading. Other streams are not gated.</summary>
    public void ReportStream(long timeMs, string stream, bool healthy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        if (!FeedStreams.All.Contains(stream))
        {
            throw new ArgumentOutOfRangeException(nameof(stream), stream, $"unknown stream '{stream}' (known: {string.Join(", ", FeedStreams.All)})");
        }

        var index = Array.IndexOf(_requiredStreams, stream);
        if (index >= 0)
        {
            _streamDown[index] = !healthy;
            UpdateHealth(timeMs);
        }
    }

    /// <summary>
    /// Whether an order that adds exposure may go at <paramref name="timeMs"/>: <see cref="RiskRule.None"/>, or the rule that
    /// blocks it (<see cref="RiskRule.KillSwitch"/>, <see cref="RiskRule.DailyLock"/>, <see cref="RiskRule.HealthPause"/>).
    /// Allocation-free; <see cref="Describe"/> gives the reason of a block.
    /// </summary>
    public RiskRule CheckEntry(long timeMs)
    {
        ExpireDailyLock(timeMs);
        return KillSwitchEngaged ? RiskRule.KillSwitch
            : DailyLocked ? RiskRule.DailyLock
            : _healthPaused ? RiskRule.HealthPause
            : RiskRule.None;
    }

    /// <summary>The reason text of a governor block.</summary>
    public string Describe(RiskRule rule) => rule switch
    {
        RiskRule.KillSwitch => $"kill switch engaged ({_state.KillSwitchReason})",
        RiskRule.DailyLock => Invariant($"daily loss lock until {Iso(DailyLockUntilMs ?? 0)} (max_daily_loss_pct {Governance.MaxDailyLossPercent}%); only exposure-reducing orders"),
        RiskRule.HealthPause => $"health pause ({HealthDescription()}); only exposure-reducing orders",
        RiskRule.None => string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "not a governor rule"),
    };

    /// <summary>
    /// Lifts the kill switch: the explicit, audited manual unlock. Appends <paramref name="operatorName"/>,
    /// <paramref name="reason"/> and the lifted halt to the audit log, saves the cleared state and restarts the 72 h
    /// window from the next equity point. Returns false (and writes nothing) when the kill switch is not engaged.
    /// </summary>
    public bool Unlock(string operatorName, string reason, long timeMs)
    {
        if (string.IsNullOrWhiteSpace(operatorName))
        {
            throw new ArgumentException("a kill-switch unlock needs the operator's name (--operator)", nameof(operatorName));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("a kill-switch unlock needs a reason (--reason); it is written to the audit log", nameof(reason));
        }

        if (!KillSwitchEngaged)
        {
            return false;
        }

        _time.Advance(timeMs, "governor");
        var lifted = _state;
        _store.AppendAudit(new KillSwitchUnlock(timeMs, operatorName.Trim(), reason.Trim(), lifted.KillSwitchEngagedAtMs, lifted.KillSwitchReason, GovernanceSha256));
        Save(_state with { KillSwitchEngaged = false, KillSwitchEngagedAtMs = null, KillSwitchReason = $"unlocked by {operatorName.Trim()}: {reason.Trim()}" });
        _peak.Reset();
        Drawdown72hPercent = 0m;
        Raise(GovernorEventKind.KillSwitchUnlocked, timeMs, $"kill switch unlocked by {operatorName.Trim()}: {reason.Trim()}");
        return true;
    }

    private void ExpireDailyLock(long timeMs)
    {
        if (DailyLockUntilMs is { } until && timeMs >= until)
        {
            Save(_state with { DailyLockUntilMs = null, DailyLockReason = string.Empty });
            Raise(GovernorEventKind.DailyLockReleased, timeMs, $"new UTC day {Iso(until)}: daily loss lock lifted");
        }
    }

    private void Save(GovernorState state)
    {
        _state = state with { GovernanceSha256 = GovernanceSha256 };
        _store.Save(_state);
    }

    private void UpdateHealth(long timeMs)
    {
        var paused = _clockDriftBad || _candleFailure is not null || Array.IndexOf(_streamDown, true) >= 0;
        if (paused == _healthPaused)
        {
            return;
        }

        _healthPaused = paused;
        Raise(paused ? GovernorEventKind.HealthPaused : GovernorEventKind.HealthResumed, timeMs, paused ? $"paused: {HealthDescription()}" : "every health gate is healthy again");
    }

    private string HealthDescription()
    {
        var parts = new List<string>(3);
        if (_clockDriftBad)
        {
            parts.Add(Invariant($"clock drift {_clockDriftMs} ms > ntp_skew_ms {Governance.NtpSkewMilliseconds}"));
        }

        if (_candleFailure is { } failure)
        {
            parts.Add($"candle integrity: {failure}");
        }

        for (var i = 0; i < _requiredStreams.Length; i++)
        {
            if (_streamDown[i])
            {
                parts.Add($"required stream '{_requiredStreams[i]}' lost (require_streams)");
            }
        }

        return parts.Count == 0 ? "healthy" : string.Join("; ", parts);
    }

    private void Raise(GovernorEventKind kind, long timeMs, string reason)
    {
        var change = new GovernorEvent(kind, State, reason, timeMs, timeMs);
        _events.Add(change);
        _bus?.Publish(change);
    }

    private static string Iso(long timeMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timeMs).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
