using BigDL.Tensors.Kernels;

namespace BigDL.Tensors;

// Reductions along one dimension, with BigDL/Torch7 shapes: the reduced dimension is KEPT with size 1 (summing a
// 2x3 tensor over dimension 0 gives 1x3; PyTorch drops it, so PyTorch users Squeeze(dim)). Dimensions are
// 0-based and negative ones count from the last. Results are new contiguous tensors. Float slices are
// accumulated in double; every output is reduced by one thread in an order fixed by the layout, so results do
// not depend on Engine.CoreNumber.
public sealed partial class Tensor<T>
{
    /// <summary>Sums over dimension <paramref name="dim"/>, which is kept with size 1.</summary>
    /// <remarks>BigDL/Torch7 <c>sum(dim)</c>, 0-based; a dimension of size 0 sums to 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    public Tensor<T> Sum(int dim) => ReduceDim(dim, new SumOp());

    /// <summary>Averages over dimension <paramref name="dim"/>, which is kept with size 1.</summary>
    /// <remarks>BigDL/Torch7 <c>mean(dim)</c>, 0-based.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    /// <exception cref="InvalidOperationException">Dimension <paramref name="dim"/> has size 0.</exception>
    public Tensor<T> Mean(int dim)
    {
        RequireSlice(dim, nameof(Mean));
        return ReduceDim(dim, new MeanOp());
    }

    /// <summary>Multiplies over dimension <paramref name="dim"/>, which is kept with size 1.</summary>
    /// <remarks>BigDL/Torch7 <c>prod(dim)</c>, 0-based; a dimension of size 0 multiplies to 1.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    public Tensor<T> Prod(int dim) => ReduceDim(dim, new ProdOp());

    /// <summary>
    /// The <paramref name="p"/>-norm of each slice along dimension <paramref name="dim"/>, which is kept with
    /// size 1: (Σ |x|^p)^(1/p), or max |x| for p = +∞.
    /// </summary>
    /// <remarks>BigDL/Torch7 <c>norm(p, dim)</c>, 0-based.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not greater than 0, or <paramref name="dim"/> is not a dimension.</exception>
    public Tensor<T> Norm(T p, int dim)
    {
        double order = CheckNormOrder(p);
        if (double.IsPositiveInfinity(order)) return ReduceDim(dim, new MaxAbsOp());
        if (order == 1) return ReduceDim(dim, new AbsSumOp());
        if (order == 2) return ReduceDim(dim, new SquareSumOp());
        return ReduceDim(dim, new PowSumOp(order));
    }

    /// <summary>
    /// The variance of each slice along dimension <paramref name="dim"/>, which is kept with size 1; divides by
    /// n − 1 when <paramref name="unbiased"/> (the default, as Torch), else by n. Two passes in double.
    /// </summary>
    /// <remarks>BigDL/Torch7 <c>var(dim)</c>, 0-based. NaN for slices of one element when unbiased.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    /// <exception cref="InvalidOperationException">Dimension <paramref name="dim"/> has size 0.</exception>
    public Tensor<T> Var(int dim, bool unbiased = true) => VarianceDim(dim, nameof(Var), unbiased, root: false);

    /// <summary>The standard deviation of each slice along <paramref name="dim"/> (kept with size 1): the square root of <see cref="Var(int, bool)"/>.</summary>
    /// <remarks>BigDL/Torch7 <c>std(dim)</c>, 0-based.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    /// <exception cref="InvalidOperationException">Dimension <paramref name="dim"/> has size 0.</exception>
    public Tensor<T> Std(int dim, bool unbiased = true) => VarianceDim(dim, nameof(Std), unbiased, root: true);

    /// <summary>
    /// The largest element of each slice along <paramref name="dim"/> and its position, both with
    /// <paramref name="dim"/> kept with size 1. Ties give the first position; a NaN counts as the largest
    /// (the first NaN wins), as in Torch.
    /// </summary>
    /// <remarks>
    /// BigDL/Torch7 <c>max(dim)</c>, with 0-BASED indices (BigDL returns 1-based ones), stored as
    /// <typeparamref name="T"/>. Use <c>Squeeze(dim)</c> for PyTorch's shapes.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    /// <exception cref="InvalidOperationException">Dimension <paramref name="dim"/> has size 0.</exception>
    /// <exception cref="ArgumentException">T is float and dimension <paramref name="dim"/> has more than 2^24 + 1 positions (indices would not be exact).</exception>
    public (Tensor<T> Values, Tensor<T> Indices) Max(int dim) => ExtremeDim(dim, nameof(Max), max: true);

    /// <summary>
    /// The smallest element of each slice along <paramref name="dim"/> and its position, both with
    /// <paramref name="dim"/> kept with size 1. Ties give the first position; a NaN counts as the smallest
    /// (the first NaN wins), as in Torch.
    /// </summary>
    /// <remarks>BigDL/Torch7 <c>min(dim)</c>, with 0-BASED indices (BigDL returns 1-based ones), stored as <typeparamref name="T"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    /// <exception cref="InvalidOperationException">Dimension <paramref name="dim"/> has size 0.</exception>
    /// <exception cref="ArgumentException">T is float and dimension <paramref name="dim"/> has more than 2^24 + 1 positions (indices would not be exact).</exception>
    public (Tensor<T> Values, Tensor<T> Indices) Min(int dim) => ExtremeDim(dim, nameof(Min), max: false);

    /// <summary>The 0-based position of the largest element of each slice along <paramref name="dim"/> (kept with size 1): <c>Max(dim).Indices</c>.</summary>
    /// <remarks>PyTorch's <c>argmax(dim, keepdim=True)</c>; BigDL gets it from <c>max(dim)</c>, 1-based.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    /// <exception cref="InvalidOperationException">Dimension <paramref name="dim"/> has size 0.</exception>
    /// <exception cref="ArgumentException">T is float and dimension <paramref name="dim"/> has more than 2^24 + 1 positions (indices would not be exact).</exception>
    public Tensor<T> ArgMax(int dim) => ExtremeDim(dim, nameof(ArgMax), max: true).Indices;

    /// <summary>The 0-based position of the smallest element of each slice along <paramref name="dim"/> (kept with size 1): <c>Min(dim).Indices</c>.</summary>
    /// <remarks>PyTorch's <c>argmin(dim, keepdim=True)</c>; BigDL gets it from <c>min(dim)</c>, 1-based.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    /// <exception cref="InvalidOperationException">Dimension <paramref name="dim"/> has size 0.</exception>
    /// <exception cref="ArgumentException">T is float and dimension <paramref name="dim"/> has more than 2^24 + 1 positions (indices would not be exact).</exception>
    public Tensor<T> ArgMin(int dim) => ExtremeDim(dim, nameof(ArgMin), max: false).Indices;

    private Tensor<T> ReduceDim<TOp>(int dim, TOp op) where TOp : struct, IAccumulateOp
    {
        int d = NormalizeDim(dim, nameof(dim));
        var result = new Tensor<T>(KeptSizes(d, 1));
        DimReduction.Run(this, d, new AccumulateReducer<T, TOp>(result.Data, op));
        return result;
    }

    private Tensor<T> VarianceDim(int dim, string operation, bool unbiased, bool root)
    {
        int d = RequireSlice(dim, operation);
        var result = new Tensor<T>(KeptSizes(d, 1));
        DimReduction.Run(this, d, new VarianceReducer<T>(result.Data, unbiased, root));
        return result;
    }

    private (Tensor<T> Values, Tensor<T> Indices) ExtremeDim(int dim, string operation, bool max)
    {
        int d = RequireSlice(dim, operation);
        RequireIndexable(d, dim);
        var values = new Tensor<T>(KeptSizes(d, 1));
        var indices = new Tensor<T>(KeptSizes(d, 1));
        DimReduction.Run(this, d, new ExtremeReducer<T>(values.Data, indices.Data, max));
        return (values, indices);
    }

    /// <summary>The sizes with dimension <paramref name="d"/> replaced by <paramref name="size"/>.</summary>
    private int[] KeptSizes(int d, int size)
    {
        var sizes = (int[])_size.Clone();
        sizes[d] = size;
        return sizes;
    }

    /// <summary>Normalizes <paramref name="dim"/> and rejects a dimension of size 0, naming <paramref name="operation"/>.</summary>
    private int RequireSlice(int dim, string operation)
    {
        int d = NormalizeDim(dim, nameof(dim));
        if (_size[d] == 0)
            throw new InvalidOperationException($"{operation} over dimension {dim} of a tensor of size {Shape.Format(_size)} is undefined: the dimension is empty");
        return d;
    }

    /// <summary>Rejects a dimension whose positions <typeparamref name="T"/> cannot hold exactly (float: beyond 2^24).</summary>
    private void RequireIndexable(int d, int dim)
    {
        int last = _size[d] - 1;
        // Every position up to last is exact exactly when last and last − 1 are still one apart.
        if (last > 0 && T.CreateTruncating(last) - T.CreateTruncating(last - 1) != T.One)
            throw new ArgumentException($"dimension {dim} of a tensor of size {Shape.Format(_size)} has {_size[d]} positions, more than {typeof(T).Name} indices hold exactly", nameof(dim));
    }
}
