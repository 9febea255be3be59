using Quorum.Core.Instruments;
using Quorum.Indicators.Statistics;

namespace Quorum.Risk.Portfolio;

/// <summary>
/// Pearson correlation of daily returns between base assets over a rolling window (seed 001: 90 days;
/// <see cref="RollingCorrelation"/>), with seed 003's defaults (<see cref="DefaultCorrelations"/>) or
/// <see cref="SetCorrelation"/> overrides until a pair has a full window. Feed it prices of every traded symbol
/// (<see cref="OnPrice"/>, any timeframe): the last price of each UTC day is that day's close; the log return of two
/// consecutive daily closes updates every pair whose other asset has a return for the same day. Deterministic.
/// </summary>
public sealed class CorrelationMatrix
{
    private readonly int _windowDays;
    private readonly Dictionary<string, AssetDays> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RollingCorrelation> _measured = [];
    private readonly Dictionary<(string, string), double> _fallback = [];

    public CorrelationMatrix(int windowDays = 90, bool seedDefaults = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 2);
        _windowDays = windowDays;
        if (seedDefaults)
        {
            foreach (var (a, b, correlation) in DefaultCorrelations.Seed)
            {
                SetCorrelation(a, b, correlation);
            }
        }
    }

    public int WindowDays => _windowDays;

    /// <summary>Overrides the fallback correlation of two base assets (seed 003 <c>set_correlation</c>); a measured full window still wins.</summary>
    public void SetCorrelation(string assetA, string assetB, double correlation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetA);
        ArgumentException.ThrowIfNullOrWhiteSpace(assetB);
        if (!(correlation is >= -1.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), correlation, $"correlation {assetA}↔{assetB} = {correlation} is out of range (−1 ≤ ρ ≤ 1)");
        }

        _fallback[Key(assetA, assetB)] = correlation;
    }

    /// <summary>Correlation of two symbols' base assets: 1 for the same asset, the measured value once its window is full, else the fallback (0 when none).</summary>
    public double Correlation(Symbol a, Symbol b) => Correlation(a.BaseAsset, b.BaseAsset);

    /// <summary>Correlation of two base assets (see <see cref="Correlation(Symbol, Symbol)"/>).</summary>
    public double Correlation(string assetA, string assetB)
    {
        if (string.Equals(assetA, assetB, StringComparison.Ordinal))
        {
            return 1.0;
        }

        var key = Key(assetA, assetB);
        if (_measured.TryGetValue(key, out var measured) && measured.IsReady)
        {
            return measured.Value;
        }

        return _fallback.TryGetValue(key, out var fallback) ? fallback : 0.0;
    }

    /// <summary>True once a full window of common daily returns exists for the pair.</summary>
    public bool IsMeasured(string assetA, string assetB) =>
        _measured.TryGetValue(Key(assetA, assetB), out var measured) && measured.IsReady;

    /// <summary>A price of <paramref name="symbol"/> at <paramref name="timeMs"/> (time must not go backwards per asset).</summary>
    public void OnPrice(Symbol symbol, long timeMs, decimal price)
    {
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, $"{symbol}: price {price} must be positive");
        }

        var asset = symbol.BaseAsset;
        if (!_assets.TryGetValue(asset, out var days))
        {
            days = new AssetDays();
            _assets.Add(asset, days);
        }

        var day = UtcDay.Start(timeMs);
        if (days.HasDay && day < days.Day)
        {
            throw new ArgumentOutOfRangeException(nameof(timeMs), timeMs, $"{symbol}: price time {timeMs} is before the day already seen ({days.Day})");
        }

        if (days.HasDay && day > days.Day)
        {
            CloseDay(asset, days);
        }

        days.Day = day;
        days.HasDay = true;
        days.LastPrice = (double)price;
    }

    private void CloseDay(string asset, AssetDays days)
    {
        var close = days.LastPrice;
        if (days.PreviousClose > 0.0)
        {
            var dailyReturn = Math.Log(close / days.PreviousClose);
            days.Returns[days.Day] = dailyReturn;
            foreach (var (other, otherDays) in _assets)
            {
                if (ReferenceEquals(otherDays, days) || !otherDays.Returns.TryGetValue(days.Day, out var otherReturn))
                {
                    continue;
                }

                var key = Key(asset, other);
                if (!_measured.TryGetValue(key, out var correlation))
                {
                    correlation = new RollingCorrelation(_windowDays);
                    _measured.Add(key, correlation);
                }

                // Orientation does not change Pearson's ρ, but keep it fixed (key order) for bit-identical sums.
                var first = string.CompareOrdinal(asset, other) < 0;
                correlation.Update(first ? dailyReturn : otherReturn, first ? otherReturn : dailyReturn);
            }

            // Keep a few days for assets that close their day later.
            if (days.Returns.Count > 8)
            {
                var oldest = days.Day - (8 * UtcDay.Milliseconds);
                foreach (var stale in days.Returns.Keys.Where(d => d < oldest).ToList())
                {
                    days.Returns.Remove(stale);
                }
            }
        }

        days.PreviousClose = close;
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private sealed class AssetDays
    {
        public long Day;
        public bool HasDay;
        public double LastPrice;
        public double PreviousClose;
        public readonly Dictionary<long, double> Returns = [];
    }
}
