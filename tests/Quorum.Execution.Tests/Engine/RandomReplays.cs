using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Engine;
using static Quorum.Execution.Tests.Engine.EngineTestData;

namespace Quorum.Execution.Tests.Engine;

/// <summary>Seeded random replays: 1–3 symbols, a random subset of timeframes each, random starts, random gaps, random funding times.</summary>
internal static class RandomReplays
{
    private static readonly Timeframe[] Timeframes = [Timeframe.M1, Timeframe.M3, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4];
    private static readonly Symbol[] Symbols = [Btc, Eth, Symbol.Parse("BYBIT:SOLUSDT.P")];

    public static MarketReplay Create(int seed)
    {
        var random = new Random(seed);
        var replay = new MarketReplay();
        var symbolCount = random.Next(1, Symbols.Length + 1);
        foreach (var symbol in Symbols.Take(symbolCount))
        {
            var chosen = Timeframes.Where(_ => random.Next(3) > 0).ToList();
            if (chosen.Count == 0)
            {
                chosen.Add(Timeframes[random.Next(Timeframes.Length)]);
            }

            var finest = chosen.Min(tf => tf.Milliseconds);
            foreach (var timeframe in chosen.OrderBy(_ => random.Next()))
            {
                var start = timeframe.AlignDown(Day + random.NextInt64(0, 6 * Timeframe.HourMs));
                var bars = new List<Bar>();
                var slots = (int)Math.Max(1, (2 * Timeframe.DayMs) / timeframe.Milliseconds);
                for (var i = 0; i < Math.Min(slots, 400); i++)
                {
                    if (random.Next(10) > 0)
                    {
                        bars.Add(Bar(start + (i * timeframe.Milliseconds)));
                    }
                }

                replay.AddBars(new BarStream(symbol, timeframe, bars.ToArray(), timeframe.Milliseconds == finest ? BarRole.MatchAndDeliver : BarRole.Deliver));
            }

            if (random.Next(2) == 0)
            {
                var times = Enumerable.Range(0, random.Next(0, 8))
                    .Select(_ => Day + (random.Next(2) == 0 ? random.Next(0, 48) * Timeframe.HourMs : random.NextInt64(0, 2 * Timeframe.DayMs)))
                    .Distinct()
                    .Order()
                    .Select(t => Funding(symbol, t, random.Next(-10, 10) / 10_000m))
                    .ToList();
                replay.AddFunding(symbol, times);
            }
        }

        return replay;
    }
}
