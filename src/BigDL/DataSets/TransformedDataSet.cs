namespace BigDL.DataSets;

/// <summary>A data set read through a transformer; size and shuffling are the source's.</summary>
internal sealed class TransformedDataSet<TIn, TOut>(DataSet<TIn> source, Transformer<TIn, TOut> transformer) : DataSet<TOut>
{
    public override long Size => source.Size;

    public override IEnumerable<TOut> Data(bool train) => transformer.Apply(source.Data(train));

    public override void Shuffle(int epoch) => source.Shuffle(epoch);

    public override string ToString() => $"{source} -> {transformer}";
}
