using Quorum.Core.Instruments;

namespace Quorum.Configuration;

/// <summary><c>symbols.yaml</c>: the instruments Quorum may trade, in file order, each listed once.</summary>
/// <param name="Symbols">The entries of the <c>symbols</c> list.</param>
public sealed record SymbolsConfig(IReadOnlyList<SymbolConfig> Symbols)
{
    /// <summary>The entry for <paramref name="symbol"/>, or null when it is not configured.</summary>
    public SymbolConfig? Find(Symbol symbol) => Symbols.FirstOrDefault(s => s.Symbol == symbol);
}
