namespace Quorum.Core.Trading;

/// <summary>The direction of a position or of a trade idea, written <c>LONG</c>/<c>SHORT</c> as in the seeds (see <see cref="PositionSideExtensions"/>).</summary>
public enum PositionSide
{
    /// <summary>Profits when the price rises; entered with a buy.</summary>
    Long,

    /// <summary>Profits when the price falls; entered with a sell.</summary>
    Short,
}
