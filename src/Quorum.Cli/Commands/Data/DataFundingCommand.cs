using System.CommandLine;
using System.Globalization;
using System.Text;
using Quorum.Cli.Console;
using Quorum.Core.MarketData;
using Quorum.Data;
using Quorum.Data.Readers;
using Spectre.Console;

namespace Quorum.Cli.Commands.Data;

/// <summary>
/// <c>quorum data funding FILE --symbol S.P</c>: reads a funding-rate file (normalising local
/// times to UTC), summarises it and optionally writes it as a UTC CSV.
/// </summary>
internal static class DataFundingCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "Funding file: the 'Symbol,Date,Funding Rate' CSV of historical-funding-rates-fetcher (dates in UTC+3), " +
                          "a CSV with fundingTime/timestamp and fundingRate columns, or Binance's funding REST JSON.",
        };
        var symbol = CommonOptions.Symbol();
        symbol.Description = "The perpetual the rates belong to, e.g. BINANCE:BTCUSDT.P.";
        var offset = new Option<double?>("--utc-offset")
        {
            Description = "UTC offset in hours of dates written without one. Default: +3 for the 'Symbol,Date,Funding Rate' layout, 0 otherwise.",
        };
        var output = new Option<FileInfo?>("--output") { Description = "Write the rates as CSV 'fundingTime,fundingTimeUtc,fundingRate' (UTC, ms epoch)." };
        var command = new Command("funding", "Read and summarise a funding-rate file (times normalised to UTC); optionally write it as a UTC CSV.")
        {
            file, symbol, offset, output,
        };
        command.SetAction(parseResult =>
        {
            var s = parseResult.GetRequiredValue(symbol);
            if (!s.IsPerpetual)
            {
                throw new ArgumentException($"--symbol {s}: funding applies to perpetuals; write it with the .P suffix (e.g. {s}.P)");
            }

            var hours = parseResult.GetValue(offset);
            if (hours is < -14 or > 14)
            {
                throw new ArgumentException($"--utc-offset {hours} is out of range (-14 ≤ hours ≤ 14)");
            }

            var path = parseResult.GetRequiredValue(file);
            var rates = FundingFileReader.Read(path.FullName, s, hours is null ? null : TimeSpan.FromHours(hours.Value));
            Summarise(context, s.ToString(), path.FullName, rates);
            if (parseResult.GetValue(output) is { } target)
            {
                AtomicFile.WriteAllText(target.FullName, ToCsv(rates));
                context.Console.MarkupLineInterpolated($"wrote {rates.Length:N0} rates (UTC) to [bold]{target.FullName}[/]");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Summarise(CliContext context, string symbol, string path, FundingRate[] rates)
    {
        var table = new Table().AddColumns("", "");
        table.HideHeaders();
        table.AddRow("file", Markup.Escape(path));
        table.AddRow("symbol", Markup.Escape(symbol));
        table.AddRow("rates", rates.Length.ToString("N0", CultureInfo.InvariantCulture));
        if (rates.Length > 0)
        {
            table.AddRow("first (UTC)", Formatting.Time(rates[0].FundingTimeMs));
            table.AddRow("last (UTC)", Formatting.Time(rates[^1].FundingTimeMs));
            table.AddRow("mean rate", FormatRate(rates.Average(r => r.Rate)));
            table.AddRow("min / max rate", $"{FormatRate(rates.Min(r => r.Rate))} / {FormatRate(rates.Max(r => r.Rate))}");
            var hours = rates.Zip(rates.Skip(1), (a, b) => (b.FundingTimeMs - a.FundingTimeMs + 30_000) / 3_600_000)
                .GroupBy(h => h).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
            if (hours is not null)
            {
                table.AddRow("usual interval", $"{hours} h");
            }
        }

        context.Console.Write(table);
    }

    private static string FormatRate(decimal rate) => (rate * 100m).ToString("0.######", CultureInfo.InvariantCulture) + " %";

    private static string ToCsv(FundingRate[] rates)
    {
        var builder = new StringBuilder("fundingTime,fundingTimeUtc,fundingRate\n");
        foreach (var rate in rates)
        {
            builder.Append(rate.FundingTimeMs.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(rate.FundingTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(rate.Rate.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.ToString();
    }
}
