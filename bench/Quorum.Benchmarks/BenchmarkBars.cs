using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Readers;
using Quorum.Data.Synthetic;
using Quorum.Indicators;

namespace Quorum.Benchmarks;

/// <summary>
/// Input of the indicator benchmarks: real Binance BTCUSDT perpetual 1h bars from ../shared/data
/// (or $QUORUM_SHARED_DATA), tiled to the requested length exactly as tools/talib/run.sh does for
/// TA-Lib and Tulip (same prices, times shifted), so the numbers compare side by side. Falls back to
/// the synthetic demo generator, saying so, when the shared data is absent.
/// </summary>
public static class BenchmarkBars
{
    public const string RealFile = "ohlcv/binance-usdm-perp_2020-2024/BTCUSDT_1h.csv";

    public static OhlcvColumns Load(int length)
    {
        var source = LoadSource(out var description);
        Console.WriteLine($"// indicator input: {length:N0} bars tiled from {description}");
        var n = source.Length;
        var columns = new OhlcvColumns(new long[length], new double[length], new double[length], new double[length], new double[length], new double[length]);
        var span = Timeframe.H1.Milliseconds * n;
        for (var i = 0; i < length; i++)
        {
            var k = i % n;
            columns.Time[i] = source.Time[k] + (i / n * span);
            columns.Open[i] = source.Open[k];
            columns.High[i] = source.High[k];
            columns.Low[i] = source.Low[k];
            columns.Close[i] = source.Close[k];
            columns.Volume[i] = source.Volume[k];
        }

        return columns;
    }

    private static OhlcvColumns LoadSource(out string description)
    {
        var root = Environment.GetEnvironmentVariable("QUORUM_SHARED_DATA");
        var candidates = new[]
        {
            root is null ? null : Path.Combine(root, RealFile),
            Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "data", RealFile),
            Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "data", RealFile),
        };
        foreach (var candidate in candidates)
        {
            if (candidate is not null && File.Exists(candidate))
            {
                var bars = BarFileReader.Read(candidate, Timeframe.H1).Bars;
                description = $"{Path.GetFullPath(candidate)} ({bars.Length:N0} real bars)";
                return OhlcvColumns.From(new BarSeries(Core.Instruments.Symbol.Parse("BINANCE:BTCUSDT.P"), Timeframe.H1, bars));
            }
        }

        var market = SyntheticMarketGenerator.Generate(DemoDataset.Options with { Timeframe = Timeframe.H1, BarCount = 37_660 });
        description = "SYNTHETIC demo bars (shared data not found: set QUORUM_SHARED_DATA for the real-data numbers)";
        return OhlcvColumns.From(market.Series[0]);
    }
}
