using Quorum.Core.Instruments;
using Quorum.Core.Time;
using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Parsing;

/// <summary>Validates <c>symbols.yaml</c> and builds a <see cref="SymbolsConfig"/>.</summary>
internal static class SymbolsParser
{
    public const string SymbolsKey = "symbols";
    public const string SymbolKey = "symbol";
    public const string TypeKey = "type";
    public const string MinQty = "min_qty";
    public const string MinNotional = "min_notional";
    public const string MinVol = "min_vol";
    public const string MaxSpread = "max_spread";
    public const string AllowedTfs = "allowed_tfs";

    public const string Expected = "a mapping with key symbols (a list of entries)";

    private const string EntryDescription = "a mapping with keys symbol, type, min_qty, min_notional, min_vol, max_spread, allowed_tfs";

    public static readonly ValueRange MinQtyRange = ValueRange.Above(0m);
    public static readonly ValueRange MinNotionalRange = ValueRange.AtLeast(0m);
    public static readonly ValueRange MinVolRange = ValueRange.AtLeast(0m);
    public static readonly ValueRange MaxSpreadRange = ValueRange.AboveUpTo(0m, 1000m);

    public static readonly KeyValuePair<string, MarketType>[] TypeChoices =
    [
        new("spot", MarketType.Spot),
        new("perp", MarketType.Perpetual),
    ];

    private static readonly string TimeframeNames = string.Join(" ", Timeframe.All.Select(t => t.Name));

    public static SymbolsConfig? Parse(YamlMappingNode root, ErrorCollector errors)
    {
        var before = errors.Count;
        var map = new MappingReader(root, string.Empty, errors);
        var items = map.Items(SymbolsKey, "symbol entries (" + EntryDescription + ")");
        map.RejectUnknownKeys();
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            errors.Add(ConfigErrorKind.Invalid, SymbolsKey, "[]", "list at least one symbol", map.Peek(SymbolsKey));
            return null;
        }

        var entries = new List<SymbolConfig>();
        var firstSeen = new Dictionary<Symbol, string>();
        foreach (var (node, path) in items)
        {
            if (MappingReader.Of(node, path, EntryDescription, errors) is not { } entry)
            {
                continue;
            }

            if (ReadEntry(entry) is not { } config)
            {
                continue;
            }

            if (firstSeen.TryGetValue(config.Symbol, out var firstPath))
            {
                errors.Add(ConfigErrorKind.Duplicate, entry.PathOf(SymbolKey), config.Symbol.ToString(), $"each symbol may be listed once; first listed at {firstPath}", entry.Peek(SymbolKey));
                continue;
            }

            firstSeen[config.Symbol] = path;
            entries.Add(config);
        }

        return errors.Count == before ? new SymbolsConfig(entries.AsReadOnly()) : null;
    }

    private static SymbolConfig? ReadEntry(MappingReader entry)
    {
        var before = entry.Errors.Count;
        var symbol = ReadSymbol(entry);
        var type = entry.Choice(TypeKey, TypeChoices);
        var minQty = entry.Decimal(MinQty, MinQtyRange);
        var minNotional = entry.Decimal(MinNotional, MinNotionalRange);
        var minVol = entry.Decimal(MinVol, MinVolRange);
        var maxSpread = entry.Decimal(MaxSpread, MaxSpreadRange);
        var timeframes = ReadTimeframes(entry);
        entry.RejectUnknownKeys();

        if (symbol is { } s && type is { } t && s.MarketType != t)
        {
            entry.Errors.Add(
                ConfigErrorKind.Rule,
                entry.PathOf(TypeKey),
                t == MarketType.Perpetual ? "perp" : "spot",
                $"type agrees with the symbol: {s} is {(s.IsPerpetual ? "perp (it ends in .P)" : "spot (no .P suffix)")}",
                entry.Peek(TypeKey));
        }

        return entry.Errors.Count == before
            ? new SymbolConfig(symbol!.Value, type!.Value, minQty!.Value, minNotional!.Value, minVol!.Value, maxSpread!.Value, timeframes!.AsReadOnly())
            : null;
    }

    private static Symbol? ReadSymbol(MappingReader entry)
    {
        var node = entry.Get(SymbolKey, required: true, "a normalized symbol VENUE:BASEQUOTE[.P], e.g. BINANCE:BTCUSDT.P");
        if (node is null)
        {
            return null;
        }

        var path = entry.PathOf(SymbolKey);
        var text = Values.Text(node, path, entry.Errors, allowNull: false);
        if (text is null)
        {
            return null;
        }

        if (!Symbol.TryParse(text, out var symbol, out var problem))
        {
            entry.Errors.Add(ConfigErrorKind.Invalid, path, NodeText.Show(node), problem, node);
            return null;
        }

        var normalized = symbol.ToString();
        if (!string.Equals(normalized, text, StringComparison.Ordinal))
        {
            entry.Errors.Add(ConfigErrorKind.Invalid, path, NodeText.Show(node), $"write symbols normalized: {normalized}", node);
            return null;
        }

        return symbol;
    }

    private static List<Timeframe>? ReadTimeframes(MappingReader entry)
    {
        var items = entry.Items(AllowedTfs, $"timeframes ({TimeframeNames})");
        if (items is null)
        {
            return null;
        }

        var before = entry.Errors.Count;
        if (items.Count == 0)
        {
            entry.Errors.Add(ConfigErrorKind.Invalid, entry.PathOf(AllowedTfs), "[]", $"list at least one timeframe of {TimeframeNames}", entry.Peek(AllowedTfs));
            return null;
        }

        var timeframes = new List<Timeframe>();
        foreach (var (node, path) in items)
        {
            var text = Values.Text(node, path, entry.Errors, allowNull: false);
            if (text is null)
            {
                continue;
            }

            if (!Timeframe.TryParse(text, out var timeframe))
            {
                entry.Errors.Add(ConfigErrorKind.NotAllowed, path, NodeText.Show(node), TimeframeNames, node);
            }
            else if (timeframes.Contains(timeframe))
            {
                entry.Errors.Add(ConfigErrorKind.Duplicate, path, timeframe.Name, "each timeframe may be listed once", node);
            }
            else
            {
                timeframes.Add(timeframe);
            }
        }

        return entry.Errors.Count == before ? timeframes : null;
    }
}
