namespace BigDL.Interactive.Formatting;

/// <summary>
/// Which entries of a long dimension (rows, columns, slices, table entries, layers) an output shows: all of them up
/// to a limit, else the first and last few around a gap.
/// </summary>
internal static class Clip
{
    /// <summary>Marks the elided middle in the indices <see cref="Indices"/> returns.</summary>
    public const int Gap = -1;

    /// <summary>Entries kept at each end of a clipped dimension.</summary>
    public const int Edge = 3;

    /// <summary>
    /// <c>0 … count−1</c> when <paramref name="count"/> is at most <paramref name="limit"/>; else the first and last
    /// <see cref="Edge"/> indices with <see cref="Gap"/> between them.
    /// </summary>
    public static int[] Indices(int count, int limit)
    {
        if (count <= limit) return [.. Enumerable.Range(0, count)];
        return [.. Enumerable.Range(0, Edge), Gap, .. Enumerable.Range(count - Edge, Edge)];
    }

    /// <summary>How many entries the gap of a clipped dimension of <paramref name="count"/> stands for.</summary>
    public static int Hidden(int count) => count - 2 * Edge;
}
