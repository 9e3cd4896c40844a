namespace BigDL.DataSets;

/// <summary>The order of an epoch's records: a Fisher–Yates shuffle driven by a generator seeded from (seed, epoch).</summary>
internal static class Permutation
{
    /// <summary>Fills <paramref name="order"/> with a permutation of 0…n−1 that depends only on <paramref name="seed"/> and <paramref name="epoch"/>.</summary>
    public static void Fill(int[] order, ulong seed, int epoch)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
        // Distinct epochs get unrelated streams: the epoch is mixed into the seed with a 64-bit odd multiplier.
        var random = new RandomGenerator(seed ^ ((ulong)(uint)epoch * 0x9E3779B97F4A7C15UL));
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = (int)(random.Uniform() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
