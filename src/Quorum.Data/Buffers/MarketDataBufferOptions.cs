namespace Quorum.Data.Buffers;

/// <summary>Options for <see cref="MarketDataBuffer"/>.</summary>
public sealed record MarketDataBufferOptions
{
    /// <summary>Smallest allowed <see cref="Capacity"/>: the seed's "ring buffers ≥ 2000 bars per timeframe".</summary>
    public const int MinimumCapacity = 2000;

    /// <summary>The defaults: 2,000 bars per symbol × timeframe, 64 symbols.</summary>
    public static MarketDataBufferOptions Default { get; } = new();

    /// <summary>Bars kept per symbol × timeframe (default and minimum 2,000).</summary>
    public int Capacity { get; init; } = MinimumCapacity;

    /// <summary>
    /// Most symbols held at once (default 64). Subscribing a further symbol evicts the least
    /// recently used one (by subscribe, append or latest access).
    /// </summary>
    public int MaxSymbols { get; init; } = 64;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the value and the allowed range.</summary>
    public void Validate()
    {
        if (Capacity < MinimumCapacity)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Capacity), Capacity,
                $"MarketDataBufferOptions.Capacity = {Capacity} is out of range (≥ {MinimumCapacity} bars per symbol × timeframe, seed 001)");
        }

        if (MaxSymbols < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxSymbols), MaxSymbols, $"MarketDataBufferOptions.MaxSymbols = {MaxSymbols} is out of range (≥ 1)");
        }
    }
}
