namespace BigDL.Tensors;

/// <summary>
/// A flat, growable block of elements that one or more <see cref="Tensor{T}"/> views read and write.
/// </summary>
/// <remarks>Torch/BigDL <c>Storage</c>. Managed memory: tensors need no disposal.</remarks>
public sealed class Storage<T> where T : unmanaged
{
    private T[] _data;

    /// <summary>Creates a zero-filled storage of <paramref name="length"/> elements.</summary>
    public Storage(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _data = length == 0 ? [] : new T[length];
    }

    /// <summary>Wraps <paramref name="data"/> without copying it.</summary>
    public Storage(T[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
    }

    /// <summary>Number of elements.</summary>
    public int Length => _data.Length;

    /// <summary>The elements; a view of the backing array.</summary>
    public Span<T> Span => _data;

    /// <summary>The backing array (shared, not copied).</summary>
    public T[] Array => _data;

    /// <summary>Gets or sets one element.</summary>
    public ref T this[int index] => ref _data[index];

    /// <summary>Grows the storage to at least <paramref name="length"/> elements, keeping the existing values.</summary>
    public void EnsureLength(int length)
    {
        if (length > _data.Length) System.Array.Resize(ref _data, length);
    }
}
