namespace Quorum.Configuration;

/// <summary><c>enable_map.yaml: switching_rules</c> — hysteresis and cooldown of strategy switching.</summary>
/// <param name="MinBarsHold"><c>min_bars_hold</c>: bars a regime must hold before strategies switch (seed: 6).</param>
/// <param name="CooldownAfter2Losses"><c>cooldown_after_2_losses</c>: bars a strategy pauses after two consecutive stop-outs (seed: 3; 0 = no pause).</param>
public sealed record SwitchingRules(int MinBarsHold, int CooldownAfter2Losses);
