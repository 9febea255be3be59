using System.Runtime.CompilerServices;

namespace Quorum.Core;

/// <summary>
/// The "what" of <see cref="Guard.NonNegative(decimal, ref NonNegativeGuardMessage, string?)"/> as an interpolated string,
/// built only when the value is negative (see <see cref="GuardMessage"/>).
/// </summary>
[InterpolatedStringHandler]
internal ref struct NonNegativeGuardMessage
{
    private DefaultInterpolatedStringHandler _text;

    public NonNegativeGuardMessage(int literalLength, int formattedCount, decimal value, out bool failed)
    {
        failed = FastDecimal.IsNegative(value); // decimals have no NaN: not ≥ 0 is < 0
        _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    /// <summary>The text (only meaningful when the check failed).</summary>
    public string ToStringAndClear() => _text.ToStringAndClear();
}
