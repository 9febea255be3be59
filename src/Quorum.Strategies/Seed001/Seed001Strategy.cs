using System.Diagnostics.CodeAnalysis;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Strategies.BuiltIn;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Seed001;

/// <summary>
/// The skeleton the seed-001 strategies share, so that each strategy's file keeps only its own rule: the registry name
/// and version, the parameters, the subscriptions and one state per symbol (found by subscription, no allocation per
/// bar), the routing of a closed bar (a bar of the signal timeframe to the strategy, any other to the state's
/// <see cref="Seed001SymbolState.OnContextBar"/>), the setup scorer with the strategy's regime fit and alignment, and
/// the entry signal on the signal timeframe with the seed's exits: a stop of <c>stop_atr</c> × ATR (an absolute price
/// when it is a positive one, else the multiple), the strategy's take-profits and trail, and its time stop.
/// </summary>
/// <remarks>
/// Only this assembly's strategies derive from it. A strategy's constructor reads its own parameters, then calls
/// <see cref="Initialize{TState}"/> once with its subscriptions and per-symbol state; it sets <see cref="WarmUpBars"/>.
/// </remarks>
public abstract class Seed001Strategy : IStrategy
{
    private readonly StrategyDescriptor _descriptor;
    private readonly Timeframe _signalTimeframe;
    private readonly RegimeFit _fit;
    private readonly AlignmentMode _alignment;

    // Set once by Initialize, from the derived constructor (after it read its own parameters, in the seed's order).
    private SubscriptionIndex _index = null!;
    private Seed001SymbolState[] _states = [];
    private int _subscriptionsPerSymbol;
    private SetupScorer _scorer = null!;
    private double _stopAtr;
    private long _timeStopMs;
    private IReadOnlyList<TakeProfitAtR>? _takeProfits;
    private TrailSpec? _trail;

    /// <param name="descriptor">The strategy's registry entry (its name is the signals' strategy).</param>
    /// <param name="parameters">The strategy's parameters.</param>
    /// <param name="universe">The symbols traded.</param>
    /// <param name="signalTimeframe">The timeframe whose bars go to the strategy's rule (and its signals'); the others are context bars.</param>
    /// <param name="fit">The regime fit of the setup score.</param>
    /// <param name="alignment">How the setup score rates the higher timeframe's trend.</param>
    private protected Seed001Strategy(
        StrategyDescriptor descriptor,
        StrategyParameters parameters,
        StrategyUniverse universe,
        Timeframe signalTimeframe,
        RegimeFit fit,
        AlignmentMode alignment)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        _descriptor = descriptor;
        _signalTimeframe = signalTimeframe;
        _fit = fit;
        _alignment = alignment;
        Parameters = parameters;
    }

    public string Name => _descriptor.Name;

    public string Version => _descriptor.Version;

    public StrategyParameters Parameters { get; }

    /// <summary>Every symbol's subscriptions, symbol by symbol.</summary>
    public IReadOnlyList<StrategySubscription> Subscriptions { get; private set; } = [];

    /// <summary>Bars of the signal timeframe before the first possible signal.</summary>
    public int WarmUpBars { get; private protected set; }

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (!TryFind(symbol, timeframe, out var state))
        {
            return;
        }

        var point = OhlcvPoint.From(bar);
        if (timeframe != _signalTimeframe)
        {
            state.OnContextBar(point);
            return;
        }

        OnSignalBar(state, symbol, bar, point, signals);
    }

    /// <summary>Forgets every symbol's bars.</summary>
    public void Reset()
    {
        foreach (var state in _states)
        {
            state.Reset();
        }
    }

    /// <summary>The (symbol, timeframe) pair's state; false when the pair is not subscribed.</summary>
    private bool TryFind(Symbol symbol, Timeframe timeframe, [NotNullWhen(true)] out Seed001SymbolState? state)
    {
        var slot = _index.Find(symbol, timeframe);
        state = slot < 0 ? null : _states[slot / _subscriptionsPerSymbol];
        return state is not null;
    }

    /// <summary>
    /// Reads the exit and scoring parameters (<c>stop_atr</c>, <paramref name="timeStopKey"/>, the scoring ones) and
    /// creates every symbol's state and subscriptions; returns the first symbol's state (its warm-up is every symbol's).
    /// </summary>
    /// <param name="universe">The symbols traded.</param>
    /// <param name="news">The news flags of the setup score (none when null).</param>
    /// <param name="timeStopKey">The parameter giving the time stop, in units of <paramref name="timeStopUnitMs"/>.</param>
    /// <param name="timeStopUnitMs">Milliseconds of one unit of the time stop parameter.</param>
    /// <param name="takeProfits">The entries' take-profits (none when null).</param>
    /// <param name="trail">The entries' trail (none when null).</param>
    /// <param name="subscriptionsOf">The subscriptions of one symbol, the same number for every symbol, in a stable order.</param>
    /// <param name="createState">The per-symbol state (called once per symbol, before its subscriptions).</param>
    private protected TState Initialize<TState>(
        StrategyUniverse universe,
        INewsFlagSource? news,
        string timeStopKey,
        long timeStopUnitMs,
        IReadOnlyList<TakeProfitAtR>? takeProfits,
        TrailSpec? trail,
        Func<Symbol, StrategySubscription[]> subscriptionsOf,
        Func<Symbol, TState> createState)
        where TState : Seed001SymbolState
    {
        _stopAtr = Parameters.Get("stop_atr");
        _timeStopMs = Parameters.GetInt32(timeStopKey) * timeStopUnitMs;
        _takeProfits = takeProfits;
        _trail = trail;
        _scorer = Seed001Setup.CreateScorer(Parameters, news);
        var subscriptions = new List<StrategySubscription>();
        var states = new TState[universe.Symbols.Count];
        for (var i = 0; i < states.Length; i++)
        {
            var symbol = universe.Symbols[i];
            states[i] = createState(symbol);
            subscriptions.AddRange(subscriptionsOf(symbol));
        }

        _states = states;
        Subscriptions = subscriptions;
        _subscriptionsPerSymbol = subscriptions.Count / states.Length;
        _index = new SubscriptionIndex(subscriptions);
        return states[0];
    }

    /// <summary>
    /// A closed bar of the signal timeframe of one of <paramref name="state"/>'s subscriptions (<paramref name="point"/>:
    /// the bar as doubles); the bars of the other timeframes went to <see cref="Seed001SymbolState.OnContextBar"/>.
    /// </summary>
    private protected abstract void OnSignalBar(Seed001SymbolState state, Symbol symbol, in Bar bar, in OhlcvPoint point, ISignalSink signals);

    /// <summary>The setup score of a <paramref name="side"/> entry on the signal timeframe's bar opened at <paramref name="openTimeMs"/>; true when it passes.</summary>
    private protected bool Passes(Seed001SymbolState state, Symbol symbol, long openTimeMs, PositionSide side, out SetupScore score)
    {
        score = state.Setup.Score(_scorer, symbol, _signalTimeframe.CloseTime(openTimeMs), side, _fit, _alignment);
        return score.Passes;
    }

    /// <summary>
    /// An entry at market on the signal timeframe's <paramref name="bar"/> of a setup that passed scoring: confidence is the
    /// setup score / 10; the exits are the stop <c>stop_atr</c> × ATR on the losing side of the bar's close, the
    /// take-profits, the trail and the time stop; the metadata carries the regime the setup was scored in, the score and
    /// its parts and <paramref name="extra"/>.
    /// </summary>
    private protected Signal Entry(
        Seed001SymbolState state,
        Symbol symbol,
        in Bar bar,
        PositionSide side,
        string reason,
        in SetupScore score,
        params ReadOnlySpan<KeyValuePair<string, object>> extra)
    {
        var regime = state.Setup.Regime.Label;
        var stop = state.Setup.StopPrice(bar.Close, _stopAtr, side);
        var exits = new ExitSpec(
            stopAtrMultiple: stop is null ? (decimal)_stopAtr : null,
            stopPrice: stop,
            takeProfits: _takeProfits,
            trail: _trail,
            timeStopMs: _timeStopMs);
        var metadata = new List<KeyValuePair<string, object>>(8 + extra.Length) { KeyValuePair.Create<string, object>(Seed001Setup.RegimeKey, regime) };
        score.AddTo(metadata);
        foreach (var pair in extra)
        {
            metadata.Add(pair);
        }

        return StrategySignals.Entry(Name, symbol, _signalTimeframe, bar, side, reason, Math.Clamp(score.Total / 10.0, 0.0, 1.0), exits, metadata);
    }
}
