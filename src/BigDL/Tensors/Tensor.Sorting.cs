using BigDL.Tensors.Kernels;

namespace BigDL.Tensors;

// Sorting and top-k along one dimension. Both order values with NaN above every number and break ties by
// position, so equal values keep their order (a stable sort) and results do not depend on Engine.CoreNumber.
public sealed partial class Tensor<T>
{
    /// <summary>
    /// Sorts every slice along <paramref name="dim"/> (the last by default), ascending unless
    /// <paramref name="descending"/>. The sort is stable: equal values (−0 and +0 included) keep their order.
    /// NaN counts as larger than every number: last when ascending, first when descending.
    /// </summary>
    /// <remarks>
    /// BigDL/Torch7 <c>sort(dim, descending)</c>, with 0-based dimensions and 0-BASED indices (BigDL's are
    /// 1-based), stored as <typeparamref name="T"/>.
    /// </remarks>
    /// <returns>The sorted values and, for each, its position along <paramref name="dim"/> in this tensor; both of this tensor's size.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension of the tensor.</exception>
    /// <exception cref="ArgumentException">T is float and dimension <paramref name="dim"/> has more than 2^24 + 1 positions (indices would not be exact).</exception>
    public (Tensor<T> Values, Tensor<T> Indices) Sort(int dim = -1, bool descending = false)
    {
        int d = NormalizeDim(dim, nameof(dim));
        return SortSlices(d, dim, _size[d], descending, sorted: true);
    }

    /// <summary>
    /// The <paramref name="k"/> smallest elements of every slice along <paramref name="dim"/> (the last by
    /// default) when <paramref name="increase"/> (the default, as BigDL/Torch7), else the k largest, and their
    /// positions. With <paramref name="sorted"/> they come in increasing (resp. decreasing) order, else in
    /// their order along the slice. Ties keep the earlier position first; NaN counts as the largest value.
    /// </summary>
    /// <remarks>
    /// BigDL's <c>topk(k, dim, increase, result, indices, sortedResult)</c> without the output arguments,
    /// with 0-based dimensions and 0-BASED indices (BigDL's are 1-based), stored as <typeparamref name="T"/>.
    /// PyTorch's <c>topk</c> defaults to the largest; pass <c>increase: false</c> for that.
    /// </remarks>
    /// <returns>Values and indices with this tensor's size except <paramref name="k"/> along <paramref name="dim"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is not a dimension, or <paramref name="k"/> is outside [0, size of the dimension].</exception>
    /// <exception cref="ArgumentException">T is float and dimension <paramref name="dim"/> has more than 2^24 + 1 positions (indices would not be exact).</exception>
    public (Tensor<T> Values, Tensor<T> Indices) TopK(int k, int dim = -1, bool increase = true, bool sorted = true)
    {
        int d = NormalizeDim(dim, nameof(dim));
        if (k < 0 || k > _size[d])
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k = {k} must be in [0, {_size[d]}]: dimension {dim} has size {_size[d]} in a tensor of size {Shape.Format(_size)}");
        return SortSlices(d, dim, k, descending: !increase, sorted);
    }

    private (Tensor<T> Values, Tensor<T> Indices) SortSlices(int d, int dim, int k, bool descending, bool sorted)
    {
        RequireIndexable(d, dim);
        var values = new Tensor<T>(KeptSizes(d, k));
        var indices = new Tensor<T>(KeptSizes(d, k));
        int inner = 1;
        for (int i = d + 1; i < _size.Length; i++) inner *= _size[i];
        DimReduction.Run(this, d, new SortReducer<T>(values.Data, indices.Data, k, inner, descending, sorted));
        return (values, indices);
    }
}
