namespace BigDL.DataSets;

/// <summary>Generators for clones of random transformers.</summary>
internal static class Forked
{
    /// <summary>
    /// A new generator seeded by the next draw of <paramref name="random"/>, so a clone neither shares a generator
    /// (which is not thread-safe) nor repeats its original's draws; null (the thread's default) stays null.
    /// </summary>
    public static RandomGenerator? From(RandomGenerator? random) => random is null ? null : new RandomGenerator(random.NextUInt32());
}
