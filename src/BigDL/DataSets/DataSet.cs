namespace BigDL.DataSets;

/// <summary>
/// Records to train or evaluate on. One call to <see cref="Data"/> is one pass (an epoch); <see cref="Shuffle"/> orders
/// the records of an epoch. <see cref="Size"/> counts the records behind any batching transformer, so the training loop
/// can count epochs in records as BigDL does.
/// </summary>
/// <remarks>
/// BigDL's <c>AbstractDataSet</c> / <c>LocalDataSet</c>. Unlike BigDL, a pass ends with the data set (its last batch may
/// be smaller) and the order of an epoch depends only on the data set's seed and the epoch number, so training resumed
/// from a checkpoint sees exactly the records it would have seen.
/// </remarks>
public abstract class DataSet<T>
{
    /// <summary>Number of records in one pass.</summary>
    public abstract long Size { get; }

    /// <summary>One pass over the records: in the order set by <see cref="Shuffle"/> when <paramref name="train"/>, else in stored order.</summary>
    public abstract IEnumerable<T> Data(bool train);

    /// <summary>Orders the records for epoch <paramref name="epoch"/> (1-based): the same permutation for the same seed and epoch.</summary>
    public abstract void Shuffle(int epoch);

    /// <summary>This data set with <paramref name="transformer"/> applied to every pass.</summary>
    public DataSet<TOut> Transform<TOut>(Transformer<T, TOut> transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformedDataSet<T, TOut>(this, transformer);
    }
}
