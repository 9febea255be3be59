namespace Quorum.Strategies.Workers;

/// <summary>
/// One <see cref="ModuleWorker"/> per module, all writing to one thread-safe output: every posted bar goes to every
/// worker (each module ignores pairs it does not subscribe to). A failing module stops no other; a module that falls
/// behind by a whole input channel (65 536 bars) makes <see cref="PostAsync"/> wait for it.
/// </summary>
public sealed class ModuleWorkerGroup : IAsyncDisposable
{
    private readonly List<ModuleWorker> _workers = [];

    public ModuleWorkerGroup(
        IEnumerable<IStrategy> modules,
        TimeProvider time,
        ISignalSink output,
        ModuleRestartPolicy? policy = null,
        Action<ModuleFault>? onFault = null,
        Action<ModuleHealth>? onHealthChanged = null)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var module in modules)
        {
            if (_workers.Exists(w => string.Equals(w.Name, module.Name, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"module {module.Name} is given twice; each module runs in one worker", nameof(modules));
            }

            _workers.Add(new ModuleWorker(module, time, output, policy, onFault, onHealthChanged));
        }
    }

    public IReadOnlyList<ModuleWorker> Workers => _workers;

    /// <summary>Starts every worker.</summary>
    public void Start()
    {
        foreach (var worker in _workers)
        {
            worker.Start();
        }
    }

    /// <summary>Posts the bar to every worker, waiting where a worker's input is full.</summary>
    public async ValueTask PostAsync(ModuleBar bar, CancellationToken cancellationToken = default)
    {
        foreach (var worker in _workers)
        {
            await worker.PostAsync(bar, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The health of every module, in the order given.</summary>
    public IReadOnlyList<ModuleHealth> Health()
    {
        var list = new List<ModuleHealth>(_workers.Count);
        foreach (var worker in _workers)
        {
            list.Add(worker.Health);
        }

        return list;
    }

    /// <summary>Completes every worker's input and waits until all have processed their bars.</summary>
    public Task CompleteAsync()
    {
        foreach (var worker in _workers)
        {
            worker.Complete();
        }

        return Task.WhenAll(_workers.Select(w => w.Completion));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
    }
}
