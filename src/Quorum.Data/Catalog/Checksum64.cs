using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Quorum.Data.Catalog;

/// <summary>
/// The <c>.qbars</c> checksum (see docs/data-format.md): the file is read as little-endian 64-bit
/// words <c>w</c>; starting from <c>h = Seed ^ length</c>, each word does
/// <c>h = rotl64(h ^ w, 29) * Prime</c>, the word holding the checksum itself counting as 0; a final
/// mix (<c>h ^= h &gt;&gt; 32; h *= Prime; h ^= h &gt;&gt; 29</c>) ends it. Every step is a bijection,
/// so any single changed word is always detected. It guards against truncation and bit rot, not
/// against tampering.
/// </summary>
internal static class Checksum64
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;
    private const ulong Prime = 0x100000001B3UL;

    /// <summary>Checksum of <paramref name="data"/> (length a multiple of 8) with the word at <paramref name="skippedWordIndex"/> taken as 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Compute(ReadOnlySpan<byte> data, int skippedWordIndex)
    {
        if (data.Length % 8 != 0)
        {
            throw new ArgumentException($"length {data.Length} is not a multiple of 8", nameof(data));
        }

        var hash = Seed ^ (ulong)data.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        for (var i = 0; i < words.Length; i++)
        {
            var word = i == skippedWordIndex ? 0UL : words[i];
            if (!BitConverter.IsLittleEndian)
            {
                word = BinaryPrimitives.ReverseEndianness(word);
            }

            hash = BitOperations.RotateLeft(hash ^ word, 29) * Prime;
        }

        hash ^= hash >> 32;
        hash *= Prime;
        hash ^= hash >> 29;
        return hash;
    }
}
