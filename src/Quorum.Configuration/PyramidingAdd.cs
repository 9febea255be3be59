namespace Quorum.Configuration;

/// <summary>
/// <c>governance.yaml: quorum_additions.pyramiding_add</c> — seed 001: at +1R a position may be added to by
/// 0.3R, with the combined stop no lower than breakeven. Used only when <c>pyramiding: anti</c>.
/// </summary>
/// <param name="AtR"><c>at_r</c>: profit in R the position must reach before an add.</param>
/// <param name="SizeR"><c>size_r</c>: risk of the add, in R of the original position.</param>
public sealed record PyramidingAdd(decimal AtR, decimal SizeR);
