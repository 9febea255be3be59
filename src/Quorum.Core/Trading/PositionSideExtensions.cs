namespace Quorum.Core.Trading;

/// <summary>Conversions between <see cref="PositionSide"/>, <see cref="OrderSide"/> and the seeds' <c>LONG</c>/<c>SHORT</c> wording.</summary>
public static class PositionSideExtensions
{
    /// <summary>Seed wording for a long side.</summary>
    public const string LongText = "LONG";

    /// <summary>Seed wording for a short side.</summary>
    public const string ShortText = "SHORT";

    /// <summary>+1 for long, −1 for short: the sign a price move is multiplied by to get PnL.</summary>
    public static int Sign(this PositionSide side) => side switch
    {
        PositionSide.Long => 1,
        PositionSide.Short => -1,
        _ => throw UnknownSide(side),
    };

    public static PositionSide Opposite(this PositionSide side) => side switch
    {
        PositionSide.Long => PositionSide.Short,
        PositionSide.Short => PositionSide.Long,
        _ => throw UnknownSide(side),
    };

    /// <summary>The order side that opens (or adds to) a position of this side: long → buy, short → sell.</summary>
    public static OrderSide EntrySide(this PositionSide side) => side switch
    {
        PositionSide.Long => OrderSide.Buy,
        PositionSide.Short => OrderSide.Sell,
        _ => throw UnknownSide(side),
    };

    /// <summary>The order side that closes (or reduces) a position of this side: long → sell, short → buy.</summary>
    public static OrderSide ExitSide(this PositionSide side) => side.EntrySide().Opposite();

    /// <summary><c>LONG</c> or <c>SHORT</c>, as the seeds, the AI command JSON and the dashboard write it.</summary>
    public static string ToSeedText(this PositionSide side) => side switch
    {
        PositionSide.Long => LongText,
        PositionSide.Short => ShortText,
        _ => throw UnknownSide(side),
    };

    /// <summary>Parses <c>LONG</c>/<c>SHORT</c> (case-insensitive, surrounding spaces ignored).</summary>
    public static PositionSide ParsePositionSide(string text) =>
        TryParsePositionSide(text, out var side)
            ? side
            : throw new FormatException($"position side '{text}' is not recognised (allowed: {LongText}, {ShortText})");

    public static bool TryParsePositionSide(string? text, out PositionSide side)
    {
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, LongText, StringComparison.OrdinalIgnoreCase))
        {
            side = PositionSide.Long;
            return true;
        }

        if (string.Equals(trimmed, ShortText, StringComparison.OrdinalIgnoreCase))
        {
            side = PositionSide.Short;
            return true;
        }

        side = default;
        return false;
    }

    private static ArgumentOutOfRangeException UnknownSide(PositionSide side) =>
        new(nameof(side), side, $"unknown position side {(int)side} (allowed: {LongText}, {ShortText})");
}
