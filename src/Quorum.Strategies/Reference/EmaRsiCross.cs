using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators.Oscillators;
using Quorum.Strategies.BuiltIn;

namespace Quorum.Strategies.Reference;

/// <summary>
/// <c>ema_rsi_cross</c>, the reference strategy of the speed benchmarks (issue 4, target b): two EMAs of the
/// close with an RSI filter. When the fast EMA crosses above the slow one it exits a short and, if RSI(close)
/// is below <c>overbought</c>, enters long; when it crosses below it exits a long and, if shorts are allowed
/// (<c>short=1</c>) and RSI is above <c>oversold</c>, enters short. Exits come before entries in one bar.
/// Sizing (ATR stop), fees and the bracket orders are not the strategy's business: the risk layer (in a
/// backtest the <c>IPlanSizer</c>) and the OMS add them.
/// </summary>
/// <remarks>
/// A cross is a change of the sign of fast − slow between two closed bars with the slow EMA ready (the same
/// rule as <see cref="EmaCross"/>: equal EMAs keep the previous sign, the first ready sign is only a starting
/// point). The RSI value used is the one including the crossing bar; while RSI warms up (RSI period + 1 bars)
/// no entry is taken, exits still are. Nothing is allocated per bar: a bar without a cross only updates three
/// indicators; the reasons are built once.
/// </remarks>
public sealed class EmaRsiCross : IStrategy
{
    public const string StrategyName = "ema_rsi_cross";

    private readonly SubscriptionIndex _index;
    private readonly EmaCrossDetector _cross;
    private readonly RsiKernel[] _rsi; // value kernels side by side: no object per slot to reach through
    private readonly string _crossUp;
    private readonly string _crossDown;
    private readonly string _longReason;
    private readonly string _shortReason;

    public EmaRsiCross(StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        FastPeriod = parameters.GetInt32("fast");
        SlowPeriod = parameters.GetInt32("slow");
        RsiPeriod = parameters.GetInt32("rsi");
        Overbought = parameters.Get("overbought");
        Oversold = parameters.Get("oversold");
        AllowShort = parameters.GetInt32("short") == 1;
        if (Oversold >= Overbought)
        {
            throw new ArgumentException($"strategy {StrategyName}: oversold = {Oversold} must be below overbought = {Overbought}");
        }

        Parameters = parameters;
        Subscriptions = universe.PrimarySubscriptions();
        _index = new SubscriptionIndex(Subscriptions);
        _cross = new EmaCrossDetector(Subscriptions.Count, FastPeriod, SlowPeriod, StrategyName);
        _rsi = [.. Subscriptions.Select(_ => new RsiKernel(RsiPeriod))];
        _crossUp = $"ema {FastPeriod} crossed above ema {SlowPeriod}";
        _crossDown = $"ema {FastPeriod} crossed below ema {SlowPeriod}";
        _longReason = $"{_crossUp}, rsi {RsiPeriod} below {StrategyParameter.Format(Overbought)}";
        _shortReason = $"{_crossDown}, rsi {RsiPeriod} above {StrategyParameter.Format(Oversold)}";
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyName,
        "1.0.0",
        "EMA cross with an RSI filter: long on a fast-over-slow cross unless overbought, short (short=1) on the opposite cross unless oversold; exit on the opposite cross.",
        [
            new StrategyParameter("fast", "period of the fast EMA (bars)", 12, 1, 1000, isInteger: true),
            new StrategyParameter("slow", "period of the slow EMA (bars); must exceed fast", 26, 2, 5000, isInteger: true),
            new StrategyParameter("rsi", "period of the RSI filter (bars)", 14, 2, 1000, isInteger: true),
            new StrategyParameter("overbought", "no long entry while RSI is at or above this", 70, 1, 100),
            new StrategyParameter("oversold", "no short entry while RSI is at or below this; must be below overbought", 30, 0, 99),
            new StrategyParameter("short", "1 to take short entries (perpetuals), 0 for long-only", 0, 0, 1, isInteger: true),
        ],
        (parameters, universe) => new EmaRsiCross(parameters, universe));

    public string Name => StrategyName;

    public string Version => Descriptor.Version;

    public StrategyParameters Parameters { get; }

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public int RsiPeriod { get; }

    public double Overbought { get; }

    public double Oversold { get; }

    public bool AllowShort { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    /// <summary>The slow EMA is ready at bar <c>slow</c> and RSI at bar <c>rsi + 1</c>; the first cross is seen one bar after both.</summary>
    public int WarmUpBars => Math.Max(SlowPeriod, RsiPeriod + 1) + 1;

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var slot = _index.Find(symbol, timeframe);
        if (slot < 0)
        {
            return;
        }

        var close = (double)bar.Close;
        ref var rsi = ref _rsi[slot];
        rsi.Update(close);
        var cross = _cross.Update(slot, close);
        if (cross > 0)
        {
            if (AllowShort)
            {
                signals.Emit(StrategySignals.Exit(Name, symbol, timeframe, bar, PositionSide.Short, _crossUp));
            }

            if (rsi.IsReady && rsi.Value < Overbought)
            {
                signals.Emit(StrategySignals.Entry(Name, symbol, timeframe, bar, PositionSide.Long, _longReason));
            }
        }
        else if (cross < 0)
        {
            signals.Emit(StrategySignals.Exit(Name, symbol, timeframe, bar, PositionSide.Long, _crossDown));
            if (AllowShort && rsi.IsReady && rsi.Value > Oversold)
            {
                signals.Emit(StrategySignals.Entry(Name, symbol, timeframe, bar, PositionSide.Short, _shortReason));
            }
        }
    }

    public void Reset()
    {
        _cross.Reset();
        foreach (ref var rsi in _rsi.AsSpan())
        {
            rsi.Reset();
        }
    }
}
