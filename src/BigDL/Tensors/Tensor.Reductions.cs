using BigDL.Tensors.Kernels;

namespace BigDL.Tensors;

// Whole-tensor reductions. Float tensors are accumulated in double (Torch's accreal) and the result rounded
// once; the order of accumulation depends only on the shape and layout, never on Engine.CoreNumber or on
// addresses, so the same tensor always reduces to the same bits.
public sealed partial class Tensor<T>
{
    /// <summary>The sum of all elements; 0 for an empty tensor.</summary>
    /// <remarks>BigDL/Torch7 <c>sum()</c>.</remarks>
    public T Sum() => T.CreateTruncating(WholeReduction.Aggregate(this, new SumOp()));

    /// <summary>The mean of all elements.</summary>
    /// <remarks>BigDL/Torch7 <c>mean()</c>.</remarks>
    /// <exception cref="InvalidOperationException">The tensor is empty.</exception>
    public T Mean()
    {
        int n = RequireElements(nameof(Mean));
        return T.CreateTruncating(WholeReduction.Aggregate(this, new SumOp()) / n);
    }

    /// <summary>The product of all elements; 1 for an empty tensor.</summary>
    /// <remarks>BigDL/Torch7 <c>prod()</c>.</remarks>
    public T Prod() => T.CreateTruncating(WholeReduction.Aggregate(this, new ProdOp()));

    /// <summary>The largest element; NaN when any element is NaN.</summary>
    /// <remarks>BigDL/Torch7 <c>max()</c>.</remarks>
    /// <exception cref="InvalidOperationException">The tensor is empty.</exception>
    public T Max()
    {
        RequireElements(nameof(Max));
        return WholeReduction.Extreme(this, max: true);
    }

    /// <summary>The smallest element; NaN when any element is NaN.</summary>
    /// <remarks>BigDL/Torch7 <c>min()</c>.</remarks>
    /// <exception cref="InvalidOperationException">The tensor is empty.</exception>
    public T Min()
    {
        RequireElements(nameof(Min));
        return WholeReduction.Extreme(this, max: false);
    }

    /// <summary>The Euclidean (2-) norm of all elements, √(Σ x²); 0 for an empty tensor.</summary>
    /// <remarks>BigDL/Torch7 <c>norm()</c>.</remarks>
    public T Norm() => Norm(T.CreateTruncating(2));

    /// <summary>
    /// The <paramref name="p"/>-norm of all elements, (Σ |x|^p)^(1/p); with p = +∞ the largest magnitude,
    /// max |x|. 0 for an empty tensor.
    /// </summary>
    /// <remarks>BigDL/Torch7 <c>norm(p)</c>; p = 0 (Torch's count of non-zeros) is not supported.</remarks>
    /// <param name="p">The order of the norm: a number greater than 0, or <c>T.PositiveInfinity</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not greater than 0 (or is NaN).</exception>
    public T Norm(T p)
    {
        double order = CheckNormOrder(p);
        if (double.IsPositiveInfinity(order)) return T.CreateTruncating(WholeReduction.Aggregate(this, new MaxAbsOp()));
        if (order == 1) return T.CreateTruncating(WholeReduction.Aggregate(this, new AbsSumOp()));
        if (order == 2) return T.CreateTruncating(new SquareSumOp().Finish(WholeReduction.Aggregate(this, new SquareSumOp()), 0));
        var op = new PowSumOp(order);
        return T.CreateTruncating(op.Finish(WholeReduction.Aggregate(this, op), 0));
    }

    /// <summary>
    /// The variance of all elements: Σ (x − mean)² / (n − 1) when <paramref name="unbiased"/> (the default,
    /// as Torch), else / n. Computed in two passes in double. NaN for a single element when unbiased.
    /// </summary>
    /// <remarks>BigDL/Torch7 <c>var()</c>.</remarks>
    /// <exception cref="InvalidOperationException">The tensor is empty.</exception>
    public T Var(bool unbiased = true) => T.CreateTruncating(Variance(nameof(Var), unbiased, root: false));

    /// <summary>The standard deviation of all elements, the square root of <see cref="Var(bool)"/>.</summary>
    /// <remarks>BigDL/Torch7 <c>std()</c>.</remarks>
    /// <exception cref="InvalidOperationException">The tensor is empty.</exception>
    public T Std(bool unbiased = true) => T.CreateTruncating(Variance(nameof(Std), unbiased, root: true));

    private double Variance(string operation, bool unbiased, bool root)
    {
        int n = RequireElements(operation);
        double mean = WholeReduction.Aggregate(this, new SumOp()) / n;
        double squares = WholeReduction.Aggregate(this, new SquaredDeviationOp(), mean);
        return VarianceReducer<T>.Of(squares, n, unbiased, root);
    }

    /// <summary>The element count, or an exception naming <paramref name="operation"/> when there is none.</summary>
    private int RequireElements(string operation)
    {
        int n = NElement();
        if (n == 0)
            throw new InvalidOperationException($"{operation} of an empty tensor (size {Shape.Format(_size)}) is undefined");
        return n;
    }

    private static double CheckNormOrder(T p)
    {
        if (!(p > T.Zero))
            throw new ArgumentOutOfRangeException(nameof(p), p, $"the norm order p must be greater than 0 or +infinity, got {p}");
        return double.CreateTruncating(p);
    }
}
