using System.Globalization;
using Quorum.Core.Instruments;

namespace Quorum.Data.Synthetic;

public sealed partial record SyntheticMarketOptions
{
    /// <summary>Latest supported instant: 9999-12-31 23:59:59.999 UTC.</summary>
    private const long MaxTimeMs = 253_402_300_799_999;

    private const int MaxTickDecimals = 10;
    private const int MaxVolumeDecimals = 8;
    private const double RowSumTolerance = 1e-9;

    /// <summary>Every problem with these options, each naming the setting, its value and what is allowed; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        ValidateGrid(errors);
        ValidateSymbols(errors);
        ValidateCorrelation(errors);
        ValidateRegimes(errors);
        ValidateVolatility(errors);
        ValidateJumps(errors);
        ValidateVolume(errors);
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"invalid synthetic market options ({errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")}):{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", errors));
        }
    }

    private static void CheckRange(
        List<string> errors, string name, double value, double min, bool minInclusive, double max, bool maxInclusive)
    {
        var ok = double.IsFinite(value) &&
                 (minInclusive ? value >= min : value > min) &&
                 (maxInclusive ? value <= max : value < max);
        if (!ok)
        {
            errors.Add(
                $"{name} = {Format(value)} is out of range " +
                $"({Format(min)} {(minInclusive ? "≤" : "<")} x {(maxInclusive ? "≤" : "<")} {Format(max)})");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private void ValidateGrid(List<string> errors)
    {
        if (StartTimeMs < 0 || StartTimeMs > MaxTimeMs)
        {
            errors.Add($"StartTimeMs = {StartTimeMs} is out of range (0 ≤ x ≤ {MaxTimeMs}, i.e. 1970-01-01 … 9999-12-31 UTC)");
        }

        if (SubStepsPerBar is { } subSteps && (subSteps < 1 || subSteps > MaxSubStepsPerBar))
        {
            errors.Add($"SubStepsPerBar = {subSteps} is out of range (1 ≤ x ≤ {MaxSubStepsPerBar}, or null for automatic)");
        }

        if (Timeframe.Name is null)
        {
            errors.Add("Timeframe is not set (allowed: 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w)");
            return;
        }

        if (BarCount is null == EndTimeMs is null)
        {
            errors.Add(
                $"exactly one of BarCount and EndTimeMs must be set (BarCount = {BarCount?.ToString(CultureInfo.InvariantCulture) ?? "null"}, " +
                $"EndTimeMs = {EndTimeMs?.ToString(CultureInfo.InvariantCulture) ?? "null"})");
            return;
        }

        if (StartTimeMs < 0 || StartTimeMs > MaxTimeMs)
        {
            return;
        }

        if (BarCount is { } count && (count < 1 || count > MaxBarCount))
        {
            errors.Add($"BarCount = {count} is out of range (1 ≤ x ≤ {MaxBarCount})");
            return;
        }

        if (EndTimeMs is { } end)
        {
            if (end <= StartTimeMs || end > MaxTimeMs)
            {
                errors.Add($"EndTimeMs = {end} is out of range (StartTimeMs = {StartTimeMs} < x ≤ {MaxTimeMs})");
                return;
            }

            var bars = ((end - FirstOpenTimeMs - 1) / Timeframe.Milliseconds) + 1;
            if (bars > MaxBarCount)
            {
                errors.Add(
                    $"EndTimeMs = {end} gives {bars} {Timeframe} bars from StartTimeMs = {StartTimeMs}, " +
                    $"more than the maximum ({MaxBarCount}); use a shorter span or a longer timeframe");
                return;
            }
        }

        var lastOpen = FirstOpenTimeMs + ((long)(ResolveBarCount() - 1) * Timeframe.Milliseconds);
        if (lastOpen > MaxTimeMs)
        {
            errors.Add($"the last bar would open at {lastOpen}, after 9999-12-31 (allowed: ≤ {MaxTimeMs}); reduce BarCount");
        }
    }

    private void ValidateSymbols(List<string> errors)
    {
        if (Symbols is null || Symbols.Count == 0)
        {
            errors.Add($"Symbols is empty (allowed: 1 to {MaxSymbols} symbols, e.g. SYNTH:BTCUSDT)");
            return;
        }

        if (Symbols.Count > MaxSymbols)
        {
            errors.Add($"Symbols has {Symbols.Count} entries (allowed: 1 to {MaxSymbols})");
        }

        var seen = new HashSet<Symbol>();
        for (var i = 0; i < Symbols.Count; i++)
        {
            var spec = Symbols[i];
            var name = $"Symbols[{i}]";
            if (spec is null)
            {
                errors.Add($"{name} is null");
                continue;
            }

            if (spec.Symbol.Venue.Code is null)
            {
                errors.Add($"{name}.Symbol is not set (e.g. SYNTH:BTCUSDT)");
            }
            else
            {
                if (!seen.Add(spec.Symbol))
                {
                    errors.Add($"{name}.Symbol = {spec.Symbol} appears more than once (each symbol once)");
                }

                if (!spec.Symbol.Venue.IsSynthetic && !AllowNonSyntheticVenue)
                {
                    errors.Add(
                        $"{name}.Symbol = {spec.Symbol} is not on the {Venue.Synthetic} venue: synthetic data must never be " +
                        $"labelled as a real exchange's (use {Venue.Synthetic}:{spec.Symbol.Pair}{(spec.Symbol.IsPerpetual ? ".P" : string.Empty)}, " +
                        "or set AllowNonSyntheticVenue in tests that need it)");
                }
            }

            ValidateSymbolNumbers(errors, spec, name);
        }
    }

    private static void ValidateSymbolNumbers(List<string> errors, SyntheticSymbolSpec spec, string name)
    {
        if (spec.StartPrice <= 0)
        {
            errors.Add($"{name}.StartPrice = {Format(spec.StartPrice)} is out of range (x > 0)");
        }
        else if (spec.StartPrice > 1_000_000_000m)
        {
            errors.Add($"{name}.StartPrice = {Format(spec.StartPrice)} is out of range (0 < x ≤ 1000000000)");
        }

        if (spec.TickSize <= 0)
        {
            errors.Add($"{name}.TickSize = {Format(spec.TickSize)} is out of range (x > 0, e.g. 0.01)");
        }
        else if (spec.TickSize.Scale > MaxTickDecimals)
        {
            errors.Add($"{name}.TickSize = {Format(spec.TickSize)} has {spec.TickSize.Scale} decimals (allowed: at most {MaxTickDecimals})");
        }
        else if (spec.StartPrice > 0 && spec.StartPrice <= 1_000_000_000m)
        {
            var ticks = spec.StartPrice / spec.TickSize;
            if (ticks < 100m || ticks > 1_000_000_000_000m)
            {
                errors.Add(
                    $"{name}.TickSize = {Format(spec.TickSize)} gives StartPrice / TickSize = {Format(decimal.Round(ticks, 2))} " +
                    "(allowed: 100 ≤ x ≤ 1000000000000 ticks, so that prices move in small, representable steps)");
            }
        }

        if (spec.VolumeScale <= 0 || spec.VolumeScale > 1_000_000_000_000m)
        {
            errors.Add($"{name}.VolumeScale = {Format(spec.VolumeScale)} is out of range (0 < x ≤ 1000000000000 base units per hour)");
        }

        CheckRange(errors, $"{name}.Beta", spec.Beta, 0, true, 5, true);
        CheckRange(errors, $"{name}.VolatilityMultiplier", spec.VolatilityMultiplier, 0, false, 10, true);
        if (spec.VolumeDecimals < 0 || spec.VolumeDecimals > MaxVolumeDecimals)
        {
            errors.Add($"{name}.VolumeDecimals = {spec.VolumeDecimals} is out of range (0 ≤ x ≤ {MaxVolumeDecimals})");
        }
    }

    private void ValidateCorrelation(List<string> errors)
    {
        if (Symbols is null || Symbols.Count == 0)
        {
            return;
        }

        if (Correlation is null)
        {
            CheckRange(errors, nameof(DefaultCorrelation), DefaultCorrelation, 0, true, 1, false);
            return;
        }

        errors.AddRange(CorrelationFactor.Validate(Correlation, Symbols.Count, nameof(Correlation)));
    }

    private void ValidateRegimes(List<string> errors)
    {
        if (Regimes is null)
        {
            errors.Add("Regimes is null (use SyntheticRegimeSettings.Default)");
            return;
        }

        foreach (var regime in Enum.GetValues<SyntheticRegime>())
        {
            var name = $"Regimes.{regime}";
            var parameters = Regimes.Get(regime);
            if (parameters is null)
            {
                errors.Add($"{name} is null");
                continue;
            }

            CheckRange(errors, $"{name}.AnnualDrift", parameters.AnnualDrift, -100, true, 100, true);
            CheckRange(errors, $"{name}.AnnualVolatility", parameters.AnnualVolatility, 0, false, 10, true);
            CheckRange(errors, $"{name}.ExpectedDurationDays", parameters.ExpectedDurationDays, 0.01, true, 36_500, true);
            CheckRange(errors, $"{name}.VolumeMultiplier", parameters.VolumeMultiplier, 0, false, 100, true);
            CheckRange(errors, $"{name}.JumpIntensityMultiplier", parameters.JumpIntensityMultiplier, 0, true, 100, true);
        }

        if (!Enum.IsDefined(Regimes.InitialRegime))
        {
            errors.Add($"Regimes.InitialRegime = {(int)Regimes.InitialRegime} is not a regime (allowed: {string.Join(", ", Enum.GetNames<SyntheticRegime>())})");
        }

        CheckRange(errors, "Regimes.RangeMeanReversionPerDay", Regimes.RangeMeanReversionPerDay, 0, true, 100, true);
        ValidateTransitions(errors, Regimes.Transitions);
    }

    private static void ValidateTransitions(List<string> errors, IReadOnlyList<IReadOnlyList<double>>? transitions)
    {
        const int n = 4;
        if (transitions is null || transitions.Count != n || transitions.Any(row => row is null || row.Count != n))
        {
            errors.Add("Regimes.Transitions must be a 4×4 matrix (rows and columns: TrendUp, TrendDown, Range, Panic)");
            return;
        }

        for (var i = 0; i < n; i++)
        {
            var from = (SyntheticRegime)i;
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                var p = transitions[i][j];
                if (i == j && p != 0)
                {
                    errors.Add($"Regimes.Transitions[{from}][{from}] = {Format(p)} must be 0 (how long a regime lasts is set by ExpectedDurationDays)");
                }
                else
                {
                    CheckRange(errors, $"Regimes.Transitions[{from}][{(SyntheticRegime)j}]", p, 0, true, 1, true);
                }

                sum += p;
            }

            if (double.IsFinite(sum) && Math.Abs(sum - 1.0) > RowSumTolerance)
            {
                errors.Add($"Regimes.Transitions[{from}] sums to {Format(sum)}; each row must sum to 1");
            }
        }
    }

    private void ValidateVolatility(List<string> errors)
    {
        if (Volatility is null)
        {
            errors.Add("Volatility is null (use SyntheticVolatilitySettings.Default)");
            return;
        }

        CheckRange(errors, "Volatility.ShockHalfLifeDays", Volatility.ShockHalfLifeDays, 0.001, true, 3650, true);
        CheckRange(errors, "Volatility.VarianceDispersion", Volatility.VarianceDispersion, 0, true, 10, true);
        CheckRange(errors, "Volatility.MaxVarianceMultiplier", Volatility.MaxVarianceMultiplier, 1, true, 1000, true);
        CheckRange(errors, "Volatility.IntradaySeasonalityShare", Volatility.IntradaySeasonalityShare, 0, true, 1, true);
    }

    private void ValidateJumps(List<string> errors)
    {
        if (Jumps is null)
        {
            errors.Add("Jumps is null (use SyntheticJumpSettings.Default)");
            return;
        }

        CheckRange(errors, "Jumps.IntensityPerDay", Jumps.IntensityPerDay, 0, true, 100, true);
        CheckRange(errors, "Jumps.NegativeProbability", Jumps.NegativeProbability, 0, true, 1, true);
        CheckRange(errors, "Jumps.MeanNegativeSize", Jumps.MeanNegativeSize, 0, false, 1, true);
        CheckRange(errors, "Jumps.MeanPositiveSize", Jumps.MeanPositiveSize, 0, false, 1, true);
        CheckRange(errors, "Jumps.MaxSize", Jumps.MaxSize, 0, false, 2, true);
        CheckRange(errors, "Jumps.VarianceBoost", Jumps.VarianceBoost, 0, true, 100, true);
        CheckRange(errors, "Jumps.PanicProbability", Jumps.PanicProbability, 0, true, 1, true);
    }

    private void ValidateVolume(List<string> errors)
    {
        if (Volume is null)
        {
            errors.Add("Volume is null (use SyntheticVolumeSettings.Default)");
            return;
        }

        CheckRange(errors, "Volume.Dispersion", Volume.Dispersion, 0, true, 3, true);
        CheckRange(errors, "Volume.ReturnSensitivity", Volume.ReturnSensitivity, 0, true, 10, true);
        CheckRange(errors, "Volume.VolatilityElasticity", Volume.VolatilityElasticity, 0, true, 4, true);
        CheckRange(errors, "Volume.LevelDispersion", Volume.LevelDispersion, 0, true, 3, true);
        CheckRange(errors, "Volume.LevelHalfLifeDays", Volume.LevelHalfLifeDays, 0.001, true, 3650, true);
        CheckRange(errors, "Volume.SeasonalityStrength", Volume.SeasonalityStrength, 0, true, 1, true);
    }
}
