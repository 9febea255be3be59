using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Strategies.BuiltIn;

namespace Quorum.Strategies.Seed000;

/// <summary>
/// What the five seed-000 modules share (the seed's <c>ModuleBase</c>): subscriptions to the 15m signal and 1h trend
/// timeframes of every symbol (<see cref="Seed000Timeframes"/>), one detector state per symbol, the trend filter,
/// and the entry signal: at market, at the 15m close, with the module's confidence, a stop (a structure price, else
/// <c>stop_atr</c> × ATR) and seed 000's percentage trail.
/// </summary>
/// <remarks>
/// A module only detects (<see cref="Detect"/>, called for every 15m bar so its indicators never skip a bar) and
/// describes what it detected (<see cref="Describe"/>); the base drops a candidate against the trend and only then
/// builds the signal, so a bar without a signal allocates nothing.
/// </remarks>
/// <typeparam name="TState">The module's per-symbol detector state.</typeparam>
internal abstract class Seed000Module<TState> : IStrategy
    where TState : class
{
    private readonly SubscriptionIndex _index;
    private readonly TState[] _states;
    private readonly Ema?[] _trendEma;
    private readonly double[] _trendClose;
    private readonly TrailSpec _trail;
    private readonly StrategyDescriptor _descriptor;

    protected Seed000Module(StrategyDescriptor descriptor, StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        _descriptor = descriptor;
        ModuleCode = descriptor.Name.ToUpperInvariant();
        Parameters = parameters;
        TrendPeriod = parameters.GetInt32(Seed000Parameters.TrendEma);
        TrailPercent = (decimal)parameters.Get(Seed000Parameters.TrailPercent);
        StopAtr = (decimal)parameters.Get(Seed000Parameters.StopAtr);
        _trail = TrailSpec.Percent(TrailPercent);
        Subscriptions = universe.SubscriptionsFor(Seed000Timeframes.All);
        _index = new SubscriptionIndex(Subscriptions);
        var symbols = universe.Symbols.Count;
        _states = new TState[symbols];
        _trendEma = new Ema?[symbols];
        _trendClose = new double[symbols];
        for (var i = 0; i < symbols; i++)
        {
            _trendEma[i] = TrendPeriod > 0 ? new Ema(TrendPeriod) : null;
        }
    }

    public string Name => _descriptor.Name;

    public string Version => _descriptor.Version;

    /// <summary>The module's seed name (DIV, PIN, ENG, BRK, INS: its registry name in capitals), in the signals' <c>module</c> metadata.</summary>
    public string ModuleCode { get; }

    public StrategyParameters Parameters { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    /// <summary>Period of the 1h trend EMA; 0 when the filter is off.</summary>
    public int TrendPeriod { get; }

    public decimal TrailPercent { get; }

    public decimal StopAtr { get; }

    /// <summary>The larger of the module's own warm-up (15m bars) and the trend EMA's (1h bars).</summary>
    public int WarmUpBars => Math.Max(ModuleWarmUpBars, TrendPeriod);

    /// <summary>15m bars the module's detectors need before their first possible signal.</summary>
    protected abstract int ModuleWarmUpBars { get; }

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var slot = _index.Find(symbol, timeframe);
        if (slot < 0)
        {
            return;
        }

        var s = slot / Seed000Timeframes.All.Count; // SubscriptionsFor lists symbol by symbol, each timeframe in order
        if (timeframe == Seed000Timeframes.Trend)
        {
            var close = (double)bar.Close;
            _trendEma[s]?.Update(close);
            _trendClose[s] = close;
            return;
        }

        var state = _states[s] ??= CreateState();
        var point = OhlcvPoint.From(bar);
        if (Detect(state, bar, point) is not { } side || !TrendAllows(s, side))
        {
            return;
        }

        signals.Emit(Entry(symbol, timeframe, bar, side, Describe(state, bar, side)));
    }

    public void Reset()
    {
        Array.Clear(_states);
        foreach (var ema in _trendEma)
        {
            ema?.Reset();
        }

        Array.Clear(_trendClose);
    }

    /// <summary>A fresh per-symbol state (created at the symbol's first 15m bar, dropped by <see cref="Reset"/>).</summary>
    protected abstract TState CreateState();

    /// <summary>Feeds the 15m bar to the module's detectors; the side of a setup completed by this bar, else null.</summary>
    protected abstract PositionSide? Detect(TState state, in Bar bar, in OhlcvPoint point);

    /// <summary>Describes the setup <see cref="Detect"/> just reported (called only when it passes the trend filter).</summary>
    protected abstract ModuleEntry Describe(TState state, in Bar bar, PositionSide side);

    /// <summary>x clamped to [0, 1].</summary>
    protected static double Unit(double x) => Math.Clamp(x, 0.0, 1.0);

    protected static KeyValuePair<string, object> Meta(string key, object value) => KeyValuePair.Create(key, value);

    /// <summary>
    /// The entry signal with the common parts: the setup's confidence (clamped to [0, 1]), the stop at its structure
    /// stop when that lies strictly on the losing side of the close, else <c>stop_atr</c> × ATR, the percentage trail,
    /// and metadata <c>module</c> plus the module's own.
    /// </summary>
    private Signal Entry(Symbol symbol, Timeframe timeframe, in Bar bar, PositionSide side, in ModuleEntry setup)
    {
        if (double.IsNaN(setup.Confidence))
        {
            throw new InvalidOperationException($"strategy {Name}: confidence of the {side} setup at {bar.OpenTimeMs} is NaN");
        }

        var stopOnLosingSide = setup.StructureStop is { } stop && (side == PositionSide.Long ? stop < bar.Close : stop > bar.Close);
        var exits = stopOnLosingSide
            ? new ExitSpec(stopPrice: setup.StructureStop, trail: _trail)
            : new ExitSpec(stopAtrMultiple: StopAtr, trail: _trail);
        KeyValuePair<string, object>[] all = [KeyValuePair.Create<string, object>("module", ModuleCode), .. setup.Metadata];
        return StrategySignals.Entry(Name, symbol, timeframe, bar, side, setup.Reason, Math.Clamp(setup.Confidence, 0.0, 1.0), exits, all);
    }

    private bool TrendAllows(int symbol, PositionSide side)
    {
        if (_trendEma[symbol] is not { } ema)
        {
            return true;
        }

        if (!ema.IsReady)
        {
            return false;
        }

        return side == PositionSide.Long ? _trendClose[symbol] > ema.Value : _trendClose[symbol] < ema.Value;
    }
}
