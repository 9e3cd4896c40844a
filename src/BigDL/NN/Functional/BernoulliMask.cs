using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// Fills dropout masks fast and reproducibly: one 64-bit seed is drawn from the caller's
/// <see cref="RandomGenerator"/>, then each block of 64K elements gets its own xoshiro128** stream derived from that
/// seed and the block's index, so blocks fill in parallel and the mask depends only on the seed, never on the number
/// of threads. (Drawing every element from the Mersenne Twister cost ~10 ns each.)
/// </summary>
internal static class BernoulliMask
{
    private const int Block = 1 << 16;

    /// <summary>mask[i] = <paramref name="keep"/> with probability <paramref name="keepProbability"/>, else 0.</summary>
    public static void Fill<T>(RandomGenerator random, T[] mask, int length, double keepProbability, T keep) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ulong seed = ((ulong)random.NextUInt32() << 32) | random.NextUInt32();
        ulong limit = (ulong)Math.Ceiling(keepProbability * 4294967296.0);
        int blocks = (length + Block - 1) / Block;
        if (blocks <= 1) FillBlock(mask, 0, length, seed, limit, keep);
        else Engine.For(blocks, b => FillBlock(mask, b * Block, Math.Min(Block, length - b * Block), seed + (ulong)b, limit, keep));
    }

    private static void FillBlock<T>(T[] mask, int start, int count, ulong seed, ulong limit, T keep) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // SplitMix64 expands the block's seed into the four words of xoshiro128**.
        ulong z = seed;
        uint s0 = (uint)SplitMix(ref z), s1 = (uint)SplitMix(ref z), s2 = (uint)SplitMix(ref z), s3 = (uint)SplitMix(ref z);
        var target = mask.AsSpan(start, count);
        for (int i = 0; i < target.Length; i++)
        {
            uint result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
            uint t = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 11);
            target[i] = result < limit ? keep : T.Zero;
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
