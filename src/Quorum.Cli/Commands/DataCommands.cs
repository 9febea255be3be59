using System.CommandLine;
using Quorum.Cli.Commands.Data;

namespace Quorum.Cli.Commands;

/// <summary><c>quorum data …</c>: the local market-data catalog.</summary>
internal static class DataCommands
{
    public static Command Create(CliContext context)
    {
        var data = new Command("data", "Manage the local market-data catalog: import, check, synthesize, list, resample, export; read funding files.");
        data.Add(CommonOptions.DataDirectory());
        data.Add(DataImportCommand.Create(context));
        data.Add(DataCheckCommand.Create(context));
        data.Add(DataSynthCommand.Create(context));
        data.Add(DataListCommand.Create(context));
        data.Add(DataResampleCommand.Create(context));
        data.Add(DataExportCommand.Create(context));
        data.Add(DataFundingCommand.Create(context));
        return data;
    }
}
