namespace Quorum.Indicators.Tests.PriceAction;

/// <summary>Bar builders for the price-action tests: one bar a minute from time 0.</summary>
internal static class TestBars
{
    public const long Step = 60_000;

    public static OhlcvPoint Bar(int index, double open, double high, double low, double close) =>
        new(index * Step, open, high, low, close, 1);

    /// <summary>Bars from (open, high, low, close).</summary>
    public static OhlcvPoint[] Ohlc(params (double Open, double High, double Low, double Close)[] bars) =>
        [.. bars.Select((b, i) => Bar(i, b.Open, b.High, b.Low, b.Close))];

    /// <summary>Bars from (high, low), opening and closing at the middle.</summary>
    public static OhlcvPoint[] HighLow(params (double High, double Low)[] bars) =>
        [.. bars.Select((b, i) => Bar(i, (b.High + b.Low) / 2, b.High, b.Low, (b.High + b.Low) / 2))];

    /// <summary>Bars from lows only: high = low + 2, open = close = low + 1.</summary>
    public static OhlcvPoint[] FromLows(params double[] lows) =>
        [.. lows.Select((low, i) => Bar(i, low + 1, low + 2, low, low + 1))];

    /// <summary>The bars reflected about <paramref name="axis"/>/2 (price p → axis − p): highs become lows, bullish becomes bearish.</summary>
    public static OhlcvPoint[] Mirror(OhlcvPoint[] bars, double axis = 200) =>
        [.. bars.Select(b => new OhlcvPoint(b.TimeMs, axis - b.Open, axis - b.Low, axis - b.High, axis - b.Close, b.Volume))];

    public static OhlcvColumns Columns(IReadOnlyList<OhlcvPoint> bars) =>
        new(
            [.. bars.Select(b => b.TimeMs)],
            [.. bars.Select(b => b.Open)],
            [.. bars.Select(b => b.High)],
            [.. bars.Select(b => b.Low)],
            [.. bars.Select(b => b.Close)],
            [.. bars.Select(b => b.Volume)]);

    public static OhlcvPoint[] Points(OhlcvColumns columns) => [.. Enumerable.Range(0, columns.Length).Select(i => columns[i])];

    /// <summary>
    /// A random walk on a 0.25 tick (so equal highs, lows and bodies occur often and the boundary rules get exercised),
    /// with occasional gaps between bars so fair-value gaps appear.
    /// </summary>
    public static OhlcvPoint[] RandomWalk(int seed, int length)
    {
        var random = new Random(seed);
        var bars = new OhlcvPoint[length];
        var close = 100.0;
        for (var i = 0; i < length; i++)
        {
            var open = Tick(close + (random.NextDouble() < 0.15 ? (random.NextDouble() - 0.5) * 4 : 0));
            close = Tick(Math.Max(5, open + ((random.NextDouble() - 0.5) * 3)));
            var high = Tick(Math.Max(open, close) + (random.NextDouble() * 1.5));
            var low = Tick(Math.Min(open, close) - (random.NextDouble() * 1.5));
            bars[i] = new OhlcvPoint(i * Step, open, high, low, close, 1 + random.Next(100));
        }

        return bars;
    }

    private static double Tick(double price) => Math.Round(price * 4) / 4;
}
