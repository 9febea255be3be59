namespace Quorum.Data.Synthetic;

/// <summary>
/// The regime process of the synthetic (not real) market: a continuous-time Markov chain over
/// <see cref="SyntheticRegime"/>. A regime lasts an exponentially distributed time with mean
/// <see cref="SyntheticRegimeParameters.ExpectedDurationDays"/>; on leaving it, the next regime
/// is drawn from the corresponding row of <see cref="Transitions"/>. Large negative jumps can
/// also throw the market into <see cref="SyntheticRegime.Panic"/> (see <see cref="SyntheticJumpSettings.PanicProbability"/>).
/// </summary>
public sealed record SyntheticRegimeSettings
{
    /// <summary>The defaults: about 27 % of the time trending up, 23 % down, 48 % ranging, 2 % panic.</summary>
    public static SyntheticRegimeSettings Default { get; } = new();

    public SyntheticRegimeParameters TrendUp { get; init; } = new(2.8, 0.50, 12.0, 1.0, 0.7);

    public SyntheticRegimeParameters TrendDown { get; init; } = new(-1.8, 0.60, 9.0, 1.2, 1.3);

    public SyntheticRegimeParameters Range { get; init; } = new(0.0, 0.38, 15.0, 0.8, 0.8);

    public SyntheticRegimeParameters Panic { get; init; } = new(-10.0, 1.4, 1.5, 3.0, 4.0);

    /// <summary>
    /// 4×4 row-stochastic matrix indexed by <see cref="SyntheticRegime"/> (TrendUp, TrendDown, Range, Panic):
    /// row <c>i</c> gives the probabilities of the next regime when regime <c>i</c> ends.
    /// The diagonal must be 0 and every row must sum to 1.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Transitions { get; init; } =
    [
        [0.00, 0.25, 0.60, 0.15],
        [0.25, 0.00, 0.55, 0.20],
        [0.45, 0.40, 0.00, 0.15],
        [0.10, 0.50, 0.40, 0.00],
    ];

    /// <summary>The regime of the first bar.</summary>
    public SyntheticRegime InitialRegime { get; init; } = SyntheticRegime.Range;

    /// <summary>
    /// In <see cref="SyntheticRegime.Range"/>, the log price is pulled toward its level at the start
    /// of the range at this rate per day (Ornstein–Uhlenbeck; 0.5 ⇒ half-life ≈ 1.4 days).
    /// </summary>
    public double RangeMeanReversionPerDay { get; init; } = 0.5;

    /// <summary>The parameters of <paramref name="regime"/>.</summary>
    public SyntheticRegimeParameters Get(SyntheticRegime regime) => regime switch
    {
        SyntheticRegime.TrendUp => TrendUp,
        SyntheticRegime.TrendDown => TrendDown,
        SyntheticRegime.Range => Range,
        SyntheticRegime.Panic => Panic,
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "unknown regime"),
    };
}
