namespace Quorum.Core.Instruments;

/// <summary>
/// A trading venue, written in upper case in normalized symbols (<c>BINANCE</c>, <c>BYBIT</c>).
/// <c>SYNTH</c> marks the seeded synthetic market of the demo dataset: data under it is never real.
/// </summary>
public readonly record struct Venue
{
    public static readonly Venue Binance = new("BINANCE");
    public static readonly Venue Bybit = new("BYBIT");

    /// <summary>The synthetic (generated, not real) market used by the embedded demo dataset.</summary>
    public static readonly Venue Synthetic = new("SYNTH");

    private static readonly Venue[] KnownVenues = [Binance, Bybit, Synthetic];

    private Venue(string code) => Code = code;

    /// <summary>Upper-case venue code as it appears in a normalized symbol.</summary>
    public string Code { get; }

    /// <summary>True for the synthetic demo venue.</summary>
    public bool IsSynthetic => Code == Synthetic.Code;

    public static IReadOnlyList<Venue> All => KnownVenues;

    public static bool TryParse(string? text, out Venue venue)
    {
        foreach (var known in KnownVenues)
        {
            if (string.Equals(known.Code, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                venue = known;
                return true;
            }
        }

        venue = default;
        return false;
    }

    public static Venue Parse(string text) =>
        TryParse(text, out var venue)
            ? venue
            : throw new FormatException(
                $"unknown venue '{text}' (allowed: {string.Join(", ", KnownVenues.Select(v => v.Code))})");

    public override string ToString() => Code ?? string.Empty;
}
