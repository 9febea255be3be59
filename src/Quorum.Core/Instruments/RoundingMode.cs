namespace Quorum.Core.Instruments;

/// <summary>How a price or quantity is brought onto the instrument's tick or step grid.</summary>
public enum RoundingMode
{
    /// <summary>To the nearest multiple; an exact half goes away from zero (up, for positive values).</summary>
    Nearest,

    /// <summary>To the multiple at or below the value (towards zero for positive values).</summary>
    Down,

    /// <summary>To the multiple at or above the value.</summary>
    Up,
}
