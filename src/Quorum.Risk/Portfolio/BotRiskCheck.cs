namespace Quorum.Risk.Portfolio;

/// <summary>Result of a <see cref="RiskManager"/> check: passed, or failed with the reason.</summary>
public readonly record struct BotRiskCheck(bool IsPassed, string Reason)
{
    public static BotRiskCheck Passed { get; } = new(true, string.Empty);

    public static BotRiskCheck Fail(string reason) => new(false, reason);
}
