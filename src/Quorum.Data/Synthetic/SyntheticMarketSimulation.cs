using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Synthetic;

/// <summary>
/// One run of the synthetic market model (see docs/synthetic-data.md). State is kept as flat
/// arrays per symbol; the hot loop allocates nothing but the output bars.
/// Random streams: stream 0 drives the market (regime, jumps), stream i + 1 drives symbol i
/// (its shock, path extremes and volume), so a symbol's path does not change when symbols are
/// appended after it.
/// </summary>
internal sealed partial class SyntheticMarketSimulation
{
    private const double DaysPerYear = 365.0;

    /// <summary>Prices are kept within a factor of 1000 of the start price (reflecting bounds in log space).</summary>
    private const double LogPriceBound = 6.907755278982137;

    /// <summary>Cap on |move| / σ used for volume, so that a jump raises a sub-step's activity at most 1 + 20·sensitivity times.</summary>
    private const double MaxStandardizedMove = 20.0;

    private const double MaxVolumeUnits = 1e18;
    private const int RegimeCount = 4;

    private readonly SyntheticMarketOptions _options;
    private readonly int _symbolCount;
    private readonly int _barCount;
    private readonly int _subSteps;
    private readonly long _firstOpenTimeMs;
    private readonly long _barMs;

    private readonly DeterministicRandom _marketRandom;
    private readonly DeterministicRandom[] _symbolRandom;
    private readonly double[] _cholesky;

    // Per regime, per sub-step.
    private readonly double[] _driftPerStep = new double[RegimeCount];
    private readonly double[] _variancePerStep = new double[RegimeCount];
    private readonly double[] _exitProbability = new double[RegimeCount];
    private readonly double[] _jumpProbability = new double[RegimeCount];
    private readonly double[] _regimeVolume = new double[RegimeCount];
    private readonly double[] _transitionCumulative = new double[RegimeCount * RegimeCount];

    // Volatility clustering (GARCH(1,1) on the variance multiplier).
    private readonly double _garchOmega;
    private readonly double _garchAlpha;
    private readonly double _garchBeta;
    private readonly double _maxVarianceMultiplier;
    private readonly double _rangeReversionPerStep;

    // Jumps.
    private readonly double _negativeJumpProbability;
    private readonly double _meanNegativeJump;
    private readonly double _meanPositiveJump;
    private readonly double _maxJump;
    private readonly double _jumpVarianceBoost;
    private readonly double _jumpPanicProbability;

    // Seasonality by hour of the UTC week.
    private readonly double[] _volumeSeason;
    private readonly double[] _volatilitySeason;

    // Volume.
    private readonly double _returnSensitivity;
    private readonly double _halfVolatilityElasticity;
    private readonly double _activityNormalization;
    private readonly double _levelPersistence;
    private readonly double _levelInnovation;
    private readonly double _volumeDispersion;
    private readonly double _volumeMeanCorrection;

    // Per symbol: constants.
    private readonly double[] _beta;
    private readonly double[] _volatilityMultiplier;
    private readonly double[] _tick;
    private readonly decimal[] _tickDecimal;
    private readonly double[] _volumePerSubStep;
    private readonly double[] _volumeUnitsPerBase;
    private readonly decimal[] _volumeStep;
    private readonly double[] _logLower;
    private readonly double[] _logUpper;

    // Per symbol: state.
    private readonly double[] _logPrice;
    private readonly double[] _rangeAnchor;
    private readonly double[] _volumeLevel;
    private readonly long[] _closeTicks;
    private readonly double[] _barHigh;
    private readonly double[] _barLow;
    private readonly double[] _barActivity;
    private readonly double[] _independentShock;
    private readonly double[] _shock;

    // Output.
    private readonly Bar[][] _bars;
    private readonly SyntheticRegime[] _regimes;
    private readonly List<SyntheticJump> _jumps = [];

    // Market state.
    private SyntheticRegime _regime;
    private double _varianceMultiplier = 1.0;
    private SyntheticRegime? _pendingRegime;

    public SyntheticMarketSimulation(SyntheticMarketOptions options)
    {
        _options = options;
        _symbolCount = options.Symbols.Count;
        _barCount = options.ResolveBarCount();
        _subSteps = options.ResolveSubStepsPerBar();
        _firstOpenTimeMs = options.FirstOpenTimeMs;
        _barMs = options.Timeframe.Milliseconds;

        _marketRandom = new DeterministicRandom(options.Seed, 0);
        _symbolRandom = new DeterministicRandom[_symbolCount];
        for (var i = 0; i < _symbolCount; i++)
        {
            _symbolRandom[i] = new DeterministicRandom(options.Seed, i + 1);
        }

        _cholesky = CorrelationFactor.Factor(options.ResolveCorrelation());

        var stepDays = (double)_barMs / _subSteps / Timeframe.DayMs;
        InitializeRegimes(options.Regimes, options.Jumps, stepDays);

        var volatility = options.Volatility;
        var persistence = DeterministicMath.Exp(-DeterministicMath.Ln2 * stepDays / volatility.ShockHalfLifeDays);
        var dispersion = volatility.VarianceDispersion;
        var alpha = Math.Sqrt(dispersion * (1.0 - (persistence * persistence)) / (2.0 * (1.0 + dispersion)));
        _garchAlpha = Math.Min(alpha, persistence);
        _garchBeta = persistence - _garchAlpha;
        _garchOmega = 1.0 - persistence;
        _maxVarianceMultiplier = volatility.MaxVarianceMultiplier;
        _rangeReversionPerStep = 1.0 - DeterministicMath.Exp(-options.Regimes.RangeMeanReversionPerDay * stepDays);

        var jumps = options.Jumps;
        _negativeJumpProbability = jumps.NegativeProbability;
        _meanNegativeJump = jumps.MeanNegativeSize;
        _meanPositiveJump = jumps.MeanPositiveSize;
        _maxJump = jumps.MaxSize;
        _jumpVarianceBoost = jumps.VarianceBoost;
        _jumpPanicProbability = jumps.PanicProbability;

        var volume = options.Volume;
        _volumeSeason = TradingSeasonality.WeeklyProfile(volume.SeasonalityStrength);
        _volatilitySeason = TradingSeasonality.WeeklyProfile(volatility.IntradaySeasonalityShare);
        for (var h = 0; h < _volatilitySeason.Length; h++)
        {
            _volatilitySeason[h] = Math.Sqrt(_volatilitySeason[h]); // the profile scales variance; σ scales by its root
        }

        _returnSensitivity = volume.ReturnSensitivity;
        _halfVolatilityElasticity = 0.5 * volume.VolatilityElasticity;
        _activityNormalization = 1.0 + (volume.ReturnSensitivity * Math.Sqrt(2.0 / Math.PI));
        var barDays = (double)_barMs / Timeframe.DayMs;
        _levelPersistence = DeterministicMath.Exp(-DeterministicMath.Ln2 * barDays / volume.LevelHalfLifeDays);
        _levelInnovation = volume.LevelDispersion * Math.Sqrt(1.0 - (_levelPersistence * _levelPersistence));
        _volumeDispersion = volume.Dispersion;
        _volumeMeanCorrection = 0.5 * ((volume.Dispersion * volume.Dispersion) + (volume.LevelDispersion * volume.LevelDispersion));

        _beta = new double[_symbolCount];
        _volatilityMultiplier = new double[_symbolCount];
        _tick = new double[_symbolCount];
        _tickDecimal = new decimal[_symbolCount];
        _volumePerSubStep = new double[_symbolCount];
        _volumeUnitsPerBase = new double[_symbolCount];
        _volumeStep = new decimal[_symbolCount];
        _logLower = new double[_symbolCount];
        _logUpper = new double[_symbolCount];
        _logPrice = new double[_symbolCount];
        _rangeAnchor = new double[_symbolCount];
        _volumeLevel = new double[_symbolCount];
        _closeTicks = new long[_symbolCount];
        _barHigh = new double[_symbolCount];
        _barLow = new double[_symbolCount];
        _barActivity = new double[_symbolCount];
        _independentShock = new double[_symbolCount];
        _shock = new double[_symbolCount];
        _bars = new Bar[_symbolCount][];
        var subStepHours = (double)_barMs / _subSteps / Timeframe.HourMs;
        for (var i = 0; i < _symbolCount; i++)
        {
            var spec = options.Symbols[i];
            _beta[i] = spec.Beta;
            _volatilityMultiplier[i] = spec.VolatilityMultiplier;
            _tickDecimal[i] = spec.TickSize;
            _tick[i] = (double)spec.TickSize;
            _volumePerSubStep[i] = (double)spec.VolumeScale * subStepHours;
            _volumeUnitsPerBase[i] = PowerOfTen(spec.VolumeDecimals);
            _volumeStep[i] = new decimal(1, 0, 0, false, (byte)spec.VolumeDecimals);
            var logStart = DeterministicMath.Log((double)spec.StartPrice);
            _logLower[i] = logStart - LogPriceBound;
            _logUpper[i] = logStart + LogPriceBound;
            _logPrice[i] = logStart;
            _rangeAnchor[i] = logStart;
            _volumeLevel[i] = volume.LevelDispersion * _symbolRandom[i].NextGaussian();
            _closeTicks[i] = ToTicks(DeterministicMath.Exp(logStart) / _tick[i]);
            _bars[i] = new Bar[_barCount];
        }

        _regimes = new SyntheticRegime[_barCount];
        _regime = options.Regimes.InitialRegime;
    }

    public SyntheticMarket Run(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var reportEvery = Math.Max(1, _barCount / 100);
        for (var k = 0; k < _barCount; k++)
        {
            SimulateBar(k);
            if ((k + 1) % reportEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((double)(k + 1) / _barCount);
            }
        }

        progress?.Report(1.0);
        var series = new BarSeries[_symbolCount];
        for (var i = 0; i < _symbolCount; i++)
        {
            series[i] = new BarSeries(_options.Symbols[i].Symbol, _options.Timeframe, _bars[i]);
        }

        return new SyntheticMarket(_options, series, _regimes, [.. _jumps]);
    }

    private static long ToTicks(double ticks) => Math.Max(1L, (long)Math.Round(ticks));

    private static double PowerOfTen(int exponent)
    {
        var result = 1.0;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10.0;
        }

        return result;
    }

    private void InitializeRegimes(SyntheticRegimeSettings regimes, SyntheticJumpSettings jumps, double stepDays)
    {
        for (var r = 0; r < RegimeCount; r++)
        {
            var parameters = regimes.Get((SyntheticRegime)r);
            _driftPerStep[r] = parameters.AnnualDrift * stepDays / DaysPerYear;
            _variancePerStep[r] = parameters.AnnualVolatility * parameters.AnnualVolatility * stepDays / DaysPerYear;
            _exitProbability[r] = 1.0 - DeterministicMath.Exp(-stepDays / parameters.ExpectedDurationDays);
            _jumpProbability[r] = 1.0 - DeterministicMath.Exp(-jumps.IntensityPerDay * parameters.JumpIntensityMultiplier * stepDays);
            _regimeVolume[r] = parameters.VolumeMultiplier;
            var cumulative = 0.0;
            for (var j = 0; j < RegimeCount; j++)
            {
                cumulative += regimes.Transitions[r][j];
                _transitionCumulative[(r * RegimeCount) + j] = cumulative;
            }
        }
    }
}
