using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Execution.Tests.Engine;

/// <summary>Symbols, times and bar builders of the engine tests.</summary>
internal static class EngineTestData
{
    public static readonly Symbol Btc = Symbol.Parse("BINANCE:BTCUSDT");
    public static readonly Symbol Eth = Symbol.Parse("BINANCE:ETHUSDT.P");

    /// <summary>2021-01-01 00:00 UTC.</summary>
    public const long Day = 1_609_459_200_000;

    public static long At(int hour, int minute) => Day + (hour * Timeframe.HourMs) + (minute * Timeframe.MinuteMs);

    /// <summary><paramref name="count"/> consecutive bars of <paramref name="timeframe"/> opening at <paramref name="startMs"/>.</summary>
    public static Bar[] Bars(Timeframe timeframe, long startMs, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Bar(startMs + (i * timeframe.Milliseconds)))];

    public static Bar Bar(long openTimeMs) => new(openTimeMs, 100m, 101m, 99m, 100.5m, 10m);

    public static BarSeries Series(Symbol symbol, Timeframe timeframe, long startMs, int count) => new(symbol, timeframe, Bars(timeframe, startMs, count));

    public static FundingRate Funding(Symbol symbol, long timeMs, decimal rate = 0.0001m) => new(symbol, timeMs, rate);
}
