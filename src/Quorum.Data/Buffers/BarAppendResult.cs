namespace Quorum.Data.Buffers;

/// <summary>What <see cref="BarRingBuffer.Append"/> did with a bar.</summary>
public enum BarAppendResult
{
    /// <summary>The bar was added as the newest bar.</summary>
    Appended,

    /// <summary>The bar updated the still-forming newest bar with the same open time.</summary>
    Replaced,
}
