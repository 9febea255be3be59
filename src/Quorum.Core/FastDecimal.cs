using System.Runtime.CompilerServices;

namespace Quorum.Core;

/// <summary>
/// Decimal comparisons for per-bar hot paths (the simulated exchange's trigger checks, the equity curve). Two values with
/// the same sign and scale whose 96-bit mantissas fit in 64 bits — prices on one tick grid, amounts of one currency —
/// compare as two integers, inlined, where <see cref="decimal.Compare"/> is a call that aligns scales. Any other pair
/// falls back to <see cref="decimal.Compare"/>: the result is always exactly <see cref="decimal.Compare"/>'s sign.
/// </summary>
/// <remarks>
/// Reads the decimal's fields in the runtime's layout (flags, high 32 bits, low 64 bits; .NET Core 3.0 and later);
/// <see cref="LayoutIsKnown"/> checks it once, and every method uses <see cref="decimal.Compare"/> if it does not hold.
/// </remarks>
public static class FastDecimal
{
    private const int SignMask = unchecked((int)0x8000_0000);

    /// <summary>True when this runtime lays decimals out as the fast path reads them (checked once, on known values).</summary>
    public static readonly bool LayoutIsKnown = CheckLayout();

    /// <summary>The sign of a − b: −1, 0 or 1, as <see cref="decimal.Compare"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare(decimal a, decimal b)
    {
        var x = Unsafe.BitCast<decimal, Bits>(a);
        var y = Unsafe.BitCast<decimal, Bits>(b);
        if (LayoutIsKnown && x.Flags == y.Flags && (x.High | y.High) == 0)
        {
            var magnitude = x.Low.CompareTo(y.Low);
            return (x.Flags & SignMask) == 0 ? magnitude : -magnitude;
        }

        return decimal.Compare(a, b);
    }

    /// <summary>a &lt; b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Less(decimal a, decimal b) => Compare(a, b) < 0;

    /// <summary>a ≤ b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessOrEqual(decimal a, decimal b) => Compare(a, b) <= 0;

    /// <summary>The smaller of the two; <paramref name="b"/> when equal (as <see cref="Math.Min(decimal, decimal)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Min(decimal a, decimal b) => Compare(a, b) < 0 ? a : b;

    /// <summary>The larger of the two; <paramref name="a"/> when equal (as <see cref="Math.Max(decimal, decimal)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Max(decimal a, decimal b) => Compare(a, b) >= 0 ? a : b;

    /// <summary>value &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPositive(decimal value)
    {
        if (!LayoutIsKnown)
        {
            return value > 0m;
        }

        var x = Unsafe.BitCast<decimal, Bits>(value);
        return (x.Flags & SignMask) == 0 && (x.High | x.Low) != 0;
    }

    /// <summary>value &lt; 0 (a negative zero is not negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNegative(decimal value)
    {
        if (!LayoutIsKnown)
        {
            return value < 0m;
        }

        var x = Unsafe.BitCast<decimal, Bits>(value);
        return (x.Flags & SignMask) != 0 && (x.High | x.Low) != 0;
    }

    /// <summary>value == 0 (of any scale or sign: a decimal zero has a zero mantissa).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(decimal value)
    {
        if (!LayoutIsKnown)
        {
            return value == 0m;
        }

        var x = Unsafe.BitCast<decimal, Bits>(value);
        return (x.High | x.Low) == 0;
    }

    /// <summary>The same 128 bits — the same value and scale; implies equality (equal values may differ in scale).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameBits(decimal a, decimal b) => Unsafe.BitCast<decimal, UInt128>(a) == Unsafe.BitCast<decimal, UInt128>(b);

    private static bool CheckLayout()
    {
        var value = new decimal(lo: 5, mid: 7, hi: 9, isNegative: true, scale: 3);
        ref var bits = ref Unsafe.As<decimal, Bits>(ref value);
        var parts = decimal.GetBits(value);
        return Unsafe.SizeOf<decimal>() == Unsafe.SizeOf<Bits>() &&
               bits.Flags == parts[3] && bits.High == (uint)parts[2] && bits.Low == (((ulong)(uint)parts[1]) << 32 | (uint)parts[0]);
    }

    /// <summary>The runtime's decimal fields, in order.</summary>
    private struct Bits
    {
#pragma warning disable CS0649 // read through Unsafe.BitCast, never assigned
        public int Flags;
        public uint High;
        public ulong Low;
#pragma warning restore CS0649
    }
}
