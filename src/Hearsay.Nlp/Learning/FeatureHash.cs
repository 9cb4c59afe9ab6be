using System.Runtime.CompilerServices;

namespace Hearsay.Nlp.Learning;

/// <summary>
/// 64-bit feature hashing without allocation: a string (or span) hashes once per token, and a feature is the
/// mix of a template number with one or more such hashes. Collisions at 64 bits are negligible.
/// </summary>
public static class FeatureHash
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;

    /// <summary>Hash of the characters of <paramref name="s"/> (FNV-1a, then finalized).</summary>
    public static ulong Of(ReadOnlySpan<char> s)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in s)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return Finalize(h ^ (ulong)s.Length);
    }

    /// <summary>Hash of the lower-cased characters of <paramref name="s"/>.</summary>
    public static ulong OfLower(ReadOnlySpan<char> s)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in s)
        {
            h = (h ^ char.ToLowerInvariant(c)) * 0x100000001B3UL;
        }

        return Finalize(h ^ (ulong)s.Length);
    }

    /// <summary>Feature of one template and one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a) => Finalize(((ulong)template * Seed) ^ a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Finalize((((ulong)template * Seed) ^ a) + (Finalize(b) * 0xC2B2AE3D27D4EB4FUL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Feature(template, Feature(template, a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c, ulong d) => Feature(template, Feature(template, a, b), Feature(template, c, d));

    /// <summary>Hash of a small integer value (tag index, distance bucket) as a feature value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Value(int v) => Finalize((ulong)(uint)v + 0x51ED27UL);

    /// <summary>splitmix64 finalizer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
