using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Strategies.Scoring;

namespace Quorum.Strategies.Seed001;

/// <summary>
/// <c>funding_rev</c> (seed 001 <c>funding_rev.py</c>: "extreme funding + basis; never in a trend"): trades a perpetual
/// against crowded funding. Funding rates arrive through <see cref="OnFunding"/>; the basis is (perp close − spot
/// close) / spot close of the same 1h bar, the spot bars coming from a context subscription to the spot symbol of the
/// same venue, base and quote (trading <c>BINANCE:BTCUSDT.P</c> it also reads <c>BINANCE:BTCUSDT</c> 1h). A funding rate
/// at or above <c>funding_extreme</c> with a basis at or above <c>basis_min</c> (longs pay and the perp trades rich) gives
/// a SHORT; a rate at or below −<c>funding_extreme</c> with a basis at or below −<c>basis_min</c> a LONG. The decision
/// is taken on the first 1h bar of the perpetual closing after the funding time, once the spot bar of the same hour is
/// there too; never while the regime (1h) is <c>trend_up</c> or <c>trend_down</c> or unknown; and only with a setup
/// score ≥ 7 (higher-timeframe alignment: no 4h EMA(<c>htf_ema</c>) trend is best). Exits: the
/// seed gives none of its own, so the stop is <c>stop_atr</c> × ATR(14, 1h), a time stop of <c>time_stop_hours</c>, and
/// take-profits and trail come from governance.yaml's position management. It refuses a spot symbol (no funding).
/// </summary>
public sealed class FundingRev : Seed001Strategy, IFundingAwareStrategy
{
    public const string StrategyName = KnownStrategies.FundingRev;

    private static readonly RegimeFit Fit = new([0, 0, 1.5, 2, 1], [0, 0, 1.5, 2, 1]);

    private readonly Dictionary<Symbol, SymbolState> _byPerpetual = [];
    private readonly decimal _fundingExtreme;
    private readonly double _basisMinimum;

    public FundingRev(StrategyParameters parameters, StrategyUniverse universe, INewsFlagSource? news = null)
        : base(Descriptor, parameters, universe, Timeframe.H1, Fit, AlignmentMode.Flat)
    {
        _fundingExtreme = (decimal)parameters.Get("funding_extreme");
        _basisMinimum = parameters.Get("basis_min");
        var htfEma = parameters.GetInt32("htf_ema");

        // Per perpetual: its 1h and 4h bars and the 1h bars of its spot symbol (context, not traded).
        var first = Initialize(
            universe,
            news,
            "time_stop_hours",
            Timeframe.HourMs,
            takeProfits: null, // take-profits and trail come from governance.yaml
            trail: null,
            symbol => [new(symbol, Timeframe.H1), new(symbol, Timeframe.H4), new(SpotOf(symbol), Timeframe.H1)],
            symbol =>
            {
                if (!symbol.IsPerpetual)
                {
                    throw new ArgumentException(
                        $"strategy {StrategyName} trades perpetuals (it reads their funding rates): {symbol} is spot; use {symbol.Venue}:{symbol.Pair}.P and it reads {symbol} as context");
                }

                var state = new SymbolState(symbol, htfEma);
                _byPerpetual.Add(symbol, state);
                return state;
            });

        // 1h bars before the first possible signal (the regime classifier's warm-up).
        WarmUpBars = first.Setup.WarmUpBars;
    }

    public static StrategyDescriptor Descriptor { get; } = Seed001Setup.Describe(
        StrategyName,
        "1.0.0",
        "extreme funding + perp/spot basis reversion on perpetuals (spot read as context), never in a trend regime, setup score ≥ 7",
        [Timeframe.H1, Timeframe.H4],
        maxSpreadBps: 120,
        (parameters, universe) => new FundingRev(parameters, universe),
        new StrategyParameter("funding_extreme", "a funding rate (fraction per interval) at or beyond ± this is extreme (0.001 = 0.1 %)", 0.001, 0.00005, 0.05),
        new StrategyParameter("basis_min", "the perp/spot basis (fraction of spot) must be at or beyond ± this, the funding's way", 0.001, 0, 0.1),
        new StrategyParameter("htf_ema", "period of the 4h EMA whose trend the setup score checks (no trend is best)", 50, 5, 400, isInteger: true),
        new StrategyParameter("stop_atr", "stop distance in ATR(14) of 1h", 2, 0.5, 10),
        new StrategyParameter("time_stop_hours", "close the trade this long after entry", 24, 1, 240, isInteger: true));

    /// <summary>The spot symbol of the same venue, base and quote as <paramref name="perpetual"/>.</summary>
    public static Symbol SpotOf(Symbol perpetual) => new(perpetual.Venue, perpetual.BaseAsset, perpetual.QuoteAsset, MarketType.Spot);

    public void OnFunding(Symbol symbol, FundingRate rate, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(rate);
        if (_byPerpetual.TryGetValue(symbol, out var state))
        {
            state.PendingRate = rate.Rate;
            state.PendingTimeMs = rate.FundingTimeMs;
            state.DecisionOpenMs = long.MinValue;
        }
    }

    /// <summary>A 1h bar of the perpetual or of its spot symbol (the perpetual's 4h bars feed the higher-timeframe trend).</summary>
    private protected override void OnSignalBar(Seed001SymbolState symbolState, Symbol symbol, in Bar bar, in OhlcvPoint point, ISignalSink signals)
    {
        var state = (SymbolState)symbolState;
        if (symbol != state.Symbol)
        {
            state.Spot = bar;
            state.HasSpot = true;
        }
        else
        {
            state.Update(bar, point);
            if (state.PendingRate is not null && state.DecisionOpenMs == long.MinValue && Timeframe.H1.CloseTime(bar.OpenTimeMs) > state.PendingTimeMs)
            {
                state.DecisionOpenMs = bar.OpenTimeMs;
            }
        }

        TryDecide(state, signals);
    }

    private void TryDecide(SymbolState state, ISignalSink signals)
    {
        if (state.PendingRate is not { } rate || state.DecisionOpenMs == long.MinValue || !state.HasSpot)
        {
            return;
        }

        var perp = state.Perpetual;
        var spot = state.Spot;
        if (perp.OpenTimeMs != state.DecisionOpenMs || spot.OpenTimeMs != state.DecisionOpenMs)
        {
            if (perp.OpenTimeMs > state.DecisionOpenMs || spot.OpenTimeMs > state.DecisionOpenMs)
            {
                state.PendingRate = null; // the spot bar of that hour is missing: this funding is not traded
            }

            return;
        }

        state.PendingRate = null;
        var regime = state.Setup.Regime.Label;
        if (!state.Setup.IsReady || regime == RegimeLabels.TrendUp || regime == RegimeLabels.TrendDown)
        {
            return;
        }

        var basis = (double)((perp.Close - spot.Close) / spot.Close);
        PositionSide side;
        if (rate >= _fundingExtreme && basis >= _basisMinimum)
        {
            side = PositionSide.Short;
        }
        else if (rate <= -_fundingExtreme && basis <= -_basisMinimum)
        {
            side = PositionSide.Long;
        }
        else
        {
            return;
        }

        if (!Passes(state, state.Symbol, perp.OpenTimeMs, side, out var score))
        {
            return;
        }

        signals.Emit(Entry(
            state,
            state.Symbol,
            perp,
            side,
            $"funding {rate:0.#####} {(side == PositionSide.Short ? "≥" : "≤")} {(side == PositionSide.Short ? _fundingExtreme : -_fundingExtreme)}, basis {basis:0.#####}, regime {regime}",
            score,
            Seed001Setup.Item("funding_rate", rate),
            Seed001Setup.Item("basis", basis)));
    }

    /// <summary>Regime, bar features and ATR of the perpetual's 1h bars; the higher timeframe is its 4h EMA(<c>htf_ema</c>).</summary>
    private sealed class SymbolState(Symbol symbol, int htfEma) : Seed001SymbolState(Timeframe.H1, htfEma)
    {
        public Symbol Symbol { get; } = symbol;

        public Bar Perpetual { get; private set; }

        public Bar Spot { get; set; }

        public bool HasSpot { get; set; }

        /// <summary>The last funding rate not decided on yet.</summary>
        public decimal? PendingRate { get; set; }

        public long PendingTimeMs { get; set; }

        /// <summary>Open time of the 1h bar the pending funding is decided on (long.MinValue until that bar closed).</summary>
        public long DecisionOpenMs { get; set; } = long.MinValue;

        public void Update(in Bar bar, in OhlcvPoint point)
        {
            Perpetual = bar;
            Setup.Update(point);
        }

        public override void Reset()
        {
            base.Reset();
            Perpetual = default;
            Spot = default;
            HasSpot = false;
            PendingRate = null;
            PendingTimeMs = 0;
            DecisionOpenMs = long.MinValue;
        }
    }
}
