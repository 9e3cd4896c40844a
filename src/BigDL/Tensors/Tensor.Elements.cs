using BigDL.Tensors.Kernels;

namespace BigDL.Tensors;

public sealed partial class Tensor<T>
{
    /// <summary>The element at <paramref name="i"/> of a 1-D tensor.</summary>
    public T this[int i]
    {
        get => Data[ElementOffset(i)];
        set => Data[ElementOffset(i)] = value;
    }

    /// <summary>The element at (<paramref name="i"/>, <paramref name="j"/>) of a 2-D tensor.</summary>
    public T this[int i, int j]
    {
        get => Data[ElementOffset(i, j)];
        set => Data[ElementOffset(i, j)] = value;
    }

    /// <summary>The element at (<paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/>) of a 3-D tensor.</summary>
    public T this[int i, int j, int k]
    {
        get => Data[ElementOffset(i, j, k)];
        set => Data[ElementOffset(i, j, k)] = value;
    }

    /// <summary>The element at the given indices, one per dimension.</summary>
    public T this[params int[] indices]
    {
        get => Data[ElementOffset(indices)];
        set => Data[ElementOffset(indices)] = value;
    }

    /// <summary>The element at <paramref name="indices"/> (BigDL's <c>valueAt</c>, 0-based).</summary>
    public T ValueAt(params int[] indices) => Data[ElementOffset(indices)];

    /// <summary>Sets the element at <paramref name="indices"/> (BigDL's <c>setValue</c>, 0-based).</summary>
    public Tensor<T> SetValue(int[] indices, T value)
    {
        Data[ElementOffset(indices)] = value;
        return this;
    }

    /// <summary>Sets element <paramref name="i"/> of a 1-D tensor.</summary>
    public Tensor<T> SetValue(int i, T value)
    {
        Data[ElementOffset(i)] = value;
        return this;
    }

    /// <summary>Sets element (<paramref name="i"/>, <paramref name="j"/>) of a 2-D tensor.</summary>
    public Tensor<T> SetValue(int i, int j, T value)
    {
        Data[ElementOffset(i, j)] = value;
        return this;
    }

    /// <summary>The value of a tensor with exactly one element (a scalar or any 1×…×1 tensor).</summary>
    /// <exception cref="InvalidOperationException">The tensor does not hold exactly one element.</exception>
    public T Value()
    {
        if (NElement() != 1)
            throw new InvalidOperationException($"Value() needs a tensor of exactly one element, got size {Shape.Format(_size)}");
        return Data[_offset];
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public Tensor<T> Fill(T value)
    {
        ElementWalk.Run(this, new FillAction<T>(value));
        return this;
    }

    /// <summary>Sets every element to zero.</summary>
    public Tensor<T> Zero() => Fill(T.Zero);

    /// <summary>
    /// Copies the elements of <paramref name="source"/> into this tensor in row-major order; any strides,
    /// the same number of elements (Torch's <c>copy</c>). Overlapping storage is handled.
    /// </summary>
    /// <exception cref="ArgumentException">The element counts differ.</exception>
    public Tensor<T> Copy(Tensor<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int n = NElement();
        if (source.NElement() != n)
            throw new ArgumentException($"Copy needs the same number of elements: destination {Shape.Format(_size)} has {n}, source {Shape.Format(source._size)} has {source.NElement()}", nameof(source));
        if (n == 0) return this;
        if (ReferenceEquals(source._storage, _storage) && !(source._offset == _offset && source._stride.AsSpan().SequenceEqual(_stride)))
            source = source.Clone();
        if (IsContiguous() && source.IsContiguous())
        {
            source.Data.AsSpan(source._offset, n).CopyTo(Data.AsSpan(_offset, n));
            return this;
        }
        var from = source.IsSameSizeAs(this) ? source : source.Contiguous().View(_size.Length == 0 ? [1] : _size);
        var to = _size.Length == 0 ? View(1) : this;
        ElementWalk.Run(to, from, new CopyAction<T>());
        return this;
    }

    /// <summary>Replaces each element x by <paramref name="func"/>(x). Convenient, not for hot paths.</summary>
    public Tensor<T> Apply(Func<T, T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        ElementWalk.Run(this, new ApplyAction<T>(func));
        return this;
    }

    /// <summary>
    /// Replaces each element x by <paramref name="func"/>(x, y), y the matching element of <paramref name="other"/>
    /// (BigDL's <c>map</c>). Convenient, not for hot paths.
    /// </summary>
    public Tensor<T> Map(Tensor<T> other, Func<T, T, T> func)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(func);
        if (other.NElement() != NElement())
            throw new ArgumentException($"Map needs the same number of elements: {Shape.Format(_size)} vs {Shape.Format(other._size)}", nameof(other));
        ElementWalk.Run(this, this, other.IsSameSizeAs(this) ? other : other.Reshape(_size), new MapAction<T>(func));
        return this;
    }

    private int ElementOffset(int i)
    {
        RequireDims(1);
        return _offset + CheckIndex(0, i) * _stride[0];
    }

    private int ElementOffset(int i, int j)
    {
        RequireDims(2);
        return _offset + CheckIndex(0, i) * _stride[0] + CheckIndex(1, j) * _stride[1];
    }

    private int ElementOffset(int i, int j, int k)
    {
        RequireDims(3);
        return _offset + CheckIndex(0, i) * _stride[0] + CheckIndex(1, j) * _stride[1] + CheckIndex(2, k) * _stride[2];
    }

    private int ElementOffset(int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        RequireDims(indices.Length);
        int offset = _offset;
        for (int d = 0; d < indices.Length; d++) offset += CheckIndex(d, indices[d]) * _stride[d];
        if (_storage is null) throw new IndexOutOfRangeException("the tensor is empty");
        return offset;
    }

    private void RequireDims(int count)
    {
        if (_size.Length != count)
            throw new ArgumentException($"{count} indices given for a tensor of {_size.Length} dims {Shape.Format(_size)}", "indices");
    }

    private int CheckIndex(int dim, int index)
    {
        if ((uint)index >= (uint)_size[dim])
            throw new IndexOutOfRangeException($"index {index} is out of range for dimension {dim} of size {_size[dim]} (tensor size {Shape.Format(_size)})");
        return index;
    }
}
