using static System.FormattableString;

namespace Quorum.Risk.Portfolio;

/// <summary>
/// Seed 003 per-bot <c>RiskManager</c>: minimum order size, maximum position size, balance check, daily loss and the
/// bot's halt (balance below initial × (1 − stop-loss %) or the day's loss above the limit). Time comes from the
/// timestamps of <see cref="UpdateBalance"/>.
/// </summary>
public sealed class RiskManager
{
    private readonly RiskManagerLimits _limits;
    private TimeGuard _time;
    private long _dayStartMs = long.MinValue;
    private decimal _dayStartBalance;

    public RiskManager(RiskManagerLimits limits, decimal initialBalance)
    {
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        limits.Validate();
        InitialBalance = initialBalance > 0m
            ? initialBalance
            : throw new ArgumentOutOfRangeException(nameof(initialBalance), initialBalance, $"initial balance {initialBalance} must be positive");
        CurrentBalance = initialBalance;
        PeakBalance = initialBalance;
    }

    public decimal InitialBalance { get; }

    public decimal CurrentBalance { get; private set; }

    /// <summary>Highest balance seen (for the drawdown).</summary>
    public decimal PeakBalance { get; private set; }

    /// <summary>Loss of the current UTC day (≥ 0).</summary>
    public decimal DailyLoss { get; private set; }

    public bool IsHalted { get; private set; }

    public string HaltReason { get; private set; } = string.Empty;

    /// <summary>Seed <c>check_order_size(value)</c>.</summary>
    public BotRiskCheck CheckOrderSize(decimal value) =>
        value >= _limits.MinOrderSize
            ? BotRiskCheck.Passed
            : BotRiskCheck.Fail(Invariant($"order value {value} is below the minimum order size {_limits.MinOrderSize}"));

    /// <summary>Seed <c>check_trade(value, position_value, balance)</c>.</summary>
    public BotRiskCheck CheckTrade(decimal value, decimal positionValue, decimal balance)
    {
        if (IsHalted)
        {
            return BotRiskCheck.Fail($"bot halted: {HaltReason}");
        }

        if (CheckOrderSize(value) is { IsPassed: false } small)
        {
            return small;
        }

        if (positionValue + value > _limits.MaxPositionSize)
        {
            return BotRiskCheck.Fail(Invariant($"position {positionValue} + order {value} exceeds the max position size {_limits.MaxPositionSize}"));
        }

        if (balance < value)
        {
            return BotRiskCheck.Fail(Invariant($"balance {balance} does not cover the order value {value}"));
        }

        if (DailyLoss > _limits.MaxDailyLoss)
        {
            return BotRiskCheck.Fail(Invariant($"daily loss {DailyLoss} exceeds the max daily loss {_limits.MaxDailyLoss}"));
        }

        return BotRiskCheck.Passed;
    }

    /// <summary>Seed <c>update_balance(balance)</c>: peak, the day's loss and the portfolio stop-loss.</summary>
    public void UpdateBalance(long timeMs, decimal balance)
    {
        _time.Advance(timeMs, "bot risk manager");
        var day = UtcDay.Start(timeMs);
        if (day != _dayStartMs)
        {
            _dayStartMs = day;
            _dayStartBalance = CurrentBalance;
        }

        CurrentBalance = balance;
        PeakBalance = Math.Max(PeakBalance, balance);
        DailyLoss = Math.Max(0m, _dayStartBalance - balance);
        if (IsHalted)
        {
            return;
        }

        var floor = InitialBalance * (1m - (_limits.StopLossPercent / 100m));
        if (balance < floor)
        {
            Halt(Invariant($"balance {balance} fell below {floor} (initial {InitialBalance} − {_limits.StopLossPercent}%)"));
        }
        else if (DailyLoss > _limits.MaxDailyLoss)
        {
            Halt(Invariant($"daily loss {DailyLoss} exceeds the max daily loss {_limits.MaxDailyLoss}"));
        }
    }

    /// <summary>Halts the bot with <paramref name="reason"/>.</summary>
    public void Halt(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        IsHalted = true;
        HaltReason = reason;
    }
}
