namespace BigDL.DataSets;

/// <summary>Two transformers, one after the other.</summary>
internal sealed class ChainedTransformer<TIn, TMiddle, TOut>(Transformer<TIn, TMiddle> first, Transformer<TMiddle, TOut> second)
    : Transformer<TIn, TOut>
{
    public override IEnumerable<TOut> Apply(IEnumerable<TIn> source) => second.Apply(first.Apply(source));

    public override Transformer<TIn, TOut> Clone() => new ChainedTransformer<TIn, TMiddle, TOut>(first.Clone(), second.Clone());

    public override string ToString() => $"{first} -> {second}";
}
