using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Synthetic;

/// <summary>
/// The USDT-M perpetual twin of a synthetic spot market and its funding, so perpetual-only strategies (<c>funding_rev</c>)
/// run on the demo. The perpetual trades at a premium over spot that follows a seeded mean-reverting process
/// (Ornstein–Uhlenbeck per bar: pull <see cref="Reversion"/> towards <see cref="MeanPremium"/>, noise
/// <see cref="PremiumNoise"/>, bounded to ±<see cref="MaxPremium"/>); every price of a spot bar is scaled by the same
/// factor 1 + premium and rounded to the cent, so each perpetual bar is a valid bar. Funding follows Binance's USDT-M
/// formula at 00:00, 08:00 and 16:00 UTC: F = P + clamp(I − P, −0.05 %, +0.05 %) with interest I = 0.01 % per interval and
/// P the mean premium of the interval's closes, capped at ±0.75 %.
/// </summary>
public static class SyntheticPerpetual
{
    /// <summary>Long-run premium of the perpetual over spot (0.03 %).</summary>
    public const double MeanPremium = 0.0003;

    /// <summary>Share of the gap to the mean premium closed per bar.</summary>
    public const double Reversion = 0.01;

    /// <summary>Standard deviation of the premium's change per bar.</summary>
    public const double PremiumNoise = 0.0003;

    /// <summary>Bound of the premium either way (1.5 %).</summary>
    public const double MaxPremium = 0.015;

    /// <summary>Interest component of the funding formula per 8 h interval (0.01 %).</summary>
    public const decimal InterestRate = 0.0001m;

    /// <summary>Cap of a funding rate either way (0.75 %).</summary>
    public const decimal MaxFundingRate = 0.0075m;

    /// <summary>Interval between funding times (8 h).</summary>
    public const long FundingIntervalMs = 8 * Timeframe.HourMs;

    /// <summary>The perpetual of <paramref name="spot"/>'s pair on the same venue.</summary>
    public static Symbol PerpetualOf(Symbol spot) => new(spot.Venue, spot.BaseAsset, spot.QuoteAsset, MarketType.Perpetual);

    /// <summary>The perpetual twin of <paramref name="spot"/> (same times and volumes), deterministic in <paramref name="seed"/>.</summary>
    public static BarSeries Derive(BarSeries spot, long seed)
    {
        ArgumentNullException.ThrowIfNull(spot);
        if (spot.Symbol.IsPerpetual)
        {
            throw new ArgumentException($"{spot.Symbol} is already a perpetual; the twin is derived from a spot series", nameof(spot));
        }

        var random = new DeterministicRandom(seed, stream: 7_919);
        var bars = new Bar[spot.Count];
        var premium = MeanPremium;
        for (var i = 0; i < bars.Length; i++)
        {
            premium += (Reversion * (MeanPremium - premium)) + (PremiumNoise * random.NextGaussian());
            premium = Math.Clamp(premium, -MaxPremium, MaxPremium);
            var factor = 1m + decimal.Round((decimal)premium, 8);
            var bar = spot[i];
            bars[i] = new Bar(bar.OpenTimeMs, Scale(bar.Open, factor), Scale(bar.High, factor), Scale(bar.Low, factor), Scale(bar.Close, factor), bar.Volume, bar.IsClosed);
        }

        return new BarSeries(PerpetualOf(spot.Symbol), spot.Timeframe, bars);
    }

    /// <summary>
    /// The funding rates of <paramref name="perpetual"/> against its <paramref name="spot"/> twin (same timeframe, same bar
    /// times) at every funding time whose whole interval lies inside the data (from the first bar's open): the mean premium
    /// of the interval's closes (those present, after a gap) through <see cref="Rate"/>.
    /// </summary>
    public static IReadOnlyList<FundingRate> Funding(BarSeries perpetual, BarSeries spot)
    {
        ArgumentNullException.ThrowIfNull(perpetual);
        ArgumentNullException.ThrowIfNull(spot);
        if (perpetual.Count != spot.Count || perpetual.Timeframe != spot.Timeframe || (perpetual.Count > 0 && perpetual[0].OpenTimeMs != spot[0].OpenTimeMs))
        {
            throw new ArgumentException($"{perpetual} and {spot} must cover the same bars to derive funding");
        }

        var rates = new List<FundingRate>();
        if (perpetual.Count == 0)
        {
            return rates;
        }

        var timeframe = perpetual.Timeframe;
        var first = perpetual[0].OpenTimeMs;
        var next = ((first / FundingIntervalMs) + 1) * FundingIntervalMs;
        var sum = 0m;
        var count = 0;
        for (var i = 0; i < perpetual.Count; i++)
        {
            var close = timeframe.CloseTime(perpetual[i].OpenTimeMs);
            if (close > next)
            {
                // A gap jumped past the funding time: start a new interval at the next one after this bar.
                next = ((close / FundingIntervalMs) + 1) * FundingIntervalMs;
                (sum, count) = (0m, 0);
            }

            sum += (perpetual[i].Close / spot[i].Close) - 1m;
            count++;
            if (close == next)
            {
                if (first <= next - FundingIntervalMs)
                {
                    rates.Add(new FundingRate(perpetual.Symbol, next, Rate(sum / count)));
                }

                next += FundingIntervalMs;
                (sum, count) = (0m, 0);
            }
        }

        return rates;
    }

    /// <summary>Binance's USDT-M funding formula for a mean premium <paramref name="premium"/>, rounded to 8 decimals.</summary>
    public static decimal Rate(decimal premium) =>
        decimal.Round(Math.Clamp(premium + Math.Clamp(InterestRate - premium, -0.0005m, 0.0005m), -MaxFundingRate, MaxFundingRate), 8);

    private static decimal Scale(decimal price, decimal factor) => decimal.Round(price * factor, 2, MidpointRounding.AwayFromZero);
}
