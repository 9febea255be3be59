namespace Quorum.Core.Trading;

/// <summary>Whether a fill added liquidity to the book (maker) or took it (taker); fees differ.</summary>
public enum LiquiditySide
{
    Maker,
    Taker,
}
