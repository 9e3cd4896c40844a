namespace BigDL.DataSets;

/// <summary>Records held in memory; shuffling permutes an index, never the records.</summary>
/// <remarks>BigDL's <c>LocalArrayDataSet</c> (made by <c>DataSet.array</c>).</remarks>
internal sealed class ArrayDataSet<T> : DataSet<T>
{
    private readonly IReadOnlyList<T> _records;
    private readonly int[] _order;

    public ArrayDataSet(IReadOnlyList<T> records, ulong seed)
    {
        _records = records;
        Seed = seed;
        _order = new int[records.Count];
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
    }

    /// <summary>The seed the epochs' permutations derive from.</summary>
    public ulong Seed { get; }

    public override long Size => _records.Count;

    public override IEnumerable<T> Data(bool train)
    {
        for (int i = 0; i < _records.Count; i++) yield return _records[train ? _order[i] : i];
    }

    public override void Shuffle(int epoch) => Permutation.Fill(_order, Seed, epoch);

    public override string ToString() => $"DataSet.Array({_records.Count} records)";
}
