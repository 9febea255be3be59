using System.Diagnostics.CodeAnalysis;

namespace Quorum.Core.Instruments;

/// <summary>
/// A normalized symbol <c>VENUE:BASEQUOTE[.P]</c>: <c>BINANCE:BTCUSDT</c> (spot),
/// <c>BINANCE:BTCUSDT.P</c> (USDT-M perpetual), <c>BYBIT:ETHUSDT.P</c>.
/// </summary>
public readonly record struct Symbol : IComparable<Symbol>, ISpanFormattable
{
    private const string PerpetualSuffix = ".P";

    /// <summary>Quote assets recognised when splitting a pair, longest first so that <c>FDUSD</c> wins over <c>USD</c>.</summary>
    private static readonly string[] QuoteAssets =
        ["FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "EUR", "TRY", "BTC", "ETH", "BNB"];

    /// <summary>The interned number of this venue, pair and market type (see <see cref="Id"/>); 0 only for <c>default</c>.</summary>
    private readonly int _id;

    public Symbol(Venue venue, string baseAsset, string quoteAsset, MarketType marketType)
    {
        if (venue.Code is null)
        {
            throw new ArgumentException("venue is required", nameof(venue));
        }

        ValidateAsset(baseAsset, nameof(baseAsset));
        ValidateAsset(quoteAsset, nameof(quoteAsset));
        Venue = venue;
        BaseAsset = baseAsset.ToUpperInvariant();
        QuoteAsset = quoteAsset.ToUpperInvariant();
        MarketType = Guard.Defined(marketType);
        _id = SymbolIds.Of(venue.Code, BaseAsset, QuoteAsset, MarketType);
    }

    /// <summary>
    /// A small number, unique within this process to this venue, pair and market type (≥ 1; 0 for <c>default</c>): equal
    /// symbols have equal ids, so equality is one integer compare and per-symbol state can live in an array indexed by
    /// it (<see cref="SymbolMap{T}"/>) instead of a dictionary. Ids are handed out in first-use order: never persist or
    /// print one — another process numbers its symbols differently.
    /// </summary>
    public int Id => _id;

    public Venue Venue { get; }

    public string BaseAsset { get; }

    public string QuoteAsset { get; }

    public MarketType MarketType { get; }

    /// <summary>The pair as the venue writes it, e.g. <c>BTCUSDT</c>.</summary>
    public string Pair => BaseAsset + QuoteAsset;

    public bool IsPerpetual => MarketType == MarketType.Perpetual;

    /// <summary>Same venue, assets and market type (ordinal): the interned <see cref="Id"/>s are equal.</summary>
    public bool Equals(Symbol other) => _id == other._id;

    public override int GetHashCode() => _id;

    public static Symbol Parse(string text) =>
        TryParse(text, out var symbol, out var error) ? symbol : throw new FormatException(error);

    public static bool TryParse(string? text, out Symbol symbol) => TryParse(text, out symbol, out _);

    public static bool TryParse(string? text, out Symbol symbol, [NotNullWhen(false)] out string? error)
    {
        symbol = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "symbol is empty (expected VENUE:BASEQUOTE[.P], e.g. BINANCE:BTCUSDT or BYBIT:ETHUSDT.P)";
            return false;
        }

        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace))
        {
            error = $"symbol '{text}' is not in the form VENUE:BASEQUOTE[.P] (e.g. BINANCE:BTCUSDT, BYBIT:ETHUSDT.P)";
            return false;
        }

        if (!Venue.TryParse(trimmed[..colon], out var venue))
        {
            error = $"symbol '{text}' has unknown venue '{trimmed[..colon]}' (allowed: {string.Join(", ", Venue.All)})";
            return false;
        }

        var pair = trimmed[(colon + 1)..].ToUpperInvariant();
        var marketType = MarketType.Spot;
        if (pair.EndsWith(PerpetualSuffix, StringComparison.Ordinal))
        {
            marketType = MarketType.Perpetual;
            pair = pair[..^PerpetualSuffix.Length];
        }

        if (pair.Length == 0 || !pair.All(char.IsAsciiLetterOrDigit))
        {
            error = $"symbol '{text}' has an invalid pair '{pair}' (letters and digits only, e.g. BTCUSDT)";
            return false;
        }

        foreach (var quote in QuoteAssets)
        {
            if (pair.Length > quote.Length && pair.EndsWith(quote, StringComparison.Ordinal))
            {
                symbol = new Symbol(venue, pair[..^quote.Length], quote, marketType);
                error = null;
                return true;
            }
        }

        error = $"symbol '{text}': cannot split pair '{pair}' into base and quote (known quote assets: {string.Join(", ", QuoteAssets)})";
        return false;
    }

    public int CompareTo(Symbol other) => string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString() =>
        Venue.Code is null ? string.Empty : string.Concat(Venue.Code, ":", BaseAsset, QuoteAsset, IsPerpetual ? PerpetualSuffix : string.Empty);

    /// <summary>Writes <see cref="ToString()"/>'s text (<c>VENUE:BASEQUOTE[.P]</c>) without allocating, e.g. when interpolated into a message or a line.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (Venue.Code is not { } venue)
        {
            return true;
        }

        var suffix = IsPerpetual ? PerpetualSuffix : string.Empty;
        var length = venue.Length + 1 + BaseAsset.Length + QuoteAsset.Length + suffix.Length;
        if (destination.Length < length)
        {
            return false;
        }

        venue.CopyTo(destination);
        destination[venue.Length] = ':';
        BaseAsset.CopyTo(destination[(venue.Length + 1)..]);
        QuoteAsset.CopyTo(destination[(venue.Length + 1 + BaseAsset.Length)..]);
        suffix.CopyTo(destination[(length - suffix.Length)..]);
        charsWritten = length;
        return true;
    }

    /// <summary><see cref="ToString()"/>; the format and provider are ignored (a symbol has one text form).</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    private static void ValidateAsset(string asset, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(asset) || !asset.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"asset '{asset}' must be non-empty letters/digits", parameterName);
        }
    }
}
