namespace Quorum.Core.Trading;

/// <summary>
/// Rules for client order ids, the idempotency key of every order: 1–36 characters of ASCII
/// letters, digits, <c>_</c> and <c>-</c> — the subset both Binance (<c>newClientOrderId</c>) and
/// Bybit (<c>orderLinkId</c>) accept.
/// </summary>
public static class ClientOrderId
{
    public const int MaxLength = 36;

    /// <summary>The characters an id may use (checked without allocating: every order and fill checks its id).</summary>
    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && !id.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>Returns <paramref name="id"/> when valid, otherwise throws naming it and the rule.</summary>
    public static string Validate(string? id, string parameterName = "clientOrderId") =>
        IsValid(id)
            ? id!
            : throw new ArgumentException(
                $"client order id '{id}' is invalid (allowed: 1–{MaxLength} characters of A–Z, a–z, 0–9, '_' and '-')", parameterName);
}
