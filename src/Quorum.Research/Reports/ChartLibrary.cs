namespace Quorum.Research.Reports;

/// <summary>
/// The vendored chart library inlined into <c>report.html</c>: TradingView Lightweight Charts
/// (Apache-2.0), standalone production build, embedded as a resource of this assembly.
/// <c>tools/chart-lib/fetch.sh</c> reproduces the file (pinned version, SHA-256 checked).
/// </summary>
internal static class ChartLibrary
{
    public const string Name = "TradingView Lightweight Charts";

    public const string Version = "5.2.1";

    private static readonly Lazy<string> ScriptText = new(() => Read("Quorum.Research.Reports.lightweight-charts.js"));
    private static readonly Lazy<string> LicenseText = new(() => Read("Quorum.Research.Reports.lightweight-charts.LICENSE"));

    /// <summary>The library's JavaScript (defines <c>window.LightweightCharts</c>).</summary>
    public static string Script => ScriptText.Value;

    /// <summary>The library's licence (Apache-2.0).</summary>
    public static string License => LicenseText.Value;

    private static string Read(string resource)
    {
        using var stream = typeof(ChartLibrary).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from {typeof(ChartLibrary).Assembly.GetName().Name}; run tools/chart-lib/fetch.sh and rebuild");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
