using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Quorum.Research.Backtest;
using Quorum.Research.Statistics;

namespace Quorum.Research.Reports;

/// <summary>
/// Writes <c>result.json</c>: the overall statistics as top-level snake_case keys (<c>trades</c>,
/// <c>win_rate</c>, <c>profit_factor</c>, <c>max_drawdown_pct</c>, <c>net_pnl</c>, <c>fees</c>, …),
/// <c>by_strategy</c> and <c>by_symbol</c> with the same keys, the run parameters and data range under
/// <c>run</c>, <c>order_list_hash</c>, and under <c>risk</c> every risk-gate decision and governor event (when the run obeyed a governance.yaml). Money is an exact decimal, ratios are doubles written
/// round-trip, undefined ratios are null, fractions (<c>win_rate</c>) are 0..1 and <c>*_pct</c> are
/// percentages. No wall-clock time is written: the same run gives the same bytes.
/// </summary>
public static class ResultJsonWriter
{
    /// <summary>Version of the result.json layout.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("format_version", FormatVersion);
            WriteStatistics(json, result.Summary);
            json.WriteString("order_list_hash", result.OrderListHash);
            json.WriteNumber("order_commands", result.OrderCommands);
            json.WriteNumber("signals", result.Signals);
            json.WriteNumber("skipped_signals", result.SkippedSignalCount);
            json.WriteNumber("open_trades_at_end", result.OpenTradesAtEnd);
            WriteBreakdown(json, "by_strategy", result.Summary.ByStrategy);
            WriteBreakdown(json, "by_symbol", result.Summary.BySymbol);
            WriteRun(json, result.Run);
            if (result.Risk is { } risk)
            {
                RiskJson.Write(json, risk);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteStatistics(Utf8JsonWriter json, PerformanceSummary s)
    {
        json.WriteNumber("trades", s.Trades);
        json.WriteNumber("wins", s.Wins);
        json.WriteNumber("losses", s.Losses);
        Number(json, "win_rate", s.WinRate);
        Number(json, "profit_factor", s.ProfitFactor);
        Number(json, "expectancy", s.Expectancy);
        Number(json, "expectancy_r", s.ExpectancyR);
        Number(json, "average_r", s.AverageR);
        Number(json, "best_trade", s.BestTrade);
        Number(json, "worst_trade", s.WorstTrade);
        json.WriteNumber("net_pnl", s.NetPnl);
        json.WriteNumber("gross_profit", s.GrossProfit);
        json.WriteNumber("gross_loss", s.GrossLoss);
        json.WriteNumber("fees", s.Fees);
        json.WriteNumber("funding", s.Funding);
        json.WriteNumber("initial_equity", s.InitialEquity);
        json.WriteNumber("final_equity", s.FinalEquity);
        Number(json, "return_pct", s.ReturnPct);
        Number(json, "cagr_pct", s.CagrPct);
        Number(json, "max_drawdown_pct", s.MaxDrawdownPct);
        Number(json, "max_drawdown_duration_hours", s.MaxDrawdownDurationMs / 3_600_000d);
        Number(json, "sharpe", s.Sharpe);
        Number(json, "sortino", s.Sortino);
        Number(json, "calmar", s.Calmar);
        Number(json, "exposure_pct", s.Exposure * 100d);
        Number(json, "average_trade_duration_hours", s.AverageTradeDurationMs / 3_600_000d);
        Number(json, "periods_per_year", s.PeriodsPerYear);
    }

    private static void WriteBreakdown(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, PerformanceSummary> breakdown)
    {
        json.WriteStartObject(name);
        foreach (var (key, summary) in breakdown.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(key);
            WriteStatistics(json, summary);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, BacktestRunInfo run)
    {
        json.WriteStartObject("run");
        json.WriteString("strategy", run.Strategy);
        json.WriteString("strategy_version", run.StrategyVersion);
        json.WriteNumber("strategy_api", Strategies.StrategyApi.Version);
        json.WriteStartObject("parameters");
        foreach (var (key, value) in run.Parameters)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
        json.WriteStartArray("symbols");
        foreach (var symbol in run.Symbols)
        {
            json.WriteStringValue(symbol.ToString());
        }

        json.WriteEndArray();
        json.WriteString("timeframe", run.Timeframe.Name);
        if (run.FillTimeframe is { } fill)
        {
            json.WriteString("fill_timeframe", fill.Name);
        }
        else
        {
            json.WriteNull("fill_timeframe");
        }

        OptionalTime(json, "from", run.RequestedFromMs);
        OptionalTime(json, "to", run.RequestedToMs);
        json.WriteString("data_from", BacktestTime.Format(run.DataFromMs));
        json.WriteString("data_to", BacktestTime.Format(run.DataToMs));
        json.WriteBoolean("synthetic_data", run.IsSynthetic);
        json.WriteNumber("bars", run.Bars);
        json.WriteNumber("funding_events", run.FundingEvents);
        json.WriteNumber("initial_capital", run.InitialCapital);
        json.WriteString("quote_asset", run.QuoteAsset);
        var exchange = run.Exchange;
        Number(json, "fee_bps", exchange.FeeBps);
        Number(json, "maker_fee_bps", exchange.MakerFeeBps);
        Number(json, "taker_fee_bps", exchange.TakerFeeBps);
        Number(json, "slippage_bps", exchange.SlippageBps);
        Number(json, "slippage_impact", exchange.SlippageImpact);
        Number(json, "half_spread_bps", exchange.HalfSpreadBps);
        json.WriteString("fees_model", exchange.DescribeFees());
        json.WriteString("slippage_model", exchange.DescribeSlippage());
        json.WriteString("intrabar_path", exchange.IntrabarPathName);
        json.WriteBoolean("limit_fills_on_touch", exchange.LimitFillsOnTouch);
        Number(json, "participation_cap", exchange.ParticipationCap);
        json.WriteNumber("leverage", run.Leverage);
        var oms = run.Oms;
        Number(json, "max_child_quantity", oms.MaxChildQuantity);
        Number(json, "max_child_notional", oms.MaxChildNotional);
        json.WriteBoolean("post_only_entries", oms.PostOnlyEntries);
        json.WriteNumber("post_only_retries", oms.PostOnlyRetries);
        Number(json, "break_even_r", oms.BreakEvenTriggerR);
        json.WriteString("brackets", oms.BracketsName);
        json.WriteNumber("risk_pct", run.RiskPercent);
        json.WriteString("sizing", run.Sizing);
        json.WriteEndObject();
    }

    private static void OptionalTime(Utf8JsonWriter json, string name, long? ms)
    {
        if (ms is { } value)
        {
            json.WriteString(name, BacktestTime.Format(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
