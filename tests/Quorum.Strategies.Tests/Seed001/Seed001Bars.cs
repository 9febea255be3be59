using Quorum.Core.MarketData;
using Quorum.Indicators;

namespace Quorum.Strategies.Tests.Seed001;

/// <summary>Converts crafted indicator bars (<see cref="Regimes.RegimeSeries"/>) to market bars.</summary>
internal static class Seed001Bars
{
    public static Bar ToBar(in OhlcvPoint p, double scale = 1, double? volume = null) =>
        new(p.TimeMs, Round(p.Open * scale), Round(p.High * scale), Round(p.Low * scale), Round(p.Close * scale), (decimal)(volume ?? p.Volume));

    public static Bar[] ToBars(IEnumerable<OhlcvPoint> points, double scale = 1) => [.. points.Select(p => ToBar(p, scale))];

    private static decimal Round(double price) => Math.Round((decimal)price, 8);
}
