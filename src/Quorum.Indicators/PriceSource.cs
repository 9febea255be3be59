namespace Quorum.Indicators;

/// <summary>Which value of a bar a single-input indicator consumes when fed whole bars.</summary>
public enum PriceSource
{
    Close,
    Open,
    High,
    Low,
    Volume,

    /// <summary>(high + low) / 2.</summary>
    Median,

    /// <summary>(high + low + close) / 3.</summary>
    Typical,

    /// <summary>(open + high + low + close) / 4.</summary>
    Average,
}
