using System.Globalization;
using Quorum.Core.Trading;

namespace Quorum.Execution.Oms;

/// <summary>
/// The deterministic, idempotent client order id scheme: <c>q1-b{bot}-p{plan}-{leg}-a{attempt}</c>,
/// e.g. <c>q1-b7-p42-e1-a0</c> (bot 7, plan 42, first entry child, first attempt). The same
/// (bot, plan, leg, attempt) always gives the same id; a resubmission uses attempt + 1. Bot ≤ 8
/// characters, plan ≤ 9 digits, leg ≤ 5 characters, attempt ≤ 99 999: at most 36 characters, the limit
/// the 36 both Binance and Bybit accept.
/// </summary>
public static class ClientOrderIds
{
    /// <summary>Version tag of the scheme.</summary>
    public const string Prefix = "q1";

    public const long MaxPlanId = 999_999_999;

    public const int MaxAttempt = 99_999;

    /// <summary>The client order id of (<paramref name="botId"/>, <paramref name="planId"/>, <paramref name="leg"/>, <paramref name="attempt"/>).</summary>
    public static string Format(string botId, long planId, string leg, int attempt)
    {
        if (string.IsNullOrEmpty(botId) || botId.Length > 8 || !IsLettersOrDigits(botId))
        {
            throw new ArgumentException($"bot id '{botId}' is invalid (allowed: 1–8 ASCII letters or digits)", nameof(botId));
        }

        if (planId is < 1 or > MaxPlanId)
        {
            throw new ArgumentOutOfRangeException(nameof(planId), planId, $"plan id {planId} is out of range (1 ≤ id ≤ {MaxPlanId})");
        }

        if (string.IsNullOrEmpty(leg) || leg.Length > 5 || !IsLettersOrDigits(leg))
        {
            throw new ArgumentException($"leg '{leg}' is invalid (allowed: 1–5 ASCII letters or digits)", nameof(leg));
        }

        if (attempt is < 0 or > MaxAttempt)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, $"attempt {attempt} is out of range (0 ≤ attempt ≤ {MaxAttempt})");
        }

        return ClientOrderId.Validate(string.Create(CultureInfo.InvariantCulture, $"{Prefix}-b{botId}-p{planId}-{leg}-a{attempt}"));
    }

    private static readonly System.Buffers.SearchValues<char> LettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>True when <paramref name="text"/> is only ASCII letters and digits (no allocation: ids are formatted on every order).</summary>
    private static bool IsLettersOrDigits(string text) => !text.AsSpan().ContainsAnyExcept(LettersAndDigits);

    private const int CachedLegNumbers = 16;
    private static readonly string[][] CachedLegs = [Legs('e'), Legs('t'), Legs('x'), Legs('o')];

    /// <summary>
    /// The leg code <paramref name="prefix"/> + <paramref name="number"/> (<c>e1</c>, <c>t2</c>, <c>x1</c>, <c>o1</c>); the first
    /// numbers are shared strings, since every trade names its legs.
    /// </summary>
    internal static string Leg(char prefix, int number)
    {
        var kind = prefix switch { 'e' => 0, 't' => 1, 'x' => 2, 'o' => 3, _ => -1 };
        return kind >= 0 && number is >= 1 and <= CachedLegNumbers
            ? CachedLegs[kind][number - 1]
            : string.Create(CultureInfo.InvariantCulture, $"{prefix}{number}");
    }

    private static string[] Legs(char prefix) =>
        [.. Enumerable.Range(1, CachedLegNumbers).Select(n => string.Create(CultureInfo.InvariantCulture, $"{prefix}{n}"))];

    /// <summary>The id of a bracket or OCO list: leg <c>L</c> (bracket) or <c>o{n}</c> (OCO).</summary>
    public static string FormatList(string botId, long planId, string list, int attempt) => Format(botId, planId, list, attempt);
}
