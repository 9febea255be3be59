namespace Quorum.Execution.Oms;

/// <summary>Whether a fill opened (entry) or reduced (exit) a trade's position.</summary>
public enum TradeFillRole
{
    Entry,
    Exit,
}
