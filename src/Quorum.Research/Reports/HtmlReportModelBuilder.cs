using System.Globalization;
using Quorum.Core.Trading;
using Quorum.Research.Backtest;
using Quorum.Research.Statistics;

namespace Quorum.Research.Reports;

/// <summary>Turns a <see cref="BacktestResult"/> into what the HTML report draws.</summary>
internal static class HtmlReportModelBuilder
{
    public static HtmlReportModel Build(BacktestResult result)
    {
        var run = result.Run;
        var parameters = run.Parameters.Count == 0
            ? "none"
            : string.Join(' ', run.Parameters.Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        var title = $"quorum backtest: {run.Strategy} on {string.Join(", ", run.Symbols)} {run.Timeframe}";
        List<KeyValuePair<string, string>> facts =
        [
            Fact("strategy", $"{run.Strategy} {run.StrategyVersion} ({parameters})"),
            Fact("symbols", string.Join(", ", run.Symbols) + (run.IsSynthetic ? " — SYNTHETIC data, not real market data" : string.Empty)),
            Fact("timeframe", run.FillTimeframe is { } fill ? $"{run.Timeframe} (orders filled on {fill} bars)" : run.Timeframe.Name),
            Fact("data", $"{BacktestTime.Format(run.DataFromMs)} → {BacktestTime.Format(run.DataToMs)} ({run.Bars.ToString("N0", CultureInfo.InvariantCulture)} bars, {run.FundingEvents.ToString("N0", CultureInfo.InvariantCulture)} funding events)"),
            Fact("capital", $"{SummaryFormat.Money(run.InitialCapital)} {run.QuoteAsset}"),
            Fact("fees", run.Exchange.DescribeFees()),
            Fact("slippage", run.Exchange.DescribeSlippage()),
            Fact("fills", DescribeFills(run)),
            Fact("orders", DescribeOrders(run.Oms)),
            Fact("sizing", run.Sizing),
            Fact("signals", $"{result.Signals} ({result.SkippedSignalCount} skipped)"),
            Fact("order list hash", $"{result.OrderListHash} ({result.OrderCommands} commands)"),
        ];

        var columns = SummaryFormat.Columns;
        ReportTable Table(string caption, string first, IEnumerable<KeyValuePair<string, PerformanceSummary>> rows) => new(
            caption,
            [first, .. columns.Select(c => c.Header)],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Key, .. columns.Select(c => c.Format(r.Value))])]);

        var summary = result.Summary;
        var overall = new ReportTable(
            "Overall",
            ["metric", "value"],
            [
                ["trades (wins / losses)", $"{summary.Trades} ({summary.Wins} / {summary.Losses})"],
                ["win rate", SummaryFormat.Percent(summary.WinRate * 100)],
                ["profit factor", summary.ProfitFactor is null && summary.Wins > 0 ? "∞" : SummaryFormat.Ratio(summary.ProfitFactor)],
                ["expectancy", $"{SummaryFormat.Money(summary.Expectancy)} / {SummaryFormat.Ratio(summary.ExpectancyR)} R"],
                ["net PnL", $"{SummaryFormat.Money(summary.NetPnl)} {run.QuoteAsset}"],
                ["final equity", $"{SummaryFormat.Money(summary.FinalEquity)} {run.QuoteAsset}"],
                ["return / CAGR", $"{SummaryFormat.Percent(summary.ReturnPct)} / {SummaryFormat.Percent(summary.CagrPct)}"],
                ["max drawdown", $"{SummaryFormat.Percent(summary.MaxDrawdownPct)} (longest {SummaryFormat.Duration(summary.MaxDrawdownDurationMs)} under water)"],
                ["Sharpe / Sortino / Calmar", $"{SummaryFormat.Ratio(summary.Sharpe)} / {SummaryFormat.Ratio(summary.Sortino)} / {SummaryFormat.Ratio(summary.Calmar)}"],
                ["exposure", SummaryFormat.Percent(summary.Exposure * 100)],
                ["fees / funding", $"{SummaryFormat.Money(summary.Fees)} / {SummaryFormat.Money(summary.Funding)}"],
                ["average trade", SummaryFormat.Duration(summary.AverageTradeDurationMs)],
            ]);

        var charts = result.Series
            .Select(series => new CandleChart(
                series.Symbol,
                series.Timeframe,
                series.Memory,
                [.. result.Trades.Where(t => t.Symbol == series.Symbol).SelectMany(Markers)]))
            .ToList();

        var trades = new ReportTable(
            $"{result.Trades.Count} closed trades (see trades.csv)",
            ["#", "strategy", "symbol", "side", "entry (UTC)", "exit (UTC)", "qty", "entry", "exit", "net PnL", "fees", "R", "exit reason"],
            [.. result.Trades.Select((t, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture),
                t.Strategy,
                t.Symbol.ToString(),
                t.Side == PositionSide.Long ? "LONG" : "SHORT",
                BacktestTime.Format(t.EntryTimeMs),
                BacktestTime.Format(t.ExitTimeMs),
                t.Quantity.ToString(CultureInfo.InvariantCulture),
                t.AverageEntryPrice.ToString(CultureInfo.InvariantCulture),
                t.AverageExitPrice.ToString(CultureInfo.InvariantCulture),
                SummaryFormat.Money(t.NetPnl),
                SummaryFormat.Money(t.Fees),
                t.RMultiple is { } r ? decimal.Round(r, 2).ToString(CultureInfo.InvariantCulture) : SummaryFormat.Undefined,
                t.ExitReason,
            ])]);

        return new HtmlReportModel(
            title,
            facts,
            [overall, Table("Per strategy", "strategy", summary.ByStrategy), Table("Per symbol", "symbol", summary.BySymbol)],
            result.EquityTimesMs,
            result.Equity,
            charts,
            trades);
    }

    /// <summary>Fills are stamped with the close of the bar they happened in; a marker 1 ms earlier lands on that bar.</summary>
    private static IEnumerable<ReportMarker> Markers(TradeSummary trade)
    {
        var buyToOpen = trade.Side == PositionSide.Long;
        var quantity = trade.Quantity.ToString(CultureInfo.InvariantCulture);
        yield return new ReportMarker(trade.EntryTimeMs - 1, IsEntry: true, IsBuy: buyToOpen, (double)trade.AverageEntryPrice, $"{(buyToOpen ? "buy" : "sell")} {quantity}");
        yield return new ReportMarker(trade.ExitTimeMs - 1, IsEntry: false, IsBuy: !buyToOpen, (double)trade.AverageExitPrice, $"exit {trade.ExitReason}");
    }

    private static KeyValuePair<string, string> Fact(string key, string value) => KeyValuePair.Create(key, value);

    private static string DescribeOrders(OmsSettings oms)
    {
        var slicing = (oms.MaxChildQuantity, oms.MaxChildNotional) switch
        {
            (null, null) => "not sliced",
            ({ } quantity, null) => $"sliced to at most {quantity.ToString(CultureInfo.InvariantCulture)} per child",
            (null, { } notional) => $"sliced to at most {notional.ToString(CultureInfo.InvariantCulture)} notional per child",
            ({ } quantity, { } notional) => $"sliced to at most {quantity.ToString(CultureInfo.InvariantCulture)} and {notional.ToString(CultureInfo.InvariantCulture)} notional per child",
        };
        var postOnly = oms.PostOnlyEntries ? $"limit entries post-only ({oms.PostOnlyRetries} retries)" : "limit entries may take";
        var breakEven = oms.BreakEvenTriggerR is { } r ? $"break-even at {r.ToString(CultureInfo.InvariantCulture)} R unless the strategy sets one" : "break-even as the strategy sets";
        return $"{oms.BracketsName} brackets; {slicing}; {postOnly}; {breakEven}";
    }

    private static string DescribeFills(BacktestRunInfo run)
    {
        var exchange = run.Exchange;
        var cap = exchange.ParticipationCap is { } share
            ? $"at most {(share * 100m).ToString("0.##", CultureInfo.InvariantCulture)} % of a bar's volume"
            : "no volume cap";
        return $"intrabar path {exchange.IntrabarPathName}; limits fill {(exchange.LimitFillsOnTouch ? "on touch" : "when traded through")}; " +
               $"{cap}; perpetual leverage {run.Leverage.ToString(CultureInfo.InvariantCulture)}";
    }
}
