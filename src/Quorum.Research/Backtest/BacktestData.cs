using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Demo;

namespace Quorum.Research.Backtest;

/// <summary>
/// Loads the bars of a backtest from the data catalog. When a <c>SYNTH</c> symbol is missing, the
/// SYNTHETIC demo dataset is generated into the catalog first, exactly as <c>quorum demo</c> /
/// <c>quorum data synth</c> do (<see cref="DemoDatasetBuilder"/>), so the default backtest works on a
/// fresh clone. Real symbols must have been imported (<c>quorum data import</c>). A still-forming last bar
/// (<see cref="Bar.IsClosed"/> false) is left out.
/// </summary>
public static class BacktestData
{
    /// <summary>One series per symbol, in the order given, restricted to [from, to).</summary>
    /// <exception cref="CatalogException">A real symbol × timeframe is not in the catalog (the message lists what is), or the range holds no bar.</exception>
    public static IReadOnlyList<BarSeries> Load(
        DataCatalog catalog,
        IReadOnlyList<Symbol> symbols,
        Timeframe timeframe,
        long? fromMs,
        long? toMs,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Any(s => s.Venue.IsSynthetic && !File.Exists(catalog.PathOf(s, timeframe))))
        {
            DemoDatasetBuilder.Build(catalog, progress: progress);
        }

        var result = new List<BarSeries>(symbols.Count);
        foreach (var symbol in symbols)
        {
            var series = ClosedOnly(catalog.Load(symbol, timeframe, fromMs, toMs));
            if (series.IsEmpty)
            {
                throw new CatalogException(
                    CatalogErrorKind.NotFound,
                    $"{symbol} {timeframe} has no bar in [{Describe(fromMs, "the start")}, {Describe(toMs, "the end")})");
            }

            result.Add(series);
        }

        return result;
    }

    /// <summary>Leaves out a still-forming last bar (a resample's partial last bucket): only closed bars are replayed.</summary>
    internal static BarSeries ClosedOnly(BarSeries series)
    {
        var count = series.Count;
        while (count > 0 && !series[count - 1].IsClosed)
        {
            count--;
        }

        return count == series.Count ? series : new BarSeries(series.Symbol, series.Timeframe, series.Span[..count].ToArray());
    }

    private static string Describe(long? ms, string otherwise) => ms is { } value ? BacktestTime.Format(value) : otherwise;
}
