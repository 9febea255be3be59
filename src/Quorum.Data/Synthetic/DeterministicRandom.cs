namespace Quorum.Data.Synthetic;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna) seeded through SplitMix64: a small, fast generator whose
/// output is fully specified here, unlike <see cref="Random"/>, whose algorithm may change
/// between .NET versions. Each (seed, stream) pair gives an independent stream.
/// </summary>
internal sealed class DeterministicRandom
{
    private const double UnitScale = 1.0 / 9007199254740992.0; // 2^-53

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareGaussian;
    private bool _hasSpareGaussian;

    public DeterministicRandom(long seed, int stream)
    {
        var state = unchecked((ulong)seed ^ ((ulong)(uint)stream * 0xD1B5_4A32_D192_ED03UL));
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    public ulong NextUInt64()
    {
        var result = BitRotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>Uniform on (0, 1]: safe to take the logarithm of.</summary>
    public double NextOpenUnit() => ((NextUInt64() >> 11) + 1) * UnitScale;

    /// <summary>Standard normal variate (Marsaglia's polar method; no trigonometry).</summary>
    public double NextGaussian()
    {
        if (_hasSpareGaussian)
        {
            _hasSpareGaussian = false;
            return _spareGaussian;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var factor = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
        _spareGaussian = v * factor;
        _hasSpareGaussian = true;
        return u * factor;
    }

    /// <summary>Exponential variate with the given mean.</summary>
    public double NextExponential(double mean) => -mean * DeterministicMath.Log(NextOpenUnit());

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E37_79B9_7F4A_7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    private static ulong BitRotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));
}
