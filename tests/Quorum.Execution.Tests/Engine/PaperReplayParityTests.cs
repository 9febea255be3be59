using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Engine;
using Quorum.Execution.Oms;
using Quorum.Execution.Simulation;
using Quorum.Execution.Venues;
using Trade = Quorum.Execution.Oms.Trade;

namespace Quorum.Execution.Tests.Engine;

/// <summary>
/// DESIGN §1.1 at the engine level: the same bars through the backtest path (<see cref="BacktestLoop"/>) and through
/// paper-on-replay (<see cref="ReplayFeeder"/> + <see cref="EventLoop"/>) into the real <see cref="SimulatedExchange"/>
/// and <see cref="OrderManager"/>, with a bot that trades often (bar rules and timer-driven time stops), give the same
/// decisions, order commands, execution reports, fills, funding payments, timer firings and final account — line by line.
/// </summary>
public sealed class PaperReplayParityTests
{
    private static readonly Symbol Spot = Symbol.Parse("BINANCE:BTCUSDT");
    private static readonly Symbol Perp = Symbol.Parse("BINANCE:ETHUSDT.P");

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    public void PaperOnReplay_TwoSymbolsThreeTimeframesAndFunding_GivesTheSameDecisionsOrdersAndFillsAsTheBacktest(int seed)
    {
        var backtest = Run(seed, days: 3, paper: false);
        var paper = Run(seed, days: 3, paper: true);

        backtest.Count(l => l.Contains("decide ", StringComparison.Ordinal)).ShouldBeGreaterThan(20);
        backtest.Count(l => l.Contains("fill ", StringComparison.Ordinal)).ShouldBeGreaterThan(20);
        backtest.Count(l => l.Contains("time stop", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        backtest.Count(l => l.Contains("funding ", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        paper.ShouldBe(backtest);
    }

    [Fact]
    public void PaperOnReplay_OnRandomMarkets_MatchesTheBacktestLineByLine_Property()
    {
        var property = Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed => Run(seed, days: 1, paper: true).SequenceEqual(Run(seed, days: 1, paper: false)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(8), property);
    }

    /// <summary>One run of the bot over the seeded market; everything it saw and did, one line each, with the clock.</summary>
    private static List<string> Run(int seed, int days, bool paper)
    {
        var (replay, startMs) = Market(seed, days);
        var clock = new SimulatedClock(startMs);
        var scheduler = new EngineScheduler(clock);
        var exchange = new SimulatedExchange(
            new SimulatedExchangeOptions
            {
                Instruments =
                [
                    new Instrument(Spot, new InstrumentFilters(0.01m, 0.00001m, 0.00001m, 5m)),
                    new Instrument(Perp, new InstrumentFilters(0.01m, 0.001m, 0.001m, 5m)),
                ],
                Fees = FeeSchedule.Default,
                Slippage = SlippageModel.Default,
            },
            clock);
        var bot = new Bot(clock, scheduler);
        exchange.Connect(bot);
        bot.Oms = new OrderManager(exchange, clock, new OmsOptions { BotId = "1" });
        bot.Oms.AddListener(bot);
        foreach (var symbol in new[] { Spot, Perp })
        {
            exchange.Subscribe(symbol, Timeframe.M5);
            exchange.Subscribe(symbol, Timeframe.H1);
        }

        scheduler.Every(15 * Timeframe.MinuteMs, due => bot.Log.Add($"{due} checkpoint cash {exchange.Balance("USDT")} perp {exchange.GetPosition(Perp).Quantity}"));
        var result = paper
            ? new ReplayFeeder(clock, scheduler) { Capacity = 64 }.RunAsync(replay, exchange, cancellationToken: TestContext.Current.CancellationToken).GetAwaiter().GetResult()
            : new BacktestLoop(clock, scheduler).Run(replay, exchange, cancellationToken: TestContext.Current.CancellationToken);
        bot.Log.Add($"result {result}");
        bot.Log.Add($"end cash {exchange.Balance("USDT")} BTC {exchange.Balance("BTC")} perp {exchange.GetPosition(Perp)}");
        return bot.Log;
    }

    /// <summary>
    /// Seeded random walks of 1m bars (matched) for a spot and a perpetual symbol, each with a 40-minute hole a day,
    /// resampled to 5m and 1h (delivered), and funding of the perpetual every 8 h plus one off the grid.
    /// </summary>
    private static (MarketReplay Replay, long StartMs) Market(int seed, int days)
    {
        const long start = 1_609_459_200_000; // 2021-01-01
        var random = new Random(seed);
        var minutes = new List<BarSeries>();
        var delivered = new List<BarSeries>();
        foreach (var symbol in new[] { Spot, Perp })
        {
            var bars = new List<Bar>();
            var price = symbol == Spot ? 100m : 50m;
            for (var i = 0; i < days * 1440; i++)
            {
                var next = Math.Max(1m, decimal.Round(price * (1m + ((decimal)(random.NextDouble() - 0.5) * 0.006m)), 2));
                var high = Math.Max(price, next) + (random.Next(0, 20) * 0.01m);
                var low = Math.Max(0.5m, Math.Min(price, next) - (random.Next(0, 20) * 0.01m));
                if (i % 1440 is < 700 or >= 740)
                {
                    bars.Add(new Bar(start + (i * Timeframe.MinuteMs), price, high, low, next, random.Next(5, 50)));
                }

                price = next;
            }

            minutes.Add(new BarSeries(symbol, Timeframe.M1, [.. bars]));
            delivered.Add(Resample(symbol, bars, Timeframe.M5));
            delivered.Add(Resample(symbol, bars, Timeframe.H1));
        }

        var replay = MarketReplay.For(delivered, minutes);
        var funding = Enumerable.Range(1, (days * 3) - 1)
            .Select(k => start + (k * 8 * Timeframe.HourMs))
            .Append(start + (7 * Timeframe.HourMs) + (13 * Timeframe.MinuteMs))
            .Order()
            .Select(t => new FundingRate(Perp, t, random.Next(-5, 10) / 10_000m))
            .ToList();
        replay.AddFunding(Perp, funding);
        return (replay, start);
    }

    private static BarSeries Resample(Symbol symbol, List<Bar> minutes, Timeframe timeframe) =>
        new(symbol, timeframe, [.. minutes
            .GroupBy(b => timeframe.AlignDown(b.OpenTimeMs))
            .Select(g => new Bar(g.Key, g.First().Open, g.Max(b => b.High), g.Min(b => b.Low), g.Last().Close, g.Sum(b => b.Volume)))]);

    /// <summary>
    /// Trades often: on a 5m bar of a flat symbol it goes long after an up bar (short after a down bar on the perpetual)
    /// with a 1 % stop and half out at +1 %; a 1h bar against the position closes it; every spot trade gets a 20-minute
    /// time stop on the engine scheduler. Logs every input and decision with the clock.
    /// </summary>
    private sealed class Bot(SimulatedClock clock, EngineScheduler scheduler) : IVenueListener, IOmsListener
    {
        private readonly Dictionary<Symbol, decimal> _lastClose = [];

        public List<string> Log { get; } = [];

        public OrderManager Oms { get; set; } = null!;

        public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
        {
            Write($"bar {symbol} {timeframe} {bar.OpenTimeMs} {bar.Close}");
            Oms.OnBar(symbol, timeframe, bar);
            var open = Oms.OpenTrades.FirstOrDefault(t => t.Symbol == symbol);
            if (timeframe == Timeframe.H1)
            {
                if (open is not null && (open.Side == PositionSide.Long ? bar.Close < bar.Open : bar.Close > bar.Open))
                {
                    Write($"decide close {open.TradeId}: 1h bar against it");
                    Oms.CloseTrade(open.TradeId, TradeExitReason.Signal, "1h against");
                }

                return;
            }

            var previous = _lastClose.GetValueOrDefault(symbol);
            _lastClose[symbol] = bar.Close;
            if (open is not null || previous == 0m || bar.Close == previous)
            {
                return;
            }

            var side = bar.Close > previous ? PositionSide.Long : PositionSide.Short;
            if (side == PositionSide.Short && !symbol.IsPerpetual)
            {
                return;
            }

            var sign = side == PositionSide.Long ? 1m : -1m;
            var stop = decimal.Round(bar.Close * (1m - (sign * 0.01m)), 2);
            var target = decimal.Round(bar.Close * (1m + (sign * 0.01m)), 2);
            Write($"decide {side} {symbol} at {bar.Close} stop {stop} target {target}");
            var trade = Oms.PlanTrade(new Plan(symbol, side, symbol.IsPerpetual ? 2m : 0.5m, bar.Close, stop, [new TakeProfit(target, 0.5m)]));
            if (!symbol.IsPerpetual)
            {
                scheduler.ScheduleAfter(20 * Timeframe.MinuteMs, due => TimeStop(trade, due));
            }
        }

        public void OnExecutionReport(ExecutionReport report)
        {
            Write(report.Fill is { } fill
                ? $"fill {report.ClientOrderId} {fill.Side} {fill.Quantity} @ {fill.Price} fee {fill.Fee} ({report.Kind})"
                : $"report {report.ClientOrderId} {report.Kind} {report.RejectCode} {report.Reason}");
            Oms.OnExecutionReport(report);
        }

        public void OnFunding(FundingPayment payment)
        {
            Write($"funding {payment}");
            Oms.OnFunding(payment);
        }

        public void OnOrderCommandSent(OrderCommand command) => Write($"command {command}");

        public void OnTradeClosed(Trade trade) => Write($"closed {trade.TradeId} {trade.Status} {trade.ExitReason} net {trade.NetPnl}");

        private void TimeStop(Trade trade, long due)
        {
            if (trade.IsOpen)
            {
                Write($"decide close {trade.TradeId}: time stop due {due}");
                Oms.CloseTrade(trade.TradeId, TradeExitReason.TimeStop, "time stop");
            }
        }

        private void Write(string line) => Log.Add(string.Create(CultureInfo.InvariantCulture, $"{clock.UtcNowMs} {line}"));
    }
}
