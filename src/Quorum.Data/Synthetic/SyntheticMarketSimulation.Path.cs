using Quorum.Core.MarketData;

namespace Quorum.Data.Synthetic;

/// <summary>The internal price path: regime chain, jumps, correlated shocks, GARCH variance, bar assembly.</summary>
internal sealed partial class SyntheticMarketSimulation
{
    private void SimulateBar(int barIndex)
    {
        var openTimeMs = _firstOpenTimeMs + (barIndex * _barMs);
        for (var i = 0; i < _symbolCount; i++)
        {
            _barHigh[i] = _logPrice[i];
            _barLow[i] = _logPrice[i];
            _barActivity[i] = 0.0;
        }

        Span<int> regimeSteps = stackalloc int[RegimeCount];
        for (var s = 0; s < _subSteps; s++)
        {
            var stepStartMs = openTimeMs + (s * _barMs / _subSteps);
            var stepMidMs = openTimeMs + ((((2 * s) + 1) * _barMs) / (2 * _subSteps));
            var hourOfWeek = TradingSeasonality.HourOfWeek(stepMidMs);

            AdvanceRegime();
            regimeSteps[(int)_regime]++;
            var jump = DrawJump(barIndex, stepStartMs);

            var r = (int)_regime;
            var sigma = Math.Sqrt(_variancePerStep[r] * _varianceMultiplier) * _volatilitySeason[hourOfWeek];
            var activity = _volumeSeason[hourOfWeek] * _regimeVolume[r] *
                           (_halfVolatilityElasticity == 0 ? 1.0 : DeterministicMath.Pow(_varianceMultiplier, _halfVolatilityElasticity));
            DrawCorrelatedShocks();
            for (var i = 0; i < _symbolCount; i++)
            {
                StepSymbol(i, sigma, jump, activity);
            }

            UpdateVarianceMultiplier(_shock[0], jump);
            if (_pendingRegime is { } pending)
            {
                EnterRegime(pending);
                _pendingRegime = null;
            }
        }

        _regimes[barIndex] = DominantRegime(regimeSteps);
        for (var i = 0; i < _symbolCount; i++)
        {
            _bars[i][barIndex] = AssembleBar(i, openTimeMs);
        }
    }

    private void AdvanceRegime()
    {
        var r = (int)_regime;
        if (_marketRandom.NextDouble() >= _exitProbability[r])
        {
            return;
        }

        var u = _marketRandom.NextDouble();
        var next = r;
        for (var j = 0; j < RegimeCount; j++)
        {
            if (j != r && u < _transitionCumulative[(r * RegimeCount) + j])
            {
                next = j;
                break;
            }
        }

        if (next == r)
        {
            // Rounding left u above the row's last cumulative value: take the last possible regime.
            for (var j = RegimeCount - 1; j >= 0; j--)
            {
                if (j != r && _options.Regimes.Transitions[r][j] > 0)
                {
                    next = j;
                    break;
                }
            }
        }

        EnterRegime((SyntheticRegime)next);
    }

    private void EnterRegime(SyntheticRegime regime)
    {
        if (regime == SyntheticRegime.Range && _regime != SyntheticRegime.Range)
        {
            Array.Copy(_logPrice, _rangeAnchor, _symbolCount);
        }

        _regime = regime;
    }

    /// <summary>The market-wide jump (log size for beta 1) in this sub-step, or 0.</summary>
    private double DrawJump(int barIndex, long stepStartMs)
    {
        if (_marketRandom.NextDouble() >= _jumpProbability[(int)_regime])
        {
            return 0.0;
        }

        var negative = _marketRandom.NextDouble() < _negativeJumpProbability;
        var size = Math.Min(_marketRandom.NextExponential(negative ? _meanNegativeJump : _meanPositiveJump), _maxJump);
        var jump = negative ? -size : size;
        _jumps.Add(new SyntheticJump(stepStartMs, barIndex, jump));
        if (negative && _regime != SyntheticRegime.Panic && _marketRandom.NextDouble() < _jumpPanicProbability)
        {
            _pendingRegime = SyntheticRegime.Panic;
        }

        return jump;
    }

    /// <summary>z = L e: independent normals made correlated by the Cholesky factor.</summary>
    private void DrawCorrelatedShocks()
    {
        for (var i = 0; i < _symbolCount; i++)
        {
            _independentShock[i] = _symbolRandom[i].NextGaussian();
        }

        for (var i = 0; i < _symbolCount; i++)
        {
            var row = i * _symbolCount;
            var z = 0.0;
            for (var j = 0; j <= i; j++)
            {
                z += _cholesky[row + j] * _independentShock[j];
            }

            _shock[i] = z;
        }
    }

    private void StepSymbol(int i, double marketSigma, double jump, double activity)
    {
        var sigma = marketSigma * _volatilityMultiplier[i];
        var x = _logPrice[i];
        var drift = _beta[i] * _driftPerStep[(int)_regime];
        if (_regime == SyntheticRegime.Range)
        {
            drift += _rangeReversionPerStep * (_rangeAnchor[i] - x);
        }

        var next = x + drift + (sigma * _shock[i]) + (_beta[i] * jump);
        if (next > _logUpper[i])
        {
            next = (2.0 * _logUpper[i]) - next;
        }
        else if (next < _logLower[i])
        {
            next = (2.0 * _logLower[i]) - next;
        }

        // Extremes of a Brownian bridge from x to next with the sub-step's variance:
        // max = (x + next + sqrt((next − x)² − 2σ² ln U)) / 2, and symmetrically the min.
        var move = next - x;
        var moveSquared = move * move;
        var twoVariance = 2.0 * sigma * sigma;
        var random = _symbolRandom[i];
        var high = 0.5 * (x + next + Math.Sqrt(moveSquared - (twoVariance * DeterministicMath.Log(random.NextOpenUnit()))));
        var low = 0.5 * (x + next - Math.Sqrt(moveSquared - (twoVariance * DeterministicMath.Log(random.NextOpenUnit()))));
        if (high > _barHigh[i])
        {
            _barHigh[i] = high;
        }

        if (low < _barLow[i])
        {
            _barLow[i] = low;
        }

        var standardizedMove = Math.Min(Math.Abs(move) / sigma, MaxStandardizedMove);
        _barActivity[i] += activity * (1.0 + (_returnSensitivity * standardizedMove));
        _logPrice[i] = next;
    }

    /// <summary>GARCH(1,1) on the variance multiplier, driven by the leader's shock; jumps add a boost.</summary>
    private void UpdateVarianceMultiplier(double leaderShock, double jump)
    {
        var m = _varianceMultiplier;
        m = _garchOmega + (_garchBeta * m) + (_garchAlpha * m * leaderShock * leaderShock);
        if (jump != 0.0)
        {
            m += _jumpVarianceBoost;
        }

        _varianceMultiplier = Math.Min(m, _maxVarianceMultiplier);
    }

    private static SyntheticRegime DominantRegime(ReadOnlySpan<int> regimeSteps)
    {
        var best = 0;
        for (var r = 1; r < RegimeCount; r++)
        {
            if (regimeSteps[r] > regimeSteps[best])
            {
                best = r;
            }
        }

        return (SyntheticRegime)best;
    }

    private Bar AssembleBar(int i, long openTimeMs)
    {
        var tick = _tick[i];
        var openTicks = _closeTicks[i];
        var closeTicks = ToTicks(DeterministicMath.Exp(_logPrice[i]) / tick);
        var highTicks = Math.Max(ToTicks(DeterministicMath.Exp(_barHigh[i]) / tick), Math.Max(openTicks, closeTicks));
        var lowTicks = Math.Min(ToTicks(DeterministicMath.Exp(_barLow[i]) / tick), Math.Min(openTicks, closeTicks));
        _closeTicks[i] = closeTicks;

        var random = _symbolRandom[i];
        _volumeLevel[i] = (_levelPersistence * _volumeLevel[i]) + (_levelInnovation * random.NextGaussian());
        var noise = _volumeDispersion * random.NextGaussian();
        var volume = _volumePerSubStep[i] * (_barActivity[i] / _activityNormalization) *
                     DeterministicMath.Exp(_volumeLevel[i] + noise - _volumeMeanCorrection);
        var volumeUnits = (long)Math.Round(Math.Min(volume * _volumeUnitsPerBase[i], MaxVolumeUnits));

        var tickSize = _tickDecimal[i];
        return new Bar(
            openTimeMs,
            openTicks * tickSize,
            highTicks * tickSize,
            lowTicks * tickSize,
            closeTicks * tickSize,
            volumeUnits * _volumeStep[i]);
    }
}
