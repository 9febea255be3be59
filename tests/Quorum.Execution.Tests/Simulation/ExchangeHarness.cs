using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Engine;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Tests.Simulation;

/// <summary>A simulated exchange on a simulated clock, with a listener that records everything in order.</summary>
internal sealed class ExchangeHarness : IVenueListener
{
    public static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");
    public static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT.P");

    /// <summary>Spot BTCUSDT: tick 0.01, step 0.00001, min notional 5 (Binance's filters).</summary>
    public static readonly Instrument BtcInstrument = new(Btc, new InstrumentFilters(0.01m, 0.00001m, 0.00001m, 5m));

    /// <summary>USDT-M ETHUSDT: tick 0.01, step 0.001, min notional 5.</summary>
    public static readonly Instrument EthInstrument = new(Eth, new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m));

    public const long Start = 1_609_459_200_000; // 2021-01-01 00:00 UTC

    private readonly Dictionary<Symbol, long> _nextOpen = [];

    public ExchangeHarness(SimulatedExchangeOptions? options = null)
    {
        Options = (options ?? new SimulatedExchangeOptions { Slippage = SlippageModel.None }) with { Instruments = [BtcInstrument, EthInstrument] };
        Clock = new SimulatedClock(Start);
        Exchange = new SimulatedExchange(Options, Clock);
        Exchange.Connect(this);
    }

    public SimulatedExchangeOptions Options { get; }

    public SimulatedClock Clock { get; }

    public SimulatedExchange Exchange { get; }

    public List<ExecutionReport> Reports { get; } = [];

    public List<FundingPayment> Funding { get; } = [];

    public List<(Symbol Symbol, Bar Bar)> Delivered { get; } = [];

    /// <summary>Every fill with the Match bar it happened on.</summary>
    public List<(ExecutionReport Report, Bar Bar)> FillsWithBar { get; } = [];

    /// <summary>Called for each report, after it is recorded (lets a test react like an OMS would).</summary>
    public Action<ExecutionReport>? OnReport { get; set; }

    private Bar? CurrentBar { get; set; }

    public static OrderRequest Market(string id, OrderSide side, decimal quantity, Symbol? symbol = null, bool reduceOnly = false) =>
        new(id, symbol ?? Btc, side, OrderType.Market, quantity, reduceOnly: reduceOnly);

    public static OrderRequest Limit(string id, OrderSide side, decimal quantity, decimal price, TimeInForce tif = TimeInForce.Gtc, Symbol? symbol = null, bool reduceOnly = false) =>
        new(id, symbol ?? Btc, side, OrderType.Limit, quantity, price, timeInForce: tif, reduceOnly: reduceOnly);

    public static OrderRequest Stop(string id, OrderSide side, decimal quantity, decimal trigger, Symbol? symbol = null, decimal? limit = null, bool reduceOnly = false) =>
        new(id, symbol ?? Btc, side, limit is null ? OrderType.StopMarket : OrderType.StopLimit, quantity, limit, trigger, reduceOnly: reduceOnly);

    /// <summary>Replays one 1m bar of <paramref name="symbol"/> (clock moved to its close first).</summary>
    public void Bar(decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000m, Symbol? symbol = null, BarRole role = BarRole.MatchAndDeliver)
    {
        var s = symbol ?? Btc;
        var openTime = _nextOpen.GetValueOrDefault(s, Start);
        _nextOpen[s] = openTime + Timeframe.M1.Milliseconds;
        Clock.AdvanceTo(Math.Max(Clock.UtcNowMs, openTime + Timeframe.M1.Milliseconds));
        var bar = new Bar(openTime, open, high, low, close, volume);
        CurrentBar = bar;
        Exchange.OnReplayBar(s, Timeframe.M1, bar, role);
        CurrentBar = null;
    }

    public void Flat(decimal price, int count = 1, Symbol? symbol = null)
    {
        for (var i = 0; i < count; i++)
        {
            Bar(price, price, price, price, symbol: symbol);
        }
    }

    public IEnumerable<ExecutionReport> Of(string clientOrderId) => Reports.Where(r => r.ClientOrderId == clientOrderId);

    public ExecutionReport Last(string clientOrderId) => Of(clientOrderId).Last();

    public IEnumerable<Fill> Fills(string clientOrderId) => Of(clientOrderId).Select(r => r.Fill).OfType<Fill>();

    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar) => Delivered.Add((symbol, bar));

    public void OnExecutionReport(ExecutionReport report)
    {
        Reports.Add(report);
        if (report.Fill is not null && CurrentBar is { } bar)
        {
            FillsWithBar.Add((report, bar));
        }

        OnReport?.Invoke(report);
    }

    public void OnFunding(FundingPayment payment) => Funding.Add(payment);
}
