namespace Quorum.Strategies.Seed003;

/// <summary>How a grid divides its range (seed 003 <c>calculate_grid_levels</c>: arithmetic or geometric division).</summary>
public enum GridMode
{
    /// <summary>Equal price steps: level i = lower + i × (upper − lower) / (n − 1).</summary>
    Arithmetic,

    /// <summary>Equal ratios: level i = lower × (upper / lower)^(i / (n − 1)); every grid earns the same percentage.</summary>
    Geometric,
}
