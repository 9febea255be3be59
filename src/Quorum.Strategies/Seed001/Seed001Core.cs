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
/// The skeleton the seed-001 strategies share, held by each of them so that its file keeps only its own rule: the
/// parameters, the subscriptions and one state per symbol (found by subscription, no allocation per bar), the setup
/// scorer, and the entry signal with the seed's exits: a stop of <c>stop_atr</c> × ATR (an absolute price when it is a
/// positive one, else the multiple), the strategy's take-profits and trail, and its time stop.
/// </summary>
/// <typeparam name="TState">The strategy's per-symbol state.</typeparam>
internal sealed class Seed001Core<TState>
    where TState : Seed001SymbolState
{
    private readonly string _strategy;
    private readonly SubscriptionIndex _index;
    private readonly TState[] _states;
    private readonly int _subscriptionsPerSymbol;
    private readonly SetupScorer _scorer;
    private readonly double _stopAtr;
    private readonly long _timeStopMs;

    /// <param name="strategy">The strategy's registry name (the signals' strategy).</param>
    /// <param name="parameters">The strategy's parameters; <c>stop_atr</c>, <paramref name="timeStopKey"/> and the scoring ones are read here.</param>
    /// <param name="universe">The symbols traded.</param>
    /// <param name="news">The news flags of the setup score (none when null).</param>
    /// <param name="timeStopKey">The parameter giving the time stop, in units of <paramref name="timeStopUnitMs"/>.</param>
    /// <param name="timeStopUnitMs">Milliseconds of one unit of the time stop parameter.</param>
    /// <param name="subscriptionsOf">The subscriptions of one symbol, the same number for every symbol, in a stable order.</param>
    /// <param name="createState">The per-symbol state (called once per symbol, before its subscriptions).</param>
    public Seed001Core(
        string strategy,
        StrategyParameters parameters,
        StrategyUniverse universe,
        INewsFlagSource? news,
        string timeStopKey,
        long timeStopUnitMs,
        Func<Symbol, StrategySubscription[]> subscriptionsOf,
        Func<Symbol, TState> createState)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        _strategy = strategy;
        Parameters = parameters;
        _stopAtr = parameters.Get("stop_atr");
        _timeStopMs = parameters.GetInt32(timeStopKey) * timeStopUnitMs;
        _scorer = Seed001Setup.CreateScorer(parameters, news);
        var subscriptions = new List<StrategySubscription>();
        _states = new TState[universe.Symbols.Count];
        for (var i = 0; i < _states.Length; i++)
        {
            var symbol = universe.Symbols[i];
            _states[i] = createState(symbol);
            subscriptions.AddRange(subscriptionsOf(symbol));
        }

        Subscriptions = subscriptions;
        _subscriptionsPerSymbol = subscriptions.Count / _states.Length;
        _index = new SubscriptionIndex(subscriptions);
    }

    public StrategyParameters Parameters { get; }

    /// <summary>Every symbol's subscriptions, symbol by symbol.</summary>
    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    /// <summary>The state of the first symbol (its warm-up is every symbol's).</summary>
    public TState First => _states[0];

    /// <summary>The (symbol, timeframe) pair's state; false when the pair is not subscribed.</summary>
    public bool TryFind(Symbol symbol, Timeframe timeframe, [NotNullWhen(true)] out TState? state)
    {
        var slot = _index.Find(symbol, timeframe);
        state = slot < 0 ? null : _states[slot / _subscriptionsPerSymbol];
        return state is not null;
    }

    /// <summary>
    /// Routes a closed bar of a strategy with one signal and one context timeframe: a bar of the context timeframe goes
    /// to <see cref="Seed001SymbolState.OnContextBar"/>; true (with the symbol's state and the bar as doubles) only for a
    /// bar of <paramref name="signalTimeframe"/>.
    /// </summary>
    public bool IsSignalBar(
        Symbol symbol,
        Timeframe timeframe,
        in Bar bar,
        ISignalSink signals,
        Timeframe signalTimeframe,
        [NotNullWhen(true)] out TState? state,
        out OhlcvPoint point)
    {
        ArgumentNullException.ThrowIfNull(signals);
        point = default;
        if (!TryFind(symbol, timeframe, out state))
        {
            return false;
        }

        point = OhlcvPoint.From(bar);
        if (timeframe != signalTimeframe)
        {
            state.OnContextBar(point);
            state = null;
            return false;
        }

        return true;
    }

    /// <summary>The setup score of a <paramref name="side"/> entry on the bar of <paramref name="timeframe"/> opened at <paramref name="openTimeMs"/>; true when it passes.</summary>
    public bool Passes(TState state, Symbol symbol, Timeframe timeframe, long openTimeMs, PositionSide side, RegimeFit fit, AlignmentMode mode, out SetupScore score)
    {
        score = state.Setup.Score(_scorer, symbol, timeframe.CloseTime(openTimeMs), side, fit, mode);
        return score.Passes;
    }

    /// <summary>
    /// An entry at market of a setup that passed scoring: confidence is the setup score / 10; the exits are the stop
    /// <c>stop_atr</c> × ATR on the losing side of the bar's close, <paramref name="takeProfits"/>, <paramref name="trail"/>
    /// and the time stop; the metadata carries the regime, the score and its parts and <paramref name="extra"/>.
    /// </summary>
    public Signal Entry(
        TState state,
        Symbol symbol,
        Timeframe timeframe,
        in Bar bar,
        PositionSide side,
        string reason,
        in SetupScore score,
        string regime,
        IReadOnlyList<TakeProfitAtR>? takeProfits,
        TrailSpec? trail,
        params ReadOnlySpan<KeyValuePair<string, object>> extra)
    {
        var stop = state.Setup.StopPrice(bar.Close, _stopAtr, side);
        var exits = new ExitSpec(
            stopAtrMultiple: stop is null ? (decimal)_stopAtr : null,
            stopPrice: stop,
            takeProfits: takeProfits,
            trail: trail,
            timeStopMs: _timeStopMs);
        var metadata = new List<KeyValuePair<string, object>>(8 + extra.Length) { KeyValuePair.Create<string, object>(Seed001Setup.RegimeKey, regime) };
        score.AddTo(metadata);
        foreach (var pair in extra)
        {
            metadata.Add(pair);
        }

        return StrategySignals.Entry(_strategy, symbol, timeframe, bar, side, reason, Math.Clamp(score.Total / 10.0, 0.0, 1.0), exits, metadata);
    }

    /// <summary>Forgets every symbol's bars.</summary>
    public void Reset()
    {
        foreach (var state in _states)
        {
            state.Reset();
        }
    }
}
