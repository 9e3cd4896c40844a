namespace BigDL.DataSets;

/// <summary>Makes data sets, as BigDL's <c>DataSet</c> object.</summary>
public static class DataSet
{
    /// <summary>
    /// Records held in memory (BigDL's <c>DataSet.array</c>). Epochs are shuffled by a permutation derived from
    /// <paramref name="seed"/>, by default the next value of <see cref="RandomGenerator.Default"/>.
    /// </summary>
    public static DataSet<T> Array<T>(IReadOnlyList<T> records, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new ArrayDataSet<T>(records, seed ?? RandomGenerator.Default.NextUInt32());
    }
}
