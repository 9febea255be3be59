using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Execution.Engine;

/// <summary>
/// The market history one backtest replays: bar streams (each with its <see cref="BarRole"/>) and funding
/// series, collected here and merged into one time-ordered event sequence by <see cref="BacktestLoop"/> (or, for
/// paper-on-replay, <see cref="ReplayFeeder"/>: the same sequence).
/// </summary>
/// <remarks>
/// <para>
/// Rules checked as streams are added: one stream per symbol × timeframe, at most one
/// <see cref="BarRole.Match"/> stream per symbol, funding rates of the named symbol in strictly increasing
/// time. Checked by <see cref="Validate"/> (and so by every run): every symbol that has bars has exactly one
/// Match stream — the bars the simulated exchange fills that symbol's orders against.
/// </para>
/// <para>
/// Registration order matters only to break ties: among bars closing at the same instant with the same
/// timeframe, the stream added first is delivered first; funding rates at the same instant come in the
/// order their series were added.
/// </para>
/// </remarks>
public sealed class MarketReplay
{
    private readonly List<BarStream> _streams = [];
    private readonly List<FundingSeries> _funding = [];

    /// <summary>The bar streams in registration order.</summary>
    public IReadOnlyList<BarStream> Streams => _streams;

    /// <summary>The funding series in registration order.</summary>
    public IReadOnlyList<FundingSeries> Funding => _funding;

    /// <summary>Total bars over all streams.</summary>
    public long BarCount { get; private set; }

    /// <summary>Total funding rates over all series.</summary>
    public long FundingCount { get; private set; }

    /// <summary>Bars + funding rates: the number of events a run delivers.</summary>
    public long EventCount => BarCount + FundingCount;

    /// <summary>
    /// Time (UTC ms) up to which a run fires the scheduler's timers after the last event; null (the default)
    /// means the last event's time. Set it to let time stops and periodic tasks run to the end of a backtest
    /// window that ends after the last bar closes. Must not be before the last event.
    /// </summary>
    public long? EndTimeMs { get; set; }

    /// <summary>Time of the first event (the earliest bar close or funding time), or null when there are none.</summary>
    public long? FirstEventTimeMs
    {
        get
        {
            var first = long.MaxValue;
            foreach (var stream in _streams)
            {
                first = Math.Min(first, stream.FirstCloseTimeMs);
            }

            foreach (var series in _funding)
            {
                if (series.Rates.Count > 0)
                {
                    first = Math.Min(first, series.Rates[0].FundingTimeMs);
                }
            }

            return first == long.MaxValue ? null : first;
        }
    }

    /// <summary>Time of the last event, or null when there are none.</summary>
    public long? LastEventTimeMs
    {
        get
        {
            var last = long.MinValue;
            foreach (var stream in _streams)
            {
                last = Math.Max(last, stream.LastCloseTimeMs);
            }

            foreach (var series in _funding)
            {
                if (series.Rates.Count > 0)
                {
                    last = Math.Max(last, series.Rates[^1].FundingTimeMs);
                }
            }

            return last == long.MinValue ? null : last;
        }
    }

    /// <summary>
    /// A replay of <paramref name="delivered"/> series (the symbol × timeframes the bot subscribes to) with optional
    /// lower-timeframe <paramref name="detail"/> series (used only for fills). Roles, per symbol: its detail series is
    /// the <see cref="BarRole.Match"/> stream and every delivered series is <see cref="BarRole.Deliver"/>; without a
    /// detail series, its finest delivered series is <see cref="BarRole.MatchAndDeliver"/>. A detail series with the
    /// same timeframe as a delivered one is not added twice: that delivered series becomes MatchAndDeliver.
    /// </summary>
    /// <exception cref="ArgumentException">Two detail series for one symbol, a detail series coarser than the
    /// symbol's finest delivered series, or two delivered series of one symbol × timeframe.</exception>
    public static MarketReplay For(IEnumerable<BarSeries> delivered, IEnumerable<BarSeries>? detail = null)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var deliveredList = delivered.ToList();
        var detailList = detail?.ToList() ?? [];
        if (deliveredList.Concat(detailList).Any(series => series is null))
        {
            throw new ArgumentException("market replay: a bar series is null", deliveredList.Any(series => series is null) ? nameof(delivered) : nameof(detail));
        }

        var detailBySymbol = new Dictionary<Symbol, BarSeries>();
        foreach (var series in detailList)
        {
            if (!detailBySymbol.TryAdd(series.Symbol, series))
            {
                throw new ArgumentException(
                    $"market replay: {series.Symbol} has two detail series ({detailBySymbol[series.Symbol].Timeframe} and {series.Timeframe}); " +
                    "a symbol has at most one (its orders fill against exactly one stream)",
                    nameof(detail));
            }
        }

        var finest = new Dictionary<Symbol, Timeframe>();
        foreach (var series in deliveredList)
        {
            if (!finest.TryGetValue(series.Symbol, out var current) || series.Timeframe.Milliseconds < current.Milliseconds)
            {
                finest[series.Symbol] = series.Timeframe;
            }
        }

        foreach (var (symbol, series) in detailBySymbol)
        {
            if (finest.TryGetValue(symbol, out var finestDelivered) && series.Timeframe.Milliseconds > finestDelivered.Milliseconds)
            {
                throw new ArgumentException(
                    $"market replay: the detail series of {symbol} is {series.Timeframe}, coarser than its delivered {finestDelivered} series; " +
                    $"detail bars must be as fine as or finer than every delivered timeframe",
                    nameof(detail));
            }
        }

        var replay = new MarketReplay();
        foreach (var series in deliveredList)
        {
            var matches = detailBySymbol.TryGetValue(series.Symbol, out var symbolDetail)
                ? symbolDetail.Timeframe == series.Timeframe
                : series.Timeframe == finest[series.Symbol];
            replay.AddBars(new BarStream(series, matches ? BarRole.MatchAndDeliver : BarRole.Deliver));
        }

        foreach (var series in detailList)
        {
            var alreadyDelivered = deliveredList.Any(d => d.Symbol == series.Symbol && d.Timeframe == series.Timeframe);
            if (!alreadyDelivered)
            {
                replay.AddBars(new BarStream(series, BarRole.Match));
            }
        }

        return replay;
    }

    /// <summary>Adds a bar stream (after the ones already added, which matters only for ties; see the remarks).</summary>
    /// <exception cref="ArgumentException">The symbol × timeframe already has a stream, or the symbol already has a Match stream.</exception>
    public MarketReplay AddBars(BarStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        foreach (var existing in _streams)
        {
            if (existing.Symbol != stream.Symbol)
            {
                continue;
            }

            if (existing.Timeframe == stream.Timeframe)
            {
                throw new ArgumentException(
                    $"market replay: {stream.Symbol} {stream.Timeframe} already has a stream ({existing}); one stream per symbol × timeframe",
                    nameof(stream));
            }

            if ((existing.Role & BarRole.Match) != 0 && (stream.Role & BarRole.Match) != 0)
            {
                throw new ArgumentException(
                    $"market replay: {stream.Symbol} already has a Match stream ({existing}), cannot add {stream}: " +
                    "exactly one stream per symbol is matched against",
                    nameof(stream));
            }
        }

        _streams.Add(stream);
        BarCount += stream.Count;
        return this;
    }

    /// <summary>Adds the funding rates of <paramref name="symbol"/> (each rate's symbol must be it; times strictly increasing).</summary>
    /// <exception cref="ArgumentException">Another symbol's rate, times not strictly increasing, or the symbol already has funding.</exception>
    public MarketReplay AddFunding(Symbol symbol, IReadOnlyList<FundingRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (symbol.Venue.Code is null)
        {
            throw new ArgumentException("market replay: funding symbol is required (got the default, empty symbol)", nameof(symbol));
        }

        if (_funding.Any(series => series.Symbol == symbol))
        {
            throw new ArgumentException($"market replay: {symbol} already has a funding series; add all of its rates at once", nameof(symbol));
        }

        var copy = new FundingRate[rates.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var rate = rates[i] ?? throw new ArgumentException($"market replay: {symbol} funding rate {i} is null", nameof(rates));
            if (rate.Symbol != symbol)
            {
                throw new ArgumentException($"market replay: funding rate {i} is for {rate.Symbol}, not {symbol}", nameof(rates));
            }

            if (i > 0 && rate.FundingTimeMs <= copy[i - 1].FundingTimeMs)
            {
                throw new ArgumentException(
                    $"market replay: {symbol} funding rate {i} at {rate.FundingTimeMs} ({EngineTime.Format(rate.FundingTimeMs)}) is not after rate {i - 1} " +
                    $"at {copy[i - 1].FundingTimeMs} ({EngineTime.Format(copy[i - 1].FundingTimeMs)}): funding times must strictly increase",
                    nameof(rates));
            }

            copy[i] = rate;
        }

        _funding.Add(new FundingSeries(symbol, copy));
        FundingCount += copy.Length;
        return this;
    }

    /// <summary>Throws when a symbol with bars has no <see cref="BarRole.Match"/> stream or <see cref="EndTimeMs"/> is before the last event.</summary>
    public void Validate()
    {
        foreach (var stream in _streams)
        {
            if (!_streams.Any(s => s.Symbol == stream.Symbol && (s.Role & BarRole.Match) != 0))
            {
                throw new InvalidOperationException(
                    $"market replay: {stream.Symbol} has bar streams ({string.Join(", ", _streams.Where(s => s.Symbol == stream.Symbol))}) " +
                    "but none with the Match role: exactly one stream per symbol must be matched against");
            }
        }

        if (EndTimeMs is { } end && LastEventTimeMs is { } last && end < last)
        {
            throw new InvalidOperationException(
                $"market replay: end time {end} ({EngineTime.Format(end)}) is before the last event at {last} ({EngineTime.Format(last)})");
        }
    }
}
