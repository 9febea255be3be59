using System.Threading.Channels;

namespace Quorum.Strategies.Workers;

/// <summary>
/// Seed 000's module worker (<c>module_worker.py</c>): runs one module on its own task, fed closed bars through a channel
/// (<see cref="TryPost"/>), its signals going to the output sink (a queue: <see cref="ChannelSignalSink"/>). The module
/// is isolated by a <see cref="ModuleSupervisor"/>: an exception marks it <see cref="ModuleHealthState.Error"/>, is
/// reported to the fault log with its context, and the worker waits for the backoff on the injected
/// <see cref="TimeProvider"/> before it resets and restarts the module; bars posted meanwhile wait in the channel and are
/// processed after the restart (in a backtest, where nothing waits, the <c>cluster</c> strategy skips them instead).
/// Other workers never notice. <see cref="Health"/> is readable at any time.
/// </summary>
public sealed class ModuleWorker : IAsyncDisposable
{
    private readonly Channel<ModuleBar> _input;
    private readonly ModuleSupervisor _supervisor;
    private readonly TimeProvider _timeProvider;
    private readonly ISignalSink _output;
    private readonly Action<ModuleHealth>? _onHealthChanged;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    /// <param name="module">The module; from now on only this worker's task calls it.</param>
    /// <param name="time">The clock of the backoff and of the health times.</param>
    /// <param name="output">Where the signals go; called from the worker's task (several workers may share a thread-safe sink).</param>
    /// <param name="policy">Restart backoff; <see cref="ModuleRestartPolicy.Default"/> when null.</param>
    /// <param name="onFault">The fault log: called on the worker's task for every failure, with its context.</param>
    /// <param name="onHealthChanged">
    /// Called on the worker's task when the module enters error (after the restart timer is armed) and after each restart
    /// attempt, with the health snapshot.
    /// </param>
    /// <param name="capacity">Bars the input channel holds; <see cref="TryPost"/> refuses more.</param>
    public ModuleWorker(
        IStrategy module,
        TimeProvider time,
        ISignalSink output,
        ModuleRestartPolicy? policy = null,
        Action<ModuleFault>? onFault = null,
        Action<ModuleHealth>? onHealthChanged = null,
        int capacity = 65_536)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _supervisor = new ModuleSupervisor(module, policy ?? ModuleRestartPolicy.Default, onFault);
        _timeProvider = time;
        _output = output;
        _onHealthChanged = onHealthChanged;
        _input = Channel.CreateBounded<ModuleBar>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Name => _supervisor.Name;

    public IStrategy Module => _supervisor.Module;

    /// <summary>The module's health now.</summary>
    public ModuleHealth Health => _supervisor.Health();

    /// <summary>Completes when the worker has processed every bar after <see cref="Complete"/>, or was stopped.</summary>
    public Task Completion => _run ?? Task.CompletedTask;

    /// <summary>Starts the worker's task; once.</summary>
    public void Start()
    {
        if (_run is not null)
        {
            throw new InvalidOperationException($"module worker {Name} is already started");
        }

        _run = Task.Run(RunAsync);
    }

    /// <summary>Queues a closed bar; false when the input is full or completed.</summary>
    public bool TryPost(in ModuleBar bar) => _input.Writer.TryWrite(bar);

    /// <summary>Queues a closed bar, waiting while the input is full.</summary>
    public ValueTask PostAsync(ModuleBar bar, CancellationToken cancellationToken = default) => _input.Writer.WriteAsync(bar, cancellationToken);

    /// <summary>No more bars: the worker finishes the queued ones and completes.</summary>
    public void Complete() => _input.Writer.TryComplete();

    /// <summary>Completes the input, stops the worker (a pending backoff is cancelled) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        Complete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped during a backoff or while waiting for bars
        }

        _stop.Dispose();
    }

    private long NowMs() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task RunAsync()
    {
        var reader = _input.Reader;
        var token = _stop.Token;
        while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (_supervisor.Process(item.Symbol, item.Timeframe, item.Bar, NowMs(), _output))
                {
                    continue;
                }

                // The module failed: wait for its restart time on the injected clock, then restart it (again if the reset fails).
                while (_supervisor.RetryAtMs is { } retryAt)
                {
                    var wait = retryAt - NowMs();
                    var delay = wait > 0 ? Task.Delay(TimeSpan.FromMilliseconds(wait), _timeProvider, token) : Task.CompletedTask;
                    _onHealthChanged?.Invoke(_supervisor.Health());
                    await delay.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                    _supervisor.TryRestart(NowMs());
                    _onHealthChanged?.Invoke(_supervisor.Health());
                }
            }
        }
    }
}
