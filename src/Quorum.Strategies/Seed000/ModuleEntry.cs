namespace Quorum.Strategies.Seed000;

/// <summary>
/// What a seed-000 module says about a setup it detected, from which <see cref="Seed000Module{TState}"/> builds the
/// entry signal: the <paramref name="Reason"/>, the <paramref name="Confidence"/> (clamped to [0, 1] there; NaN is a
/// bug), the structure stop (null, or a price not on the losing side of the close, for the <c>stop_atr</c> × ATR stop)
/// and the module's own <paramref name="Metadata"/>.
/// </summary>
internal readonly record struct ModuleEntry(string Reason, double Confidence, decimal? StructureStop, KeyValuePair<string, object>[] Metadata);
