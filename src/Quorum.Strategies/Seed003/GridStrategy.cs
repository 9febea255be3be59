using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Indicators;
using Quorum.Indicators.Volatility;
using Quorum.Strategies.BuiltIn;

namespace Quorum.Strategies.Seed003;

/// <summary>
/// <c>grid</c> (seed 003 §6.1 GridEngine), a long-only grid on 1h bars. On the first bar with ATR ready it lays
/// <c>grid_levels</c> levels from <c>lower_price</c> to <c>upper_price</c> (arithmetic or geometric); when the bounds are
/// 0 it uses the seed's ATR template (close ± range_atr × ATR, and with grid_levels = 0 the level count round(span / ATR)
/// clamped to [5, 50]). The grid stop is stop_pct % below the lower bound.
/// <list type="bullet">
/// <item>Buy below the price: every level except the top one that is strictly below the bar's close and has no order gets a
/// limit buy (<see cref="StrategySignals.LimitEntry"/>) whose <see cref="ExitSpec"/> is a take-profit of the whole trade at
/// the next level up (in R from the level spacing and the grid stop) and the grid stop as <see cref="ExitSpec.StopPrice"/>.
/// Sell above the price: long-only, the sells are those take-profits (no inventory is held for levels above the price).</item>
/// <item>Rebalancing (seed <c>handle_order_filled</c>): a buy fill (<see cref="OnPositionOpened"/>) marks the level open —
/// its sell at the next level is the trade's take-profit; a take-profit fill (<see cref="OnPositionClosed"/>) completes a
/// round trip and immediately re-arms the buy at that level. A stop-out stops the grid (no more buys on that symbol).</item>
/// <item>A close at or below the grid stop while a level has a pending buy or an open trade emits one exit of the long side
/// and stops the grid (below its range with nothing at stake, the grid just waits for the price to come back).</item>
/// </list>
/// Statistics per symbol and level (<see cref="GetStats"/>) and in every signal's metadata (<c>grid_level</c>, …).
/// Confidence = 0.5 + 0.5 × (upper − level) / (upper − lower): a buy lower in the range is more confident.
/// </summary>
public sealed class GridStrategy : IPositionAwareStrategy
{
    public const string StrategyName = "grid";

    /// <summary>Signal metadata key of the level index (int, 0 = lowest).</summary>
    public const string LevelKey = "grid_level";

    private const string ReasonTakeProfit = "take_profit";
    private const string ReasonStop = "stop_loss";
    private const string ReasonLiquidation = "liquidation";

    private readonly SubscriptionIndex _index;
    private readonly Book[] _books;
    private readonly decimal _lowerPrice;
    private readonly decimal _upperPrice;
    private readonly decimal _rangeAtr;
    private readonly int _levelCount;
    private readonly decimal _stopFraction;
    private readonly int _retryBars;

    public GridStrategy(StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        _lowerPrice = (decimal)parameters.Get("lower_price");
        _upperPrice = (decimal)parameters.Get("upper_price");
        if ((_lowerPrice == 0m) != (_upperPrice == 0m) || (_lowerPrice > 0m && _lowerPrice >= _upperPrice))
        {
            throw new ArgumentException(
                $"strategy {StrategyName}: lower_price = {_lowerPrice}, upper_price = {_upperPrice}: give both with lower_price < upper_price, or neither (0: ATR template)");
        }

        _levelCount = parameters.GetInt32("grid_levels");
        if (_levelCount == 1)
        {
            throw new ArgumentException($"strategy {StrategyName}: grid_levels = 1: need 0 (ATR template) or at least 2");
        }

        _rangeAtr = (decimal)parameters.Get("range_atr");
        _stopFraction = (decimal)parameters.Get("stop_pct") / 100m;
        _retryBars = parameters.GetInt32("retry_bars");
        Mode = parameters.GetInt32("geometric") == 1 ? GridMode.Geometric : GridMode.Arithmetic;
        var atrPeriod = parameters.GetInt32("atr_period");
        Parameters = parameters;
        Subscriptions = universe.SubscriptionsFor(Descriptor.Timeframes!);
        _index = new SubscriptionIndex(Subscriptions);
        _books = [.. Subscriptions.Select(s => new Book(s.Symbol, s.Timeframe, atrPeriod))];
        WarmUpBars = atrPeriod + 1;
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyName,
        "1.0.0",
        "Seed 003 GridEngine (long-only): limit buys at arithmetic/geometric levels below the price, each taking profit at the next level up; " +
        "re-arms a level when its take-profit fills; bounds from parameters or the seed's ATR template (price ± 2 ATR).",
        [
            new StrategyParameter("lower_price", "lower bound of the grid (quote price); 0 with upper_price = 0: first close − range_atr × ATR", 0, 0, 1e9),
            new StrategyParameter("upper_price", "upper bound of the grid (quote price); 0 with lower_price = 0: first close + range_atr × ATR", 0, 0, 1e9),
            new StrategyParameter("range_atr", "half-width of the template range in ATRs (seed: 2)", 2, 0.5, 50),
            new StrategyParameter("grid_levels", "levels from lower to upper inclusive; 0: round(span / ATR) clamped to [5, 50] (seed template)", 0, 0, MaxLevels, isInteger: true),
            new StrategyParameter("geometric", "0: arithmetic levels, 1: geometric levels", 0, 0, 1, isInteger: true),
            new StrategyParameter("stop_pct", "grid stop, percent below the lower bound", 5, 0.5, 50),
            new StrategyParameter("atr_period", "ATR period of the template (bars, Wilder)", 14, 2, 200, isInteger: true),
            new StrategyParameter("retry_bars", "bars a level waits before asking again after its buy was refused (risk layer, cash)", 12, 1, 10_000, isInteger: true),
        ],
        (parameters, universe) => new GridStrategy(parameters, universe))
    {
        Origin = "seed 003",
        Timeframes = [Timeframe.H1],
        MaxOpenTradesPerSymbol = MaxLevels,
    };

    /// <summary>Largest <c>grid_levels</c>; a grid holds at most one trade per level below the top one.</summary>
    public const int MaxLevels = 100;

    public string Name => StrategyName;

    public string Version => Descriptor.Version;

    public StrategyParameters Parameters { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    public GridMode Mode { get; }

    /// <summary>ATR(atr_period) is ready at bar atr_period (the first true range needs a previous close); the grid is laid there.</summary>
    public int WarmUpBars { get; }

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var slot = _index.Find(symbol, timeframe);
        if (slot < 0)
        {
            return;
        }

        var book = _books[slot];
        book.Atr.Update(OhlcvPoint.From(bar));
        book.LastBar = bar;
        book.HasBar = true;
        if (!book.Atr.IsReady || book.IsStopped)
        {
            return;
        }

        if (book.Levels.Length == 0)
        {
            Lay(book, bar.Close, (decimal)book.Atr.Value);
        }

        if (bar.Close <= book.Stop && book.HasExposure)
        {
            book.IsStopped = true;
            signals.Emit(StrategySignals.Exit(Name, symbol, timeframe, bar, PositionSide.Long, $"close {bar.Close} at or below the grid stop {book.Stop}"));
            return;
        }

        for (var level = 0; level < book.Levels.Length - 1; level++)
        {
            if (book.States[level] == GridLevelState.Idle && book.Levels[level] < bar.Close && bar.OpenTimeMs >= book.RetryFromMs[level])
            {
                Arm(book, level, signals);
            }
        }
    }

    public void OnPositionOpened(StrategyPosition position, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (Resolve(position.Symbol, position.EntrySignal) is not ({ } book, var level))
        {
            return;
        }

        book.States[level] = GridLevelState.Open;
        book.Fills[level]++;
    }

    public void OnPositionClosed(ClosedStrategyPosition closed, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(closed);
        ArgumentNullException.ThrowIfNull(signals);
        if (Resolve(closed.Position.Symbol, closed.Position.EntrySignal) is not ({ } book, var level))
        {
            return;
        }

        book.SellFills++;
        book.Profit[level] += closed.RealizedPnl;
        book.States[level] = GridLevelState.Idle;
        if (closed.ExitReason is ReasonStop or ReasonLiquidation)
        {
            book.IsStopped = true;
            return;
        }

        if (closed.ExitReason != ReasonTakeProfit)
        {
            return; // an exit by signal, time or end of data: the level is re-armed by a later bar, if any
        }

        book.RoundTrips[level]++;
        if (!book.IsStopped && book.HasBar && book.Levels[level] < book.LastBar.Close)
        {
            Arm(book, level, signals);
        }
    }

    public void OnEntryRejected(Signal signal, string reason, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (Resolve(signal.Symbol, signal) is ({ } book, var level) && book.States[level] == GridLevelState.Pending)
        {
            // Asked again on a bar that closes above it, once retry_bars bars have passed (no request on every bar while refused).
            book.States[level] = GridLevelState.Idle;
            book.RetryFromMs[level] = book.HasBar ? book.LastBar.OpenTimeMs + ((long)_retryBars * book.Timeframe.Milliseconds) : 0;
        }
    }

    /// <summary>The grid of <paramref name="symbol"/>: bounds, levels, fills, round trips and realized profit per level.</summary>
    public GridStats GetStats(Symbol symbol)
    {
        var book = Array.Find(_books, b => b.Symbol == symbol)
            ?? throw new ArgumentException($"strategy {StrategyName} does not trade {symbol}", nameof(symbol));
        var levels = new GridLevelStats[book.Levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            var top = i == levels.Length - 1;
            levels[i] = new GridLevelStats(
                i,
                book.Levels[i],
                top ? 0m : GridLevels.ProfitPercent(book.Levels[i], book.Levels[i + 1]),
                book.Fills[i],
                book.RoundTrips[i],
                book.Profit[i],
                top ? GridLevelState.SellOnly : book.States[i]);
        }

        return new GridStats(
            book.Levels.Length > 0,
            book.IsStopped,
            Mode,
            book.Levels.Length > 0 ? book.Levels[0] : 0m,
            book.Levels.Length > 0 ? book.Levels[^1] : 0m,
            book.Stop,
            book.Fills.Sum(),
            book.SellFills,
            book.RoundTrips.Sum(),
            book.Profit.Sum(),
            levels);
    }

    public void Reset()
    {
        foreach (var book in _books)
        {
            book.Reset();
        }
    }

    private void Lay(Book book, decimal close, decimal atr)
    {
        decimal lower;
        decimal upper;
        if (_lowerPrice > 0m)
        {
            (lower, upper) = (_lowerPrice, _upperPrice);
        }
        else
        {
            var half = _rangeAtr * atr;
            (lower, upper) = (Math.Max(close - half, close / 100m), close + half);
            if (upper <= lower)
            {
                (lower, upper) = (close * 0.99m, close * 1.01m); // a flat history (ATR 0): a ±1 % grid
            }
        }

        var count = _levelCount > 0 ? _levelCount
            : atr > 0m ? GridLevels.TemplateCount(upper - lower, atr)
            : GridLevels.TemplateMinimum;
        book.Levels = GridLevels.Compute(lower, upper, count, Mode);
        book.Stop = lower * (1m - _stopFraction);
        book.States = new GridLevelState[count];
        book.RetryFromMs = new long[count];
        book.Fills = new int[count];
        book.RoundTrips = new int[count];
        book.Profit = new decimal[count];
        book.Exits = new ExitSpec[count];
        for (var i = 0; i < count - 1; i++)
        {
            var r = Math.Min(GridLevels.TakeProfitR(book.Levels[i], book.Levels[i + 1], book.Stop), MaxTakeProfitR);
            book.Exits[i] = new ExitSpec(stopPrice: book.Stop, takeProfits: [new TakeProfitAtR(r, 1m)]);
        }
    }

    /// <summary>Largest take-profit an <see cref="ExitSpec"/> accepts (a level spacing far wider than the distance to the stop is capped there).</summary>
    private const decimal MaxTakeProfitR = Plan.MaxRiskR * 10m;

    private void Arm(Book book, int level, ISignalSink signals)
    {
        book.States[level] = GridLevelState.Pending;
        var price = book.Levels[level];
        var next = book.Levels[level + 1];
        var lower = book.Levels[0];
        var upper = book.Levels[^1];
        signals.Emit(StrategySignals.LimitEntry(
            Name,
            book.Symbol,
            book.Timeframe,
            book.LastBar,
            PositionSide.Long,
            price,
            $"grid level {level} buy at {price}, sell at {next}",
            0.5 + (0.5 * (double)((upper - price) / (upper - lower))),
            book.Exits[level],
            [
                KeyValuePair.Create<string, object>(LevelKey, level),
                KeyValuePair.Create<string, object>("grid_price", price),
                KeyValuePair.Create<string, object>("grid_take_profit", next),
                KeyValuePair.Create<string, object>("grid_profit_pct", GridLevels.ProfitPercent(price, next)),
                KeyValuePair.Create<string, object>("grid_mode", Mode == GridMode.Geometric ? "geometric" : "arithmetic"),
                KeyValuePair.Create<string, object>("grid_levels", book.Levels.Length),
                KeyValuePair.Create<string, object>("grid_stop", book.Stop),
                KeyValuePair.Create<string, object>("grid_fills", book.Fills[level]),
                KeyValuePair.Create<string, object>("grid_round_trips", book.RoundTrips[level]),
                KeyValuePair.Create<string, object>("grid_realized", book.Profit[level]),
            ]));
    }

    private (Book Book, int Level)? Resolve(Symbol symbol, Signal signal)
    {
        if (signal.Strategy != Name || !signal.Metadata.TryGetValue(LevelKey, out var value) || value is not int level)
        {
            return null;
        }

        foreach (var book in _books)
        {
            if (book.Symbol == symbol && level >= 0 && level < book.Levels.Length - 1)
            {
                return (book, level);
            }
        }

        return null;
    }

    private sealed class Book(Symbol symbol, Timeframe timeframe, int atrPeriod)
    {
        public Symbol Symbol { get; } = symbol;

        public Timeframe Timeframe { get; } = timeframe;

        public Atr Atr { get; } = new(atrPeriod);

        public Bar LastBar { get; set; }

        public bool HasBar { get; set; }

        public bool IsStopped { get; set; }

        public decimal Stop { get; set; }

        public decimal[] Levels { get; set; } = [];

        public GridLevelState[] States { get; set; } = [];

        public ExitSpec[] Exits { get; set; } = [];

        public int[] Fills { get; set; } = [];

        /// <summary>Per level, the first bar open time at which a refused buy may be asked again.</summary>
        public long[] RetryFromMs { get; set; } = [];

        public int[] RoundTrips { get; set; } = [];

        public decimal[] Profit { get; set; } = [];

        public int SellFills { get; set; }

        /// <summary>Whether any level has a pending buy or an open trade (a grid with nothing at stake is not stopped by the price).</summary>
        public bool HasExposure
        {
            get
            {
                foreach (var state in States)
                {
                    if (state is GridLevelState.Pending or GridLevelState.Open)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public void Reset()
        {
            Atr.Reset();
            LastBar = default;
            HasBar = false;
            IsStopped = false;
            Stop = 0m;
            Levels = [];
            States = [];
            RetryFromMs = [];
            Exits = [];
            Fills = [];
            RoundTrips = [];
            Profit = [];
            SellFills = 0;
        }
    }
}
