using System.Runtime.CompilerServices;

namespace Hearsay.Attribution.Tagging;

/// <summary>Stable 64-bit FNV-1a hashes of feature templates and their values, so features need no strings at prediction time.</summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(int template, ReadOnlySpan<char> a)
    {
        ulong h = Offset ^ (ulong)template;
        h *= Prime;
        return Mix(h, a);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        ulong h = Of(template, a);
        h ^= 0x1F;
        h *= Prime;
        return Mix(h, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) => Mix(Of(template, a, b) ^ 0x1E, c);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Mix(ulong h, ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            h ^= ch;
            h *= Prime;
        }

        return h;
    }
}
