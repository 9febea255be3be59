namespace Quorum.Execution.Oms;

/// <summary>
/// What <see cref="OrderManager.Execute"/> did with a command: <see cref="Succeeded"/>, the trade it
/// touched, and a message (why it failed: unknown id, stop on the wrong side, trade already closed).
/// A failed command changed nothing.
/// </summary>
public sealed record OmsCommandResult(string Action, bool Succeeded, string? TradeId, string Message, long TimeMs)
{
    public override string ToString() => $"{TimeMs} {Action} {(Succeeded ? "ok" : "failed")}{(TradeId is null ? string.Empty : $" {TradeId}")}: {Message}";
}
