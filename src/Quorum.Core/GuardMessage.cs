using System.Runtime.CompilerServices;

namespace Quorum.Core;

/// <summary>
/// The "what" of a <see cref="Guard"/> check written as an interpolated string (<c>$"order {id} quantity"</c>): the text is
/// only built when the check fails. Constructors, value objects and instrument rounding run per order event, and building
/// their messages eagerly cost a string (and often a <c>ToString</c> of a symbol or an order) per call that was never read.
/// </summary>
[InterpolatedStringHandler]
internal ref struct GuardMessage
{
    private DefaultInterpolatedStringHandler _text;

    /// <summary>For <see cref="Guard.Positive(decimal, ref GuardMessage, string?)"/>: the text is built when <paramref name="value"/> ≤ 0.</summary>
    public GuardMessage(int literalLength, int formattedCount, decimal value, out bool failed)
        : this(literalLength, formattedCount, failed = !FastDecimal.IsPositive(value))
    {
    }

    /// <summary>For <see cref="Guard.PositiveOrNull(decimal?, ref GuardMessage, string?)"/>: built when <paramref name="value"/> is given and ≤ 0.</summary>
    public GuardMessage(int literalLength, int formattedCount, decimal? value, out bool failed)
        : this(literalLength, formattedCount, failed = value is { } given && !FastDecimal.IsPositive(given))
    {
    }

    private GuardMessage(int literalLength, int formattedCount, bool failed)
    {
        _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    /// <summary>The text (only meaningful when the check failed).</summary>
    public string ToStringAndClear() => _text.ToStringAndClear();
}
