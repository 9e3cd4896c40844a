namespace BigDL.Tensors;

public sealed partial class Tensor<T>
{
    private Tensor<T> NewView(int offset, int[] sizes, int[] strides)
        => new() { _storage = _storage, _offset = offset, _size = sizes, _stride = strides };

    /// <summary>A view of <paramref name="length"/> entries of dimension <paramref name="dim"/> starting at <paramref name="start"/>.</summary>
    /// <remarks>Torch's <c>narrow(dim, index, size)</c>, 0-based.</remarks>
    public Tensor<T> Narrow(int dim, int start, int length)
    {
        int d = NormalizeDim(dim, nameof(dim));
        if (start < 0 || length < 0 || start + length > _size[d])
            throw new ArgumentOutOfRangeException(nameof(start), $"Narrow(dim: {dim}, start: {start}, length: {length}) is outside dimension {d} of size {_size[d]} in a tensor of size {Shape.Format(_size)}");
        var sizes = (int[])_size.Clone();
        sizes[d] = length;
        return NewView(_offset + start * _stride[d], sizes, (int[])_stride.Clone());
    }

    /// <summary>The slice at <paramref name="index"/> of dimension <paramref name="dim"/>, one dimension fewer.</summary>
    /// <remarks>Torch's <c>select(dim, index)</c>, 0-based. Selecting in a 1-D tensor gives a 0-dimensional (scalar) view.</remarks>
    public Tensor<T> Select(int dim, int index)
    {
        int d = NormalizeDim(dim, nameof(dim));
        if (index < 0 || index >= _size[d])
            throw new IndexOutOfRangeException($"Select(dim: {dim}, index: {index}) is outside dimension {d} of size {_size[d]} in a tensor of size {Shape.Format(_size)}");
        return NewView(_offset + index * _stride[d], RemoveAt(_size, d), RemoveAt(_stride, d));
    }

    /// <summary>A view with dimensions <paramref name="dim1"/> and <paramref name="dim2"/> swapped.</summary>
    public Tensor<T> Transpose(int dim1, int dim2)
    {
        int a = NormalizeDim(dim1, nameof(dim1));
        int b = NormalizeDim(dim2, nameof(dim2));
        var sizes = (int[])_size.Clone();
        var strides = (int[])_stride.Clone();
        (sizes[a], sizes[b]) = (sizes[b], sizes[a]);
        (strides[a], strides[b]) = (strides[b], strides[a]);
        return NewView(_offset, sizes, strides);
    }

    /// <summary>A view with new sizes over the same elements; one size may be −1 (inferred).</summary>
    /// <exception cref="InvalidOperationException">The tensor is not contiguous (use <see cref="Reshape"/>).</exception>
    /// <exception cref="ArgumentException">The sizes do not hold the same number of elements.</exception>
    public Tensor<T> View(params int[] sizes)
    {
        var resolved = InferSizes(sizes, NElement());
        if (!IsContiguous())
            throw new InvalidOperationException($"View({string.Join(", ", sizes)}) requires a contiguous tensor, got sizes {Shape.Format(_size)} with strides {Shape.Format(_stride)}; use Reshape or Contiguous()");
        return NewView(_offset, resolved, Shape.ContiguousStrides(resolved));
    }

    /// <summary>Like <see cref="View"/>, but copies when the tensor is not contiguous.</summary>
    public Tensor<T> Reshape(params int[] sizes) => IsContiguous() ? View(sizes) : Clone().View(sizes);

    /// <summary>A view without any dimension of size 1.</summary>
    public Tensor<T> Squeeze()
    {
        var sizes = new List<int>();
        var strides = new List<int>();
        for (int d = 0; d < _size.Length; d++)
        {
            if (_size[d] == 1) continue;
            sizes.Add(_size[d]);
            strides.Add(_stride[d]);
        }
        return NewView(_offset, [.. sizes], [.. strides]);
    }

    /// <summary>A view without dimension <paramref name="dim"/> if its size is 1; otherwise an equal view.</summary>
    public Tensor<T> Squeeze(int dim)
    {
        int d = NormalizeDim(dim, nameof(dim));
        return _size[d] != 1 ? NewView(_offset, (int[])_size.Clone(), (int[])_stride.Clone())
                             : NewView(_offset, RemoveAt(_size, d), RemoveAt(_stride, d));
    }

    /// <summary>A view with a new dimension of size 1 inserted at <paramref name="dim"/> (0..Dim()).</summary>
    public Tensor<T> Unsqueeze(int dim)
    {
        int d = NormalizeDim(dim, nameof(dim), extra: 1);
        int stride = d < _size.Length ? _size[d] * _stride[d] : 1;
        return NewView(_offset, InsertAt(_size, d, 1), InsertAt(_stride, d, stride));
    }

    /// <summary>
    /// A view where dimensions of size 1 are repeated to <paramref name="sizes"/> with stride 0
    /// (no copy); new leading dimensions may be added; −1 keeps a size.
    /// </summary>
    /// <exception cref="ArgumentException">A dimension that is not 1 would change size.</exception>
    public Tensor<T> Expand(params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length < _size.Length)
            throw new ArgumentException($"Expand to {Shape.Format(sizes)} has fewer dims than the tensor's {Shape.Format(_size)}", nameof(sizes));
        int lead = sizes.Length - _size.Length;
        var newSizes = new int[sizes.Length];
        var newStrides = new int[sizes.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            int own = i < lead ? 1 : _size[i - lead];
            int want = sizes[i] == -1 && i >= lead ? own : sizes[i];
            if (want < 0 || (own != 1 && own != want))
                throw new ArgumentException($"cannot expand size {Shape.Format(_size)} to {Shape.Format(sizes)}: dimension {i} is {own} (only size-1 dimensions expand)", nameof(sizes));
            newSizes[i] = want;
            newStrides[i] = i < lead || (own == 1 && want != 1) ? 0 : _stride[i - lead];
        }
        return NewView(_offset, newSizes, newStrides);
    }

    /// <summary><see cref="Expand"/> to the sizes of <paramref name="other"/>.</summary>
    public Tensor<T> ExpandAs(Tensor<T> other) => Expand(other._size);

    /// <summary>
    /// A view of all windows of <paramref name="size"/> elements taken every <paramref name="step"/> along
    /// <paramref name="dim"/>; the windows form a new last dimension (Torch's <c>unfold</c>).
    /// </summary>
    public Tensor<T> Unfold(int dim, int size, int step)
    {
        int d = NormalizeDim(dim, nameof(dim));
        if (size < 1 || size > _size[d])
            throw new ArgumentOutOfRangeException(nameof(size), $"Unfold window {size} must be in 1..{_size[d]} (dimension {d} of {Shape.Format(_size)})");
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var sizes = InsertAt(_size, _size.Length, size);
        var strides = InsertAt(_stride, _stride.Length, _stride[d]);
        sizes[d] = (_size[d] - size) / step + 1;
        strides[d] = _stride[d] * step;
        return NewView(_offset, sizes, strides);
    }

    /// <summary>
    /// Gives this tensor the given sizes, in place (Torch's <c>resize</c>): nothing changes when the sizes are
    /// already these (a strided view stays a view); otherwise the tensor becomes contiguous, the storage grows if
    /// it is too small, and the values are then unspecified.
    /// </summary>
    public Tensor<T> Resize(params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        int n = Shape.ElementCount(sizes, nameof(sizes));
        if (_size.AsSpan().SequenceEqual(sizes) && (_size.Length > 0 || _storage is not null)) return this;
        if (_storage is null) { _storage = new Storage<T>(_offset + n); }
        else _storage.EnsureLength(_offset + n);
        _size = (int[])sizes.Clone();
        _stride = Shape.ContiguousStrides(sizes);
        return this;
    }

    /// <summary><see cref="Resize"/> to the sizes of <paramref name="other"/>.</summary>
    public Tensor<T> ResizeAs<TOther>(Tensor<TOther> other) where TOther : unmanaged, System.Numerics.IFloatingPointIeee754<TOther>
        => Resize(other.Sizes);

    /// <summary>Makes this tensor a view of the same storage, offset, sizes and strides as <paramref name="other"/>.</summary>
    public Tensor<T> Set(Tensor<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _storage = other._storage;
        _offset = other._offset;
        _size = (int[])other._size.Clone();
        _stride = (int[])other._stride.Clone();
        return this;
    }

    /// <summary>Makes this tensor a view of <paramref name="storage"/> with the given layout.</summary>
    public Tensor<T> Set(Storage<T> storage, int storageOffset, int[] sizes, int[]? strides = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(sizes);
        SetView(storage, storageOffset, sizes, strides);
        return this;
    }

    /// <summary>This tensor when contiguous, else a contiguous copy.</summary>
    public Tensor<T> Contiguous() => IsContiguous() ? this : Clone();

    /// <summary>A contiguous copy with its own storage.</summary>
    public Tensor<T> Clone()
    {
        if (_size.Length == 0) return _storage is null ? new Tensor<T>() : Scalar(Value());
        return new Tensor<T>(_size).Copy(this);
    }

    private static int[] InferSizes(int[] sizes, int count)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var resolved = (int[])sizes.Clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException($"only one size may be -1, got {Shape.Format(sizes)}", nameof(sizes));
                infer = i;
            }
            else if (resolved[i] < 0) throw new ArgumentException($"sizes must be non-negative or -1, got {Shape.Format(sizes)}", nameof(sizes));
            else known *= resolved[i];
        }
        if (infer >= 0 && known > 0 && count % known == 0) resolved[infer] = (int)(count / known);
        if ((infer >= 0 && resolved[infer] == -1) || Shape.ElementCount(resolved, nameof(sizes)) != count)
            throw new ArgumentException($"sizes {Shape.Format(sizes)} do not fit a tensor of {count} elements", nameof(sizes));
        return resolved;
    }

    private static int[] RemoveAt(int[] a, int index)
    {
        var r = new int[a.Length - 1];
        Array.Copy(a, 0, r, 0, index);
        Array.Copy(a, index + 1, r, index, a.Length - index - 1);
        return r;
    }

    private static int[] InsertAt(int[] a, int index, int value)
    {
        var r = new int[a.Length + 1];
        Array.Copy(a, 0, r, 0, index);
        r[index] = value;
        Array.Copy(a, index, r, index + 1, a.Length - index);
        return r;
    }
}
