namespace BigDL.Tensors;

// Index-based selection and update, Torch semantics with 0-based indices. Index tensors hold integral values
// in T; a fractional or out-of-range index throws, naming the index, where it was found and the valid range.
public sealed partial class Tensor<T>
{
    /// <summary>A new tensor of the slices <paramref name="indices"/> of dimension <paramref name="dim"/>, in that order (Torch <c>index</c>/<c>indexSelect</c>).</summary>
    public Tensor<T> IndexSelect(int dim, params int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int d = NormalizeDim(dim, nameof(dim));
        var sizes = (int[])_size.Clone();
        sizes[d] = indices.Length;
        var result = new Tensor<T>(sizes);
        for (int i = 0; i < indices.Length; i++)
            result.Select(d, i).Copy(Select(d, CheckedIndex(indices[i], d, $"indices[{i}]")));
        return result;
    }

    /// <summary><see cref="IndexSelect(int, int[])"/> with the indices held in a 1-D tensor.</summary>
    public Tensor<T> IndexSelect(int dim, Tensor<T> indices) => IndexSelect(dim, ToIndices(indices, nameof(indices)));

    /// <summary>Fills the slices <paramref name="indices"/> of dimension <paramref name="dim"/> with <paramref name="value"/> (Torch <c>indexFill</c>).</summary>
    public Tensor<T> IndexFill(int dim, int[] indices, T value)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int d = NormalizeDim(dim, nameof(dim));
        for (int i = 0; i < indices.Length; i++) Select(d, CheckedIndex(indices[i], d, $"indices[{i}]")).Fill(value);
        return this;
    }

    /// <summary>
    /// A new tensor of <paramref name="index"/>'s size taking, along <paramref name="dim"/>, the elements the index
    /// names: for dim 0, out[i, j] = this[index[i, j], j] (Torch <c>gather</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="index"/> has another number of dims, or is larger than this tensor in a dimension other than <paramref name="dim"/>.</exception>
    public Tensor<T> Gather(int dim, Tensor<T> index)
    {
        int d = CheckScatterShape(dim, index, nameof(index));
        var result = new Tensor<T>(index._size);
        ForEachIndexed(index, d, (position, target) => result.Data[result.OffsetOf(position)] = Data[OffsetOf(position, d, target)]);
        return result;
    }

    /// <summary>
    /// Writes <paramref name="source"/>'s elements into this tensor at the positions <paramref name="index"/> names
    /// along <paramref name="dim"/>: for dim 0, this[index[i, j], j] = source[i, j] (Torch <c>scatter</c>).
    /// </summary>
    public Tensor<T> Scatter(int dim, Tensor<T> index, Tensor<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int d = CheckScatterShape(dim, index, nameof(index));
        for (int k = 0; k < index.Dim(); k++)
            if (source.Dim() != index.Dim() || source._size[k] < index._size[k])
                throw new ArgumentException($"Scatter: source of size {Shape.Format(source._size)} must be at least as large as index {Shape.Format(index._size)} in every dimension", nameof(source));
        ForEachIndexed(index, d, (position, target) => Data[OffsetOf(position, d, target)] = source.Data[source.OffsetOf(position)]);
        return this;
    }

    /// <summary>Writes <paramref name="value"/> at the positions <paramref name="index"/> names along <paramref name="dim"/> (Torch <c>scatter</c> with a value).</summary>
    public Tensor<T> Scatter(int dim, Tensor<T> index, T value)
    {
        int d = CheckScatterShape(dim, index, nameof(index));
        ForEachIndexed(index, d, (position, target) => Data[OffsetOf(position, d, target)] = value);
        return this;
    }

    private int CheckScatterShape(int dim, Tensor<T> index, string paramName)
    {
        ArgumentNullException.ThrowIfNull(index, paramName);
        int d = NormalizeDim(dim, nameof(dim));
        if (index.Dim() != Dim())
            throw new ArgumentException($"{paramName} must have {Dim()} dims like this tensor {Shape.Format(_size)}, got {Shape.Format(index._size)}", paramName);
        for (int k = 0; k < Dim(); k++)
            if (k != d && index._size[k] > _size[k])
                throw new ArgumentException($"{paramName} of size {Shape.Format(index._size)} is larger than this tensor {Shape.Format(_size)} in dimension {k}", paramName);
        return d;
    }

    /// <summary>Calls <paramref name="visit"/> with each position of <paramref name="index"/> (row-major) and the checked index it holds.</summary>
    private void ForEachIndexed(Tensor<T> index, int dim, Action<int[], int> visit)
    {
        if (index.IsEmpty) return;
        var position = new int[index.Dim()];
        int count = index.NElement();
        for (int n = 0; n < count; n++)
        {
            T raw = index.Data[index.OffsetOf(position)];
            visit(position, CheckedIndex(raw, dim, $"index{Shape.Format(position)}"));
            for (int k = position.Length - 1; k >= 0 && ++position[k] == index._size[k]; k--) position[k] = 0;
        }
    }

    private int OffsetOf(int[] position, int replaceDim = -1, int replacement = 0)
    {
        int offset = _offset;
        for (int k = 0; k < position.Length; k++) offset += (k == replaceDim ? replacement : position[k]) * _stride[k];
        return offset;
    }

    private int CheckedIndex(T raw, int dim, string where)
    {
        if (!T.IsInteger(raw))
            throw new ArgumentException($"{where} holds {raw}, which is not an integral index", "index");
        return CheckedIndex(int.CreateSaturating(raw), dim, where);
    }

    private int CheckedIndex(int index, int dim, string where)
    {
        if ((uint)index >= (uint)_size[dim])
            throw new IndexOutOfRangeException($"{where} = {index} is outside dimension {dim} of size {_size[dim]} (valid 0..{_size[dim] - 1}) in a tensor of size {Shape.Format(_size)}; indices are 0-based");
        return index;
    }

    private static int[] ToIndices(Tensor<T> indices, string paramName)
    {
        ArgumentNullException.ThrowIfNull(indices, paramName);
        if (indices.Dim() > 1)
            throw new ArgumentException($"{paramName} must be 1-D, got size {Shape.Format(indices._size)}", paramName);
        var values = indices.Contiguous().AsSpan();
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsInteger(values[i])) throw new ArgumentException($"{paramName}[{i}] holds {values[i]}, which is not an integral index", paramName);
            result[i] = int.CreateSaturating(values[i]);
        }
        return result;
    }
}
