using System.Runtime.CompilerServices;
using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Core;

/// <summary>Argument checks for the domain types. A failed check is a bug in the caller: it throws, naming the value and the rule.</summary>
internal static class Guard
{
    public static Symbol Symbol(Symbol symbol, [CallerArgumentExpression(nameof(symbol))] string? parameterName = null) =>
        symbol.Venue.Code is null
            ? throw new ArgumentException("symbol is required (got the default, empty symbol)", parameterName)
            : symbol;

    public static Timeframe Timeframe(Timeframe timeframe, [CallerArgumentExpression(nameof(timeframe))] string? parameterName = null) =>
        timeframe.Name is null
            ? throw new ArgumentException("timeframe is required (got the default, empty timeframe)", parameterName)
            : timeframe;

    public static decimal Positive(decimal value, string what, [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        FastDecimal.IsPositive(value) ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} {value} must be positive (> 0)");

    /// <summary>
    /// <paramref name="value"/> when it is &gt; 0; else throws naming <paramref name="what"/>, an interpolated text built only then.
    /// </summary>
    public static decimal Positive(
        decimal value,
        [InterpolatedStringHandlerArgument(nameof(value))] ref GuardMessage what,
        [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        FastDecimal.IsPositive(value) ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what.ToStringAndClear()} {value} must be positive (> 0)");

    /// <summary><paramref name="value"/> when it is ≥ 0; else throws naming <paramref name="what"/>, built only then.</summary>
    public static decimal NonNegative(
        decimal value,
        [InterpolatedStringHandlerArgument(nameof(value))] ref NonNegativeGuardMessage what,
        [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        !FastDecimal.IsNegative(value) ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what.ToStringAndClear()} {value} must be non-negative (≥ 0)");

    /// <summary><paramref name="value"/> when it is null or &gt; 0; else throws naming <paramref name="what"/>, built only then.</summary>
    public static decimal? PositiveOrNull(
        decimal? value,
        [InterpolatedStringHandlerArgument(nameof(value))] ref GuardMessage what,
        [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        value is not { } given || FastDecimal.IsPositive(given) ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what.ToStringAndClear()} {value} must be positive (> 0) when given");

    public static decimal NonNegative(decimal value, string what, [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        !FastDecimal.IsNegative(value) ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} {value} must be non-negative (≥ 0)");

    public static decimal? PositiveOrNull(decimal? value, string what, [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        value is not { } given || FastDecimal.IsPositive(given) ? value : throw new ArgumentOutOfRangeException(parameterName, value, $"{what} {value} must be positive (> 0) when given");

    public static string NotBlank(string? value, string what, [CallerArgumentExpression(nameof(value))] string? parameterName = null) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{what} is required (got '{value}')", parameterName) : value;

    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(
                parameterName, value, $"{typeof(TEnum).Name} {value} is not defined (allowed: {string.Join(", ", Enum.GetNames<TEnum>())})");

    /// <summary>Throws when <paramref name="laterMs"/> is before <paramref name="earlierMs"/>: time going backwards is a bug.</summary>
    public static long NotBefore(long laterMs, long earlierMs, string laterName, string earlierName) =>
        laterMs >= earlierMs
            ? laterMs
            : throw new ArgumentOutOfRangeException(
                laterName, laterMs, $"{laterName} {laterMs} is before {earlierName} {earlierMs}: time cannot go backwards");
}
