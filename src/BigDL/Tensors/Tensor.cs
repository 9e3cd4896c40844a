using System.Numerics;

namespace BigDL.Tensors;

/// <summary>
/// An n-dimensional array of <typeparamref name="T"/> (float or double) with Torch semantics:
/// a <see cref="Storage{T}"/>, an offset into it, sizes and strides. Views share storage.
/// </summary>
/// <remarks>
/// BigDL/Torch7 <c>Tensor</c> (BigDL's <c>DenseTensor</c>), 0-based: dimension 0 is the first dimension and
/// index 0 the first element (Torch and BigDL Scala count from 1). Negative dimensions count from the last.
/// A tensor with no dimensions is either empty (no storage, 0 elements) or a scalar (1 element).
/// </remarks>
public sealed partial class Tensor<T> : IActivity, IShaped where T : unmanaged, IFloatingPointIeee754<T>
{
    private Storage<T>? _storage;
    private int _offset;
    private int[] _size;
    private int[] _stride;

    /// <summary>Creates an empty tensor: no dimensions, no elements.</summary>
    public Tensor()
    {
        _size = [];
        _stride = [];
    }

    /// <summary>Creates a zero-filled contiguous tensor of the given sizes.</summary>
    /// <example><c>new Tensor&lt;double&gt;(2, 3)</c> is a 2×3 matrix of zeros.</example>
    public Tensor(params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        int n = Shape.ElementCount(sizes, nameof(sizes));
        _size = (int[])sizes.Clone();
        _stride = Shape.ContiguousStrides(sizes);
        _storage = sizes.Length == 0 ? null : new Storage<T>(n);
    }

    /// <summary>Wraps <paramref name="data"/> (no copy) as a contiguous tensor of the given sizes.</summary>
    /// <exception cref="ArgumentException">The sizes do not hold exactly <c>data.Length</c> elements.</exception>
    public Tensor(T[] data, params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sizes);
        int n = Shape.ElementCount(sizes, nameof(sizes));
        if (sizes.Length == 0 || n != data.Length)
            throw new ArgumentException($"sizes {Shape.Format(sizes)} hold {(sizes.Length == 0 ? 0 : n)} elements but data has {data.Length}", nameof(sizes));
        _storage = new Storage<T>(data);
        _size = (int[])sizes.Clone();
        _stride = Shape.ContiguousStrides(sizes);
    }

    /// <summary>Copies <paramref name="data"/> into a new contiguous tensor of the given sizes.</summary>
    /// <exception cref="ArgumentException">The sizes do not hold exactly <c>data.Length</c> elements.</exception>
    public Tensor(ReadOnlySpan<T> data, params int[] sizes) : this(sizes)
    {
        if (sizes.Length == 0 || NElement() != data.Length)
            throw new ArgumentException($"sizes {Shape.Format(sizes)} hold {(sizes.Length == 0 ? 0 : NElement())} elements but data has {data.Length}", nameof(sizes));
        data.CopyTo(AsSpan());
    }

    /// <summary>Creates a view of <paramref name="storage"/> (Torch's <c>Tensor(storage, offset, size, stride)</c>).</summary>
    /// <param name="storage">The shared storage.</param>
    /// <param name="storageOffset">Index in the storage of the first element (0-based).</param>
    /// <param name="sizes">The sizes.</param>
    /// <param name="strides">The strides; contiguous strides when null.</param>
    /// <exception cref="ArgumentException">The view would reach outside the storage.</exception>
    public Tensor(Storage<T> storage, int storageOffset, int[] sizes, int[]? strides = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(sizes);
        _size = [];
        _stride = [];
        SetView(storage, storageOffset, sizes, strides);
    }

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    public static Tensor<T> Scalar(T value)
    {
        var t = new Tensor<T> { _storage = new Storage<T>(1) };
        t._storage[0] = value;
        return t;
    }

    /// <summary>The storage this tensor is a view of; null for an empty tensor.</summary>
    public Storage<T>? Storage => _storage;

    /// <summary>Index in <see cref="Storage"/> of the first element (0-based; Torch's storageOffset − 1).</summary>
    public int StorageOffset => _offset;

    /// <summary>Number of dimensions (Torch's <c>dim()</c> / <c>nDimension()</c>).</summary>
    public int Dim() => _size.Length;

    /// <summary>A copy of the sizes.</summary>
    public int[] Size() => (int[])_size.Clone();

    /// <summary>The size of dimension <paramref name="dim"/>.</summary>
    public int Size(int dim) => _size[NormalizeDim(dim, nameof(dim))];

    /// <summary>A copy of the strides (in elements).</summary>
    public int[] Stride() => (int[])_stride.Clone();

    /// <summary>The stride of dimension <paramref name="dim"/> (in elements).</summary>
    public int Stride(int dim) => _stride[NormalizeDim(dim, nameof(dim))];

    /// <summary>Number of elements (Torch's <c>nElement()</c>).</summary>
    public int NElement() => _size.Length == 0 ? (_storage is null ? 0 : 1) : Shape.ElementCount(_size);

    /// <summary>True when the tensor has no elements.</summary>
    public bool IsEmpty => NElement() == 0;

    /// <summary>True for a 0-dimensional tensor holding one value.</summary>
    public bool IsScalar => _size.Length == 0 && _storage is not null;

    /// <summary>True when the elements lie in row-major order without gaps.</summary>
    public bool IsContiguous()
    {
        if (NElement() == 0) return true;
        int expected = 1;
        for (int d = _size.Length - 1; d >= 0; d--)
        {
            if (_size[d] == 1) continue;
            if (_stride[d] != expected) return false;
            expected *= _size[d];
        }
        return true;
    }

    /// <summary>True when <paramref name="other"/> has the same sizes.</summary>
    public bool IsSameSizeAs<TOther>(Tensor<TOther> other) where TOther : unmanaged, IFloatingPointIeee754<TOther>
        => _size.AsSpan().SequenceEqual(other._size);

    /// <summary>The elements of a contiguous tensor as a span over its storage.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not contiguous.</exception>
    public Span<T> AsSpan()
    {
        if (!IsContiguous())
            throw new InvalidOperationException($"AsSpan requires a contiguous tensor, got sizes {Shape.Format(_size)} with strides {Shape.Format(_stride)}; call Contiguous() first");
        return _storage is null ? Span<T>.Empty : _storage.Span.Slice(_offset, NElement());
    }

    /// <summary>The elements of a contiguous tensor as memory over its storage (what parallel kernels capture).</summary>
    /// <exception cref="InvalidOperationException">The tensor is not contiguous.</exception>
    internal Memory<T> AsMemory()
    {
        if (!IsContiguous())
            throw new InvalidOperationException($"AsMemory requires a contiguous tensor, got sizes {Shape.Format(_size)} with strides {Shape.Format(_stride)}");
        return _storage is null ? Memory<T>.Empty : new Memory<T>(_storage.Array, _offset, NElement());
    }

    internal int[] Sizes => _size;
    internal int[] Strides => _stride;
    internal int Offset => _offset;
    internal T[] Data => _storage?.Array ?? [];

    /// <summary>Maps a possibly negative dimension to 0..Dim()-1, or throws naming the argument and the shape.</summary>
    internal int NormalizeDim(int dim, string paramName, int extra = 0)
    {
        int n = _size.Length + extra;
        int d = dim < 0 ? dim + n : dim;
        if (d < 0 || d >= n)
            throw new ArgumentOutOfRangeException(paramName, dim, $"dimension {dim} is out of range for a tensor of {_size.Length} dims {Shape.Format(_size)} (valid: {-n}..{n - 1})");
        return d;
    }

    private void SetView(Storage<T>? storage, int storageOffset, int[] sizes, int[]? strides)
    {
        var st = strides is null ? Shape.ContiguousStrides(sizes) : (int[])strides.Clone();
        if (st.Length != sizes.Length)
            throw new ArgumentException($"strides {Shape.Format(st)} must have one entry per size {Shape.Format(sizes)}", nameof(strides));
        int n = Shape.ElementCount(sizes, nameof(sizes));
        if (storage is not null && n > 0)
        {
            long last = storageOffset;
            for (int d = 0; d < sizes.Length; d++)
            {
                if (st[d] < 0) throw new ArgumentException($"strides must be non-negative, got {Shape.Format(st)}", nameof(strides));
                last += (long)(sizes[d] - 1) * st[d];
            }
            if (storageOffset < 0 || last >= storage.Length)
                throw new ArgumentException($"a view at offset {storageOffset} with sizes {Shape.Format(sizes)} and strides {Shape.Format(st)} reaches element {last}, outside a storage of {storage.Length}", nameof(storageOffset));
        }
        _storage = storage;
        _offset = storageOffset;
        _size = (int[])sizes.Clone();
        _stride = st;
    }
}
