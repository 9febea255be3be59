namespace Quorum.Indicators.Statistics;

/// <summary>
/// The associative operation a <see cref="SlidingWindow{TFold}"/> folds its window with (a sum, a maximum): a struct
/// type argument, so each window's code is specialised for it (no call per value).
/// </summary>
internal interface IWindowFold
{
    /// <summary>The fold of no values (0 for a sum, −∞ for a maximum).</summary>
    static abstract double Identity { get; }

    /// <summary>Folds <paramref name="value"/> into <paramref name="accumulated"/>, in that operand order.</summary>
    static abstract double Combine(double accumulated, double value);
}
