using System.Globalization;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Strategies.BuiltIn;

namespace Quorum.Strategies.Seed003;

/// <summary>
/// <c>dca</c> (seed 003 §6.2 DCAEngine), long-only, on the data's timeframe. A cycle:
/// <list type="bullet">
/// <item>Flat, the strategy tracks the highest close; when a close is trigger_pct % below it, step 1 is a limit buy at that
/// trigger price (marketable: the close is at or below it). The cycle's stop is stop_pct % below step 1's price.</item>
/// <item>With steps open and none pending, a close trigger_pct % below the last step's fill price asks for the next step
/// (a limit buy at that trigger price), up to max_steps, never at or below the stop (seed <c>check_dca_trigger</c> /
/// <c>execute_dca_step</c>).</item>
/// <item>The strategy keeps the quantity-weighted average entry of its open steps from <see cref="OnPositionOpened"/>; a close
/// at or above average × (1 + take_profit_pct / 100) emits one exit of the long side (closing every step: seed
/// <c>tp_triggered</c> → sell all), a close at or below the stop likewise (<c>sl_triggered</c>).</item>
/// </list>
/// Every step is its own trade: its <see cref="ExitSpec"/> has the cycle's stop as <see cref="ExitSpec.StopPrice"/> (the same
/// level for all steps) and a take-profit of the whole step at the cycle target as known when the step is asked for (the
/// average of the open steps' fills and this step's price, assuming equal quote amounts per step), so each step is
/// protected even if the strategy's exit is not acted on. The step amount is the step's most
/// (<see cref="StrategySignals.MaxNotionalKey"/>, quote asset): the risk layer sizes the step and caps it there.
/// Averages down: <see cref="StrategyDescriptor.AveragesDown"/> is set, so it refuses to start under <c>no_martingale: true</c>.
/// Confidence of step k = 1 − (k − 1) / max_steps (a fresh cycle is most confident; each deeper step has less budget left).
/// </summary>
public sealed class DcaStrategy : IPositionAwareStrategy
{
    public const string StrategyName = "dca";

    /// <summary>Largest <c>max_steps</c>.</summary>
    public const int MaxStepsLimit = 20;

    /// <summary>Signal metadata key of the step number (int, 1 = first step of the cycle).</summary>
    public const string StepKey = "dca_step";

    private readonly SubscriptionIndex _index;
    private readonly Book[] _books;
    private readonly decimal _triggerPercent;
    private readonly decimal _takeProfitPercent;
    private readonly decimal _stopPercent;
    private readonly decimal _stepAmount;
    private readonly int _retryBars;

    public DcaStrategy(StrategyParameters parameters, StrategyUniverse universe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(universe);
        _triggerPercent = (decimal)parameters.Get("trigger_pct");
        _takeProfitPercent = (decimal)parameters.Get("take_profit_pct");
        _retryBars = parameters.GetInt32("retry_bars");
        _stopPercent = (decimal)parameters.Get("stop_pct");
        _stepAmount = (decimal)parameters.Get("step_amount");
        MaxSteps = parameters.GetInt32("max_steps");
        if (!DcaMath.StepsFitAboveStop(MaxSteps, _triggerPercent, _stopPercent))
        {
            throw new ArgumentException(
                $"strategy {StrategyName}: max_steps = {MaxSteps} steps trigger_pct = {_triggerPercent}% apart reach the stop stop_pct = {_stopPercent}% below the first step; " +
                "lower max_steps or trigger_pct, or raise stop_pct");
        }

        Parameters = parameters;
        Subscriptions = universe.PrimarySubscriptions();
        _index = new SubscriptionIndex(Subscriptions);
        _books = [.. Subscriptions.Select(s => new Book(s.Symbol, s.Timeframe, MaxSteps))];
    }

    public static StrategyDescriptor Descriptor { get; } = new(
        StrategyName,
        "1.0.0",
        "Seed 003 DCAEngine (long-only): buys a step after a trigger % drop (from the high, then from the last buy), up to max steps; " +
        "sells everything at the average entry + take-profit %, or at the stop. Averages down: needs no_martingale: false.",
        [
            new StrategyParameter("trigger_pct", "drop in percent (from the highest close when flat, else from the last step's fill) that triggers the next step", 2, 0.1, 50),
            new StrategyParameter("step_amount", "quote amount per step (seed amount_per_step), carried in the signal metadata for the risk layer", 100, 1, 1e9),
            new StrategyParameter("max_steps", "most steps per cycle", 5, 1, MaxStepsLimit, isInteger: true),
            new StrategyParameter("take_profit_pct", "take profit in percent above the average entry", 3, 0.1, 100),
            new StrategyParameter("stop_pct", "stop in percent below the first step's price (every step's stop)", 15, 1, 90),
            new StrategyParameter("retry_bars", "bars to wait before asking again after a step was refused (risk layer, cash)", 12, 1, 10_000, isInteger: true),
        ],
        (parameters, universe) => new DcaStrategy(parameters, universe))
    {
        Origin = "seed 003",
        MaxOpenTradesPerSymbol = MaxStepsLimit,
        AveragesDown = true,
    };

    public string Name => StrategyName;

    public string Version => Descriptor.Version;

    public StrategyParameters Parameters { get; }

    public IReadOnlyList<StrategySubscription> Subscriptions { get; }

    public int MaxSteps { get; }

    /// <summary>The first close sets the highest price; the earliest step is on the second bar.</summary>
    public int WarmUpBars => 2;

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var slot = _index.Find(symbol, timeframe);
        if (slot < 0)
        {
            return;
        }

        var book = _books[slot];
        book.Bars++;
        book.LastBar = bar;
        var close = bar.Close;
        if (book.Open == 0 && book.Pending == 0)
        {
            book.Highest = Math.Max(book.Highest, close);
            var first = DcaMath.TriggerPrice(book.Highest, _triggerPercent);
            if (book.Bars >= WarmUpBars && book.Bars >= book.RetryAtBar && close <= first)
            {
                book.CycleStop = DcaMath.StopPrice(first, _stopPercent);
                Step(book, first, signals);
            }

            return;
        }

        if (book.ExitRequested || book.Open == 0)
        {
            return;
        }

        var average = book.AverageEntry;
        if (close >= DcaMath.TakeProfitPrice(average, _takeProfitPercent))
        {
            book.ExitRequested = true;
            signals.Emit(StrategySignals.Exit(Name, symbol, timeframe, bar, PositionSide.Long, Invariant($"dca take-profit: close {close} ≥ average entry {average:0.########} + {_takeProfitPercent}%")));
            return;
        }

        if (close <= book.CycleStop)
        {
            book.ExitRequested = true;
            signals.Emit(StrategySignals.Exit(Name, symbol, timeframe, bar, PositionSide.Long, Invariant($"dca stop: close {close} ≤ stop {book.CycleStop:0.########}")));
            return;
        }

        if (book.Pending == 0 && book.CycleSteps < MaxSteps)
        {
            var next = DcaMath.TriggerPrice(book.LastBuy, _triggerPercent);
            if (close <= next && next > book.CycleStop && book.Bars >= book.RetryAtBar)
            {
                Step(book, next, signals);
            }
        }
    }

    public void OnPositionOpened(StrategyPosition position, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (Resolve(position.Symbol, position.EntrySignal) is not { } book || book.Open == MaxSteps)
        {
            return;
        }

        book.TradeIds[book.Open] = position.TradeId;
        book.Quantities[book.Open] = position.Quantity;
        book.Prices[book.Open] = position.AverageEntry;
        book.Open++;
        book.Pending = Math.Max(0, book.Pending - 1);
        book.LastBuy = position.AverageEntry;
        book.TotalSteps++;
        book.ExitRequested = false; // a fill after an exit was asked for is a live step the exit did not cover
    }

    public void OnPositionClosed(ClosedStrategyPosition closed, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(closed);
        if (Resolve(closed.Position.Symbol, closed.Position.EntrySignal) is not { } book)
        {
            return;
        }

        var at = Array.IndexOf(book.TradeIds, closed.Position.TradeId, 0, book.Open);
        if (at < 0)
        {
            return;
        }

        book.Remove(at);
        book.Realized += closed.RealizedPnl;
        if (book.Open == 0 && book.Pending == 0)
        {
            book.Cycles++;
            book.EndCycle();
        }
    }

    public void OnEntryRejected(Signal signal, string reason, ISignalSink signals)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (Resolve(signal.Symbol, signal) is not { } book || book.Pending == 0)
        {
            return;
        }

        book.Pending--;
        book.CycleSteps--;
        book.RetryAtBar = book.Bars + _retryBars; // no request on every bar while refused
        if (book.Open == 0 && book.Pending == 0)
        {
            var high = book.Highest;
            book.EndCycle();
            book.Highest = high; // nothing was bought: the reference high stays
        }
    }

    /// <summary>The DCA state of <paramref name="symbol"/>: open steps, average entry, targets and totals.</summary>
    public DcaState GetState(Symbol symbol)
    {
        var book = Array.Find(_books, b => b.Symbol == symbol)
            ?? throw new ArgumentException($"strategy {StrategyName} does not trade {symbol}", nameof(symbol));
        var average = book.AverageEntry;
        return new DcaState(
            book.Open,
            book.Pending,
            book.OpenQuantity,
            average,
            book.Open > 0 ? DcaMath.TakeProfitPrice(average, _takeProfitPercent) : 0m,
            book.CycleStop,
            book.LastBuy,
            book.Highest,
            book.TotalSteps,
            book.Cycles,
            book.Realized);
    }

    public void Reset()
    {
        foreach (var book in _books)
        {
            book.Reset();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Step(Book book, decimal price, ISignalSink signals)
    {
        book.CycleSteps++;
        book.Pending++;
        var step = book.CycleSteps;
        var projected = book.ProjectedAverage(price);
        var target = DcaMath.TakeProfitPrice(projected, _takeProfitPercent);
        var r = Math.Min((target - price) / (price - book.CycleStop), Plan.MaxRiskR * 10m);
        var exits = new ExitSpec(stopPrice: book.CycleStop, takeProfits: [new TakeProfitAtR(r, 1m)]);
        var reference = step == 1 ? book.Highest : book.LastBuy;
        signals.Emit(StrategySignals.LimitEntry(
            Name,
            book.Symbol,
            book.Timeframe,
            book.LastBar,
            PositionSide.Long,
            price,
            Invariant($"dca step {step}/{MaxSteps}: close {book.LastBar.Close} is {_triggerPercent}% below {(step == 1 ? "the highest close" : "the last buy")} {reference}"),
            1.0 - ((double)(step - 1) / MaxSteps),
            exits,
            [
                KeyValuePair.Create<string, object>(StepKey, step),
                KeyValuePair.Create<string, object>("dca_max_steps", MaxSteps),
                KeyValuePair.Create<string, object>("dca_step_amount", _stepAmount),
                KeyValuePair.Create<string, object>(StrategySignals.MaxNotionalKey, _stepAmount),
                KeyValuePair.Create<string, object>("dca_trigger_price", price),
                KeyValuePair.Create<string, object>("dca_average_entry", projected),
                KeyValuePair.Create<string, object>("dca_take_profit", target),
                KeyValuePair.Create<string, object>("dca_stop", book.CycleStop),
            ]));
    }

    private Book? Resolve(Symbol symbol, Signal signal)
    {
        if (signal.Strategy != Name || !signal.Metadata.ContainsKey(StepKey))
        {
            return null;
        }

        foreach (var book in _books)
        {
            if (book.Symbol == symbol)
            {
                return book;
            }
        }

        return null;
    }

    private sealed class Book(Symbol symbol, Timeframe timeframe, int maxSteps)
    {
        private readonly decimal[] _scratch = new decimal[maxSteps + 1];

        public Symbol Symbol { get; } = symbol;

        public Timeframe Timeframe { get; } = timeframe;

        public Bar LastBar { get; set; }

        public long Bars { get; set; }

        /// <summary>The first bar count at which a refused step may be asked again.</summary>
        public long RetryAtBar { get; set; }

        public decimal Highest { get; set; }

        public string[] TradeIds { get; } = new string[maxSteps];

        public decimal[] Quantities { get; } = new decimal[maxSteps];

        public decimal[] Prices { get; } = new decimal[maxSteps];

        public int Open { get; set; }

        public int Pending { get; set; }

        public int CycleSteps { get; set; }

        public decimal LastBuy { get; set; }

        public decimal CycleStop { get; set; }

        public bool ExitRequested { get; set; }

        public int TotalSteps { get; set; }

        public int Cycles { get; set; }

        public decimal Realized { get; set; }

        public decimal AverageEntry => DcaMath.AverageEntry(Quantities.AsSpan(0, Open), Prices.AsSpan(0, Open));

        public decimal OpenQuantity
        {
            get
            {
                var total = 0m;
                for (var i = 0; i < Open; i++)
                {
                    total += Quantities[i];
                }

                return total;
            }
        }

        /// <summary>The average after a step at <paramref name="price"/> when every step buys the same quote amount.</summary>
        public decimal ProjectedAverage(decimal price)
        {
            Prices.AsSpan(0, Open).CopyTo(_scratch);
            _scratch[Open] = price;
            return DcaMath.EqualAmountAverage(_scratch.AsSpan(0, Open + 1));
        }

        public void Remove(int at)
        {
            for (var i = at; i < Open - 1; i++)
            {
                TradeIds[i] = TradeIds[i + 1];
                Quantities[i] = Quantities[i + 1];
                Prices[i] = Prices[i + 1];
            }

            Open--;
            TradeIds[Open] = null!;
        }

        /// <summary>Back to flat: the next cycle's reference high starts at the last close.</summary>
        public void EndCycle()
        {
            CycleSteps = 0;
            ExitRequested = false;
            CycleStop = 0m;
            LastBuy = 0m;
            Highest = LastBar.Close;
        }

        public void Reset()
        {
            LastBar = default;
            Bars = 0;
            RetryAtBar = 0;
            Highest = 0m;
            Array.Clear(TradeIds);
            Open = 0;
            Pending = 0;
            TotalSteps = 0;
            Cycles = 0;
            Realized = 0m;
            EndCycle();
            Highest = 0m;
        }
    }
}
