using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;

namespace Quorum.Strategies.Workers;

/// <summary>
/// The isolation policy of seed 000's module workers, shared by the threaded <see cref="ModuleWorker"/> (paper/live)
/// and the synchronous <c>cluster</c> strategy (backtest): a module that throws is marked
/// <see cref="ModuleHealthState.Error"/>, the fault is reported with its context, the bar's signals are dropped, and the
/// module is skipped until its restart time (<see cref="ModuleRestartPolicy"/>, exponential backoff in the caller's
/// time); the restart resets it (it warms up again). The module's exception never leaves this class.
/// </summary>
/// <remarks>
/// Time is whatever the caller passes as <c>nowMs</c>: the injected clock in a worker, the bar's close (engine time) in
/// a backtest, so a backtest stays deterministic. <see cref="Process"/> is called from one thread at a time;
/// <see cref="Health"/> may be read from any thread. A bar processed without an exception allocates nothing here.
/// </remarks>
public sealed class ModuleSupervisor
{
    private readonly Lock _gate = new();
    private readonly ModuleRestartPolicy _policy;
    private readonly Action<ModuleFault>? _onFault;
    private readonly Buffer _buffer = new();
    private ModuleHealthState _state;
    private string? _lastError;
    private long? _lastErrorAtMs;
    private int _restarts;
    private int _consecutiveFailures;
    private long _signals;
    private long? _lastBarTimeMs;
    private long _skipped;
    private long? _retryAtMs;

    /// <param name="module">The module to run.</param>
    /// <param name="policy">When to restart it after a failure.</param>
    /// <param name="onFault">Called (on the processing thread) for every failure, with its context: the log.</param>
    public ModuleSupervisor(IStrategy module, ModuleRestartPolicy policy, Action<ModuleFault>? onFault = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(policy);
        Module = module;
        _policy = policy;
        _onFault = onFault;
    }

    public IStrategy Module { get; }

    public string Name => Module.Name;

    public ModuleHealthState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Signals the module emitted on bars it processed without an exception.</summary>
    public long SignalsEmitted
    {
        get
        {
            lock (_gate)
            {
                return _signals;
            }
        }
    }

    /// <summary>In error: when the module will be restarted (UTC ms); otherwise null.</summary>
    public long? RetryAtMs
    {
        get
        {
            lock (_gate)
            {
                return _retryAtMs;
            }
        }
    }

    /// <summary>
    /// Runs the module on one bar at time <paramref name="nowMs"/>. A module in error whose restart time has come is
    /// restarted first; one still waiting skips the bar. Signals go to <paramref name="signals"/> only when the module
    /// processed the bar without an exception. True when the module ran the bar successfully.
    /// </summary>
    public bool Process(Symbol symbol, Timeframe timeframe, in Bar bar, long nowMs, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (State == ModuleHealthState.Error && !TryRestart(symbol, timeframe, bar.OpenTimeMs, nowMs))
        {
            lock (_gate)
            {
                _skipped++;
            }

            return false;
        }

        SetState(ModuleHealthState.Running);
        try
        {
            Module.OnBar(symbol, timeframe, bar, _buffer);
        }
        catch (Exception exception)
        {
            _buffer.Signals.Clear();
            Fail("on_bar", symbol, timeframe, bar.OpenTimeMs, nowMs, exception);
            return false;
        }

        var emitted = _buffer.Signals;
        lock (_gate)
        {
            _state = ModuleHealthState.Ok;
            _consecutiveFailures = 0;
            _lastBarTimeMs = timeframe.CloseTime(bar.OpenTimeMs);
            _signals += emitted.Count;
        }

        for (var i = 0; i < emitted.Count; i++)
        {
            signals.Emit(emitted[i]);
        }

        emitted.Clear();
        return true;
    }

    /// <summary>
    /// Restarts a module in error whose restart time (<see cref="RetryAtMs"/>) is at or before <paramref name="nowMs"/>:
    /// resets it and counts the restart; state <see cref="ModuleHealthState.Idle"/>. False when it is not in error, not
    /// yet due, or its reset threw (then it is in error again with a later restart time).
    /// </summary>
    public bool TryRestart(long nowMs) => TryRestart(default, default, 0, nowMs);

    /// <summary>A snapshot of the module's health.</summary>
    public ModuleHealth Health()
    {
        lock (_gate)
        {
            return new ModuleHealth(Name, _state, _lastError, _lastErrorAtMs, _restarts, _signals, _lastBarTimeMs, _skipped, _retryAtMs);
        }
    }

    private bool TryRestart(Symbol symbol, Timeframe timeframe, long barOpenTimeMs, long nowMs)
    {
        lock (_gate)
        {
            if (_state != ModuleHealthState.Error || _retryAtMs > nowMs)
            {
                return false;
            }
        }

        try
        {
            Module.Reset();
        }
        catch (Exception exception)
        {
            Fail("reset", symbol, timeframe, barOpenTimeMs, nowMs, exception);
            return false;
        }

        lock (_gate)
        {
            _restarts++;
            _retryAtMs = null;
            _state = ModuleHealthState.Idle;
        }

        return true;
    }

    private void Fail(string operation, Symbol symbol, Timeframe timeframe, long barOpenTimeMs, long nowMs, Exception exception)
    {
        ModuleFault fault;
        lock (_gate)
        {
            _consecutiveFailures++;
            var retryAt = nowMs + (long)_policy.DelayAfter(_consecutiveFailures).TotalMilliseconds;
            _state = ModuleHealthState.Error;
            _lastError = $"{exception.GetType().Name}: {exception.Message}";
            _lastErrorAtMs = nowMs;
            _retryAtMs = retryAt;
            fault = new ModuleFault(Name, operation, symbol, timeframe, barOpenTimeMs, nowMs, exception, _consecutiveFailures, _restarts, retryAt);
        }

        _onFault?.Invoke(fault);
    }

    private void SetState(ModuleHealthState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    /// <summary>Holds the signals of the bar being processed until the module returns.</summary>
    private sealed class Buffer : ISignalSink
    {
        public List<Signal> Signals { get; } = new(4);

        public void Emit(Signal signal)
        {
            ArgumentNullException.ThrowIfNull(signal);
            Signals.Add(signal);
        }
    }
}
