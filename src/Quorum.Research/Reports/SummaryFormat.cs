using System.Globalization;

namespace Quorum.Research.Reports;

/// <summary>How statistics are shown to a person, shared by the console summary and the HTML report (— for undefined).</summary>
public static class SummaryFormat
{
    public const string Undefined = "—";

    /// <summary>The columns of the overall / per-strategy / per-symbol summary tables (PF = profit factor, exp. R = expectancy in R).</summary>
    public static IReadOnlyList<SummaryColumn> Columns { get; } =
    [
        new("trades", s => s.Trades.ToString(CultureInfo.InvariantCulture)),
        new("win rate", s => Percent(s.WinRate * 100)),
        new("PF", s => s.ProfitFactor is null && s.Wins > 0 ? "∞" : Ratio(s.ProfitFactor)),
        new("exp. R", s => Ratio(s.ExpectancyR)),
        new("net PnL", s => Money(s.NetPnl)),
        new("return", s => Percent(s.ReturnPct)),
        new("max DD", s => Percent(s.MaxDrawdownPct)),
        new("Sharpe", s => Ratio(s.Sharpe)),
        new("Sortino", s => Ratio(s.Sortino)),
        new("Calmar", s => Ratio(s.Calmar)),
        new("exposure", s => Percent(s.Exposure * 100)),
        new("fees", s => Money(s.Fees)),
        new("funding", s => Money(s.Funding)),
    ];

    public static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public static string Money(decimal? value) => value is { } v ? Money(v) : Undefined;

    public static string Percent(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%" : Undefined;

    public static string Ratio(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : Undefined;

    /// <summary>Hours as <c>3d 4h</c> / <c>5.5h</c>.</summary>
    public static string Duration(long? milliseconds)
    {
        if (milliseconds is not { } ms)
        {
            return Undefined;
        }

        var hours = ms / 3_600_000d;
        return hours >= 48 ? $"{Math.Floor(hours / 24).ToString(CultureInfo.InvariantCulture)}d {(hours % 24).ToString("0", CultureInfo.InvariantCulture)}h" : hours.ToString("0.#", CultureInfo.InvariantCulture) + "h";
    }
}
