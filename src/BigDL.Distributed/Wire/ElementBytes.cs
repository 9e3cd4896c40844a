using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BigDL.Distributed.Wire;

/// <summary>
/// The bytes of a range of a <typeparamref name="T"/> array as <see cref="Memory{T}"/> of bytes, so values that travel
/// as they are (no compression) are sent straight from the tensor's storage instead of being copied into a buffer first.
/// </summary>
internal sealed class ElementBytes<T>(T[] array, int start, int length) : MemoryManager<byte> where T : unmanaged
{
    private readonly Lock _gate = new();
    private GCHandle _pinned;
    private int _pins;

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(array.AsSpan(start, length));

    /// <summary>Pins the array while any handle is out (sockets pin what they send); the last <see cref="Unpin"/> frees it.</summary>
    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        lock (_gate)
        {
            if (_pins++ == 0) _pinned = GCHandle.Alloc(array, GCHandleType.Pinned);
        }
        byte* first = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)) + ((long)start * sizeof(T)) + elementIndex;
        return new MemoryHandle(first, default, this);
    }

    public override void Unpin()
    {
        lock (_gate)
        {
            if (--_pins == 0) _pinned.Free();
        }
    }

    protected override void Dispose(bool disposing)
    {
    }
}
