using System.CommandLine;
using Quorum.Core.Time;

namespace Quorum.Cli.Commands;

/// <summary>Options shared by several verbs, with parsers that name the bad value and what is allowed.</summary>
internal static class CommonOptions
{
    public const string DataDirectoryVariable = "QUORUM_DATA_DIR";

    public static Option<string?> DataDirectory() => new("--data-dir")
    {
        Description = $"Data catalog folder. Default: ${DataDirectoryVariable} if set, else ~/.quorum/data.",
        Recursive = true,
    };

    public static Option<Core.Instruments.Symbol> Symbol(string name = "--symbol", bool required = true) => new(name)
    {
        Description = "Normalized symbol VENUE:BASEQUOTE[.P], e.g. BINANCE:BTCUSDT (spot), BINANCE:BTCUSDT.P (USDT-M perpetual), SYNTH:BTCUSDT (synthetic demo).",
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Core.Instruments.Symbol.TryParse(text, out var symbol, out var error))
            {
                return symbol;
            }

            result.AddError(error);
            return default;
        },
    };

    public static Option<Timeframe> Timeframe(string name = "--timeframe", bool required = true, string? description = null) => new(name)
    {
        Description = description ?? $"Bar timeframe, one of: {string.Join(' ', Core.Time.Timeframe.All)}.",
        Required = required,
        CustomParser = ParseTimeframe,
    };

    public static Timeframe ParseTimeframe(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Core.Time.Timeframe.TryParse(text, out var timeframe))
        {
            return timeframe;
        }

        result.AddError($"unknown timeframe '{text}' (allowed: {string.Join(' ', Core.Time.Timeframe.All)})");
        return default;
    }
}
