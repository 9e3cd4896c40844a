namespace BigDL.DataSets;

/// <summary>
/// Turns a stream of records into another, lazily: decoding, normalising, cropping, batching. Chains compose with
/// <see cref="Then{TNext}"/> (or on a data set with <see cref="DataSet{T}.Transform{TOut}"/>), as BigDL's <c>-></c>.
/// </summary>
/// <remarks>
/// BigDL's <c>Transformer[A, B]</c>. A transformer may keep buffers between records; <see cref="Clone"/> makes an
/// independent one for another pipeline. C# allows no generic operators, so there is no <c>-></c> operator.
/// </remarks>
public abstract class Transformer<TIn, TOut>
{
    /// <summary>The transformed stream of <paramref name="source"/>, produced as it is read.</summary>
    public abstract IEnumerable<TOut> Apply(IEnumerable<TIn> source);

    /// <summary>This transformer followed by <paramref name="next"/>.</summary>
    public Transformer<TIn, TNext> Then<TNext>(Transformer<TOut, TNext> next) => new ChainedTransformer<TIn, TOut, TNext>(this, next);

    /// <summary>An independent copy (no shared buffers).</summary>
    public virtual Transformer<TIn, TOut> Clone() => (Transformer<TIn, TOut>)MemberwiseClone();
}
