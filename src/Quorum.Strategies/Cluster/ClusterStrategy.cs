using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.Seed000;
using Quorum.Strategies.Workers;

namespace Quorum.Strategies.Cluster;

/// <summary>
/// <c>cluster</c> (seed 000): the five seed-000 modules (DIV, PIN, ENG, BRK, INS) run inside this strategy, each behind a
/// <see cref="ModuleSupervisor"/> (the module workers' isolation policy, run synchronously: a throwing module is marked
/// error, skipped and restarted after its backoff in engine time, the bar's close), and their signals go through a
/// <see cref="ClusterEngine"/>: only the aggregated signals come out, when <c>min_strategies</c> modules agree on a
/// (symbol, side) within <c>window_minutes</c>. Deterministic: the modules run in a fixed order on the caller's thread.
/// </summary>
public sealed class ClusterStrategy : IStrategy, IComposedStrategy
{
    public const string StrategyName = "cluster";

    private readonly ModuleSupervisor[] _supervisors;
    private readonly ClusterEngine _engine;
    private readonly Collector _collected = new();
    private readonly ModuleRestartPolicy _policy;

    public ClusterStrategy(StrategyParameters parameters, StrategyUniverse universe)
        : this(parameters, universe, CreateModules(parameters, universe))
    {
    }

    /// <summary>A cluster over the given <paramref name="modules"/> (tests inject failing ones).</summary>
    internal ClusterStrategy(StrategyParameters parameters, StrategyUniverse universe, IReadOnlyList<IStrategy> modules)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(modules);
        Parameters = parameters;
        var window = parameters.Get("window_minutes");
        var minStrategies = parameters.GetInt32("min_strategies");
        var restart = parameters.Get("restart_minutes");
        var restartMax = parameters.Get("restart_max_minutes");
        if (restartMax < restart)
        {
            throw new ArgumentException(
                $"strategy {StrategyName}: restart_max_minutes = {StrategyParameter.Format(restartMax)} must be at least restart_minutes = {StrategyParameter.Format(restart)}");
        }

        if (minStrategies > modules.Count)
        {
            throw new ArgumentException($"strategy {StrategyName}: min_strategies = {minStrategies} exceeds the {modules.Count} modules");
        }

        _policy = new ModuleRestartPolicy(TimeSpan.FromMinutes(restart), TimeSpan.FromMinutes(restartMax));
        _engine = new ClusterEngine((long)(window * Timeframe.MinuteMs), minStrategies, StrategyName);
        _supervisors = [.. modules.Select(m => new ModuleSupervisor(m, _policy, fault => FaultLog?.Invoke(fault)))];
        Subscriptions = [.. modules.SelectMany(m => m.Subscriptions).Distinct()];
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyName,
        "1.0.0",
        "Seed 000: DIV, PIN, ENG, BRK and INS run isolated inside; one aggregated signal when min_strategies of them agree on a symbol and side within the window.",
        [
            new StrategyParameter("window_minutes", "how far apart (minutes) the agreeing modules' signals may be", 60, 0, 1440),
            new StrategyParameter("min_strategies", "distinct modules that must agree", 2, 1, 5, isInteger: true),
            new StrategyParameter(Seed000Parameters.TrendEma, "the modules' 1h trend-filter EMA period; 0 = no filter", 50, 0, 500, isInteger: true),
            new StrategyParameter(Seed000Parameters.TrailPercent, "the modules' trailing stop in percent of the price", 0.3, 0.05, 5),
            new StrategyParameter(Seed000Parameters.StopAtr, "the modules' ATR stop where they have no structure stop", 1.5, 0.25, 10),
            new StrategyParameter("restart_minutes", "engine-time backoff before a failed module's first restart (doubling per failure in a row)", 15, 1, 1440),
            new StrategyParameter("restart_max_minutes", "longest restart backoff", 240, 1, 10080),
        ],
        (parameters, universe) => new ClusterStrategy(parameters, universe))
    {
        Origin = "seed 000",
        Timeframes = Seed000Timeframes.All,
    };

    public string Name => StrategyName;

    public string Version => Descriptor.Version;

    public StrategyParameters Parameters { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    public int WarmUpBars => _supervisors.Length == 0 ? 0 : _supervisors.Max(s => s.Module.WarmUpBars);

    public ClusterEngine Engine => _engine;

    /// <summary>The fault log (each module failure with its context); set it before the first bar.</summary>
    public Action<ModuleFault>? FaultLog { get; set; }

    /// <summary>Signals the modules emitted (before clustering) so far.</summary>
    public long InnerSignalCount
    {
        get
        {
            long total = 0;
            foreach (var supervisor in _supervisors)
            {
                total += supervisor.SignalsEmitted;
            }

            return total;
        }
    }

    /// <summary>The health of each module, in the order they run.</summary>
    public IReadOnlyList<ModuleHealth> Health() => [.. _supervisors.Select(s => s.Health())];

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var nowMs = timeframe.CloseTime(bar.OpenTimeMs);
        var collected = _collected.Signals;
        foreach (var supervisor in _supervisors)
        {
            supervisor.Process(symbol, timeframe, bar, nowMs, _collected);
        }

        for (var i = 0; i < collected.Count; i++)
        {
            if (_engine.Add(collected[i]) is { } aggregated)
            {
                signals.Emit(aggregated);
            }
        }

        collected.Clear();
    }

    /// <summary>Forgets every bar: resets the modules and the cluster engine (module health counters are kept).</summary>
    public void Reset()
    {
        foreach (var supervisor in _supervisors)
        {
            supervisor.Module.Reset();
        }

        _engine.Reset();
    }

    /// <summary>The five modules with their defaults, sharing the cluster's trend filter and exit parameters.</summary>
    private static IStrategy[] CreateModules(StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var shared = new[] { Seed000Parameters.TrendEma, Seed000Parameters.TrailPercent, Seed000Parameters.StopAtr }
            .Select(name => KeyValuePair.Create(name, parameters.Get(name).ToString("R", CultureInfo.InvariantCulture)))
            .ToList();
        return [.. Seed000Modules.Modules.Select(d => d.Factory(StrategyParameters.Resolve(d.Name, d.Parameters, shared), universe))];
    }

    private sealed class Collector : ISignalSink
    {
        public List<Signal> Signals { get; } = new(8);

        public void Emit(Signal signal) => Signals.Add(signal);
    }
}
