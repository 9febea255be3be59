namespace Quorum.Execution.Oms;

/// <summary>Keys of <see cref="Core.Trading.Plan.Metadata"/> the OMS reads (values: string or any integer/decimal number).</summary>
public static class PlanMetadataKeys
{
    /// <summary>Name of the strategy that made the plan (string).</summary>
    public const string Strategy = "strategy";

    /// <summary>Plan number used in client order ids (positive integer); assigned by the OMS when absent.</summary>
    public const string PlanId = "plan_id";

    /// <summary>Close the trade at market this many milliseconds after the first entry fill.</summary>
    public const string TimeStopMs = "time_stop_ms";

    /// <summary>Close the trade at market after this many management-timeframe bars.</summary>
    public const string TimeStopBars = "time_stop_bars";

    /// <summary>Move the stop to the average entry once the price has gone this many R in favour.</summary>
    public const string BreakEvenR = "break_even_r";
}
