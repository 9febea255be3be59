using static System.FormattableString;

namespace Quorum.Risk.Portfolio;

/// <summary>
/// Seed 003 <c>SharedCapitalPool</c>: one capital pool shared by N bots. An allocation must keep the total at or below
/// <see cref="TotalCapital"/> × <see cref="MaxUtilizationPercent"/> % and the bot at or below its cap (when it has one).
/// Amounts are quote-asset money.
/// </summary>
public sealed class SharedCapitalPool
{
    private readonly Dictionary<string, decimal> _allocated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _deployed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _caps = new(StringComparer.Ordinal);

    public SharedCapitalPool(decimal totalCapital, decimal maxUtilizationPercent, IEnumerable<KeyValuePair<string, decimal>>? botCaps = null)
    {
        UpdateTotalCapital(totalCapital);
        MaxUtilizationPercent = maxUtilizationPercent is > 0m and <= 100m
            ? maxUtilizationPercent
            : throw new ArgumentOutOfRangeException(nameof(maxUtilizationPercent), maxUtilizationPercent, $"max utilization {maxUtilizationPercent}% is out of range (0 < x ≤ 100)");
        foreach (var (bot, cap) in botCaps ?? [])
        {
            SetBotCap(bot, cap);
        }
    }

    /// <summary>Capital of all bots together.</summary>
    public decimal TotalCapital { get; private set; }

    /// <summary>Share of <see cref="TotalCapital"/> that may be allocated at once, in %.</summary>
    public decimal MaxUtilizationPercent { get; }

    /// <summary>Sum of every bot's allocation.</summary>
    public decimal TotalAllocated { get; private set; }

    /// <summary>Most that may be allocated: total × max utilization.</summary>
    public decimal MaxAllowed => TotalCapital * MaxUtilizationPercent / 100m;

    /// <summary>Seed <c>get_utilization()</c>: total allocated / total capital (a fraction, 0.5 = 50 %).</summary>
    public decimal Utilization => TotalCapital > 0m ? TotalAllocated / TotalCapital : 0m;

    /// <summary>Seed <c>get_available()</c>: max allowed − total allocated (never negative).</summary>
    public decimal Available => Math.Max(0m, MaxAllowed - TotalAllocated);

    /// <summary>Sets (or replaces) a bot's cap.</summary>
    public void SetBotCap(string bot, decimal cap)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bot);
        _caps[bot] = cap > 0m ? cap : throw new ArgumentOutOfRangeException(nameof(cap), cap, $"cap of bot {bot} = {cap} must be positive");
    }

    /// <summary>New total capital (after deposits, withdrawals or PnL).</summary>
    public void UpdateTotalCapital(decimal totalCapital) =>
        TotalCapital = totalCapital > 0m ? totalCapital : throw new ArgumentOutOfRangeException(nameof(totalCapital), totalCapital, $"total capital {totalCapital} must be positive");

    public decimal Allocated(string bot) => _allocated.GetValueOrDefault(bot);

    public decimal Deployed(string bot) => _deployed.GetValueOrDefault(bot);

    /// <summary>Whether <see cref="Allocate"/> would succeed; <paramref name="reason"/> says why not.</summary>
    public bool CanAllocate(string bot, decimal amount, out string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bot);
        if (amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"allocation of bot {bot}: amount {amount} must be positive");
        }

        if (TotalAllocated + amount > MaxAllowed)
        {
            reason = Invariant($"pool: allocated {TotalAllocated} + {amount} > {MaxAllowed} ({MaxUtilizationPercent}% of {TotalCapital})");
            return false;
        }

        if (_caps.TryGetValue(bot, out var cap) && Allocated(bot) + amount > cap)
        {
            reason = Invariant($"bot {bot}: allocated {Allocated(bot)} + {amount} > its cap {cap}");
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>Seed <c>allocate(bot_name, amount) → bool</c>: reserves <paramref name="amount"/> when both limits allow it.</summary>
    public bool Allocate(string bot, decimal amount)
    {
        if (!CanAllocate(bot, amount, out _))
        {
            return false;
        }

        _allocated[bot] = Allocated(bot) + amount;
        TotalAllocated += amount;
        return true;
    }

    /// <summary>Seed <c>release(bot_name, amount)</c>: gives capital back, never below 0.</summary>
    public void Release(string bot, decimal amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bot);
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"release of bot {bot}: amount {amount} must not be negative");
        }

        var released = Math.Min(amount, Allocated(bot));
        _allocated[bot] = Allocated(bot) - released;
        TotalAllocated -= released;
    }

    /// <summary>Seed <c>update_deployed(bot_name, deployed_amount)</c>: capital actually in positions.</summary>
    public void UpdateDeployed(string bot, decimal deployedAmount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bot);
        _deployed[bot] = deployedAmount >= 0m
            ? deployedAmount
            : throw new ArgumentOutOfRangeException(nameof(deployedAmount), deployedAmount, $"deployed amount of bot {bot} = {deployedAmount} must not be negative");
    }
}
