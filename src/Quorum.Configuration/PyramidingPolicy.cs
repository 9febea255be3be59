namespace Quorum.Configuration;

/// <summary>
/// <c>governance.yaml: pyramiding</c>. Adding to a losing position (martingale, averaging down)
/// is never allowed, so there is no value for it.
/// </summary>
public enum PyramidingPolicy
{
    /// <summary><c>anti</c>: add only to a winning position (seed default).</summary>
    Anti,

    /// <summary><c>off</c>: never add to an open position.</summary>
    Off,
}
