using System.Globalization;

namespace Quorum.Indicators.Statistics;

/// <summary>Canonical indicator names: parameters joined by '_' as in the specification (<c>bb:20:2</c> → <c>bb_20_2</c>).</summary>
internal static class IndicatorNames
{
    /// <summary>A real parameter as written in a specification: invariant, shortest round-trip form (2, 1.5, 0.95).</summary>
    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="name"/>, plus <c>_source</c> (e.g. <c>_volume</c>) when the input is not <paramref name="usual"/>.</summary>
    public static string WithSource(string name, PriceSource source, PriceSource usual = PriceSource.Close) =>
        source == usual ? name : $"{name}_{source.ToString().ToLowerInvariant()}";
}
