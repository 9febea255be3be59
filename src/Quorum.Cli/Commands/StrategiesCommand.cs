using System.CommandLine;
using Quorum.Strategies;
using Spectre.Console;

namespace Quorum.Cli.Commands;

/// <summary>
/// <c>quorum strategies [NAME]</c>: lists every strategy usable with <c>quorum backtest --strategy NAME</c> with its
/// origin (seed), timeframes and parameters (default and range); with a name, that strategy's description and
/// parameters in full. An unknown name exits 2 listing the known ones.
/// </summary>
internal static class StrategiesCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string?>("name") { Description = "Show one strategy in full.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(
            "strategies",
            "List the strategies usable with 'quorum backtest --strategy NAME': origin, timeframes and parameters (default and range).")
        {
            name,
        };
        command.SetAction(parseResult => Run(context, parseResult.GetValue(name)));
        return command;
    }

    private static int Run(CliContext context, string? name)
    {
        var registry = StrategyRegistry.BuiltIn;
        var console = context.Console;
        if (name is not null)
        {
            var descriptor = registry.Get(name);
            console.MarkupLineInterpolated($"[bold]{descriptor.Name}[/] {descriptor.Version} ({descriptor.Origin}) — timeframes: {descriptor.TimeframeText}");
            console.WriteLine(descriptor.Description);
            if (descriptor.MaxOpenTradesPerSymbol > 1)
            {
                console.WriteLine($"holds up to {descriptor.MaxOpenTradesPerSymbol} open trades per symbol");
            }

            if (descriptor.AveragesDown)
            {
                console.WriteLine("averages down: starts only with no_martingale: false in governance.yaml");
            }

            console.Write(ParameterTable(descriptor));
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"{registry.Names.Count} strategies (strategy API v{StrategyApi.Version})");
        table.AddColumn("name");
        table.AddColumn("origin");
        table.AddColumn("timeframes");
        table.AddColumn("parameters (default)");
        table.AddColumn("description");
        foreach (var descriptor in registry.Descriptors)
        {
            table.AddRow(
                Markup.Escape(descriptor.Name),
                Markup.Escape(descriptor.Origin),
                Markup.Escape(descriptor.TimeframeText),
                Markup.Escape(descriptor.Parameters.Count == 0 ? "—" : string.Join(", ", descriptor.Parameters.Select(p => $"{p.Name}={StrategyParameter.Format(p.Default)}"))),
                Markup.Escape(descriptor.Description));
        }

        console.Write(table);
        console.MarkupLine("[grey]'quorum strategies NAME' shows a strategy's parameters with their ranges; set them with 'quorum backtest --param key=value'.[/]");
        return ExitCodes.Ok;
    }

    private static Table ParameterTable(StrategyDescriptor descriptor)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("parameter");
        table.AddColumn("default");
        table.AddColumn("range");
        table.AddColumn("meaning");
        foreach (var parameter in descriptor.Parameters)
        {
            table.AddRow(
                Markup.Escape(parameter.Name),
                Markup.Escape(StrategyParameter.Format(parameter.Default)),
                Markup.Escape(parameter.RangeText),
                Markup.Escape(parameter.Description));
        }

        return table;
    }
}
