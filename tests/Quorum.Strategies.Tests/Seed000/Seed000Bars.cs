using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Data.Readers;
using Quorum.TestKit;
using static Quorum.Strategies.Tests.StrategyHarness;

namespace Quorum.Strategies.Tests.Seed000;

/// <summary>Bar builders and runners for the seed-000 module tests (15m bars from <see cref="StrategyHarness.Start"/>).</summary>
internal static class Seed000Bars
{
    public static readonly Timeframe M15 = Timeframe.M15;

    /// <summary>15m bars (open, high, low, close), volume 1.</summary>
    public static Bar[] Ohlc(params (decimal Open, decimal High, decimal Low, decimal Close)[] bars) =>
        [.. bars.Select((b, i) => new Bar(Start + (i * M15.Milliseconds), b.Open, b.High, b.Low, b.Close, 1m))];

    /// <summary>The 15m bar at index <paramref name="i"/> closes at this time.</summary>
    public static long CloseOf(int i) => Start + ((i + 1) * M15.Milliseconds);

    /// <summary>Price-mirrored bars around <paramref name="axis"/> (p → 2·axis − p: a rise becomes a fall, highs become lows).</summary>
    public static Bar[] Mirror(IEnumerable<Bar> bars, decimal axis) =>
        [.. bars.Select(b => b with { Open = (2 * axis) - b.Open, High = (2 * axis) - b.Low, Low = (2 * axis) - b.High, Close = (2 * axis) - b.Close })];

    /// <summary>A seed-000 module from the registry, without the 1h trend filter unless the assignments set it.</summary>
    public static IStrategy Module(string name, params string[] assignments) =>
        Create(name, M15, assignments.Any(a => a.StartsWith("trend_ema=", StringComparison.Ordinal)) ? assignments : ["trend_ema=0", .. assignments]);

    public static List<Signal> Run15(IStrategy strategy, IEnumerable<Bar> bars) => Run(strategy, Btc, M15, bars);

    /// <summary>The first <paramref name="count"/> 5m bars of the real BTC/USDT spot file (Dec 2020 on); skips when the data is absent.</summary>
    public static Bar[] RealBtc5m(int count)
    {
        var path = SharedData.Require(Path.Combine("ohlcv", "binance-spot_2020-12_2021-07_freqtrade-json", "BTC_USDT-5m.json"));
        return [.. BarFileReader.Read(path, Timeframe.M5).Bars.Take(count)];
    }

    /// <summary>Cuts for the look-ahead check: a few 5m bar counts spread over the series, some mid-15m-bar.</summary>
    public static int[] Cuts(int count) => [count / 7, (count / 3) + 1, (count / 2) + 2, (2 * count / 3) + 1, count - 1];
}
