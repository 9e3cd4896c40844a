using System.Buffers;
using System.Runtime.InteropServices;

namespace BigDL.Distributed.Transport;

/// <summary>
/// The buffers large payloads are received into, handed back by the receiver (<see cref="IRankTransport.Release"/>)
/// and reused: without it every slice of every iteration is a fresh large array, memory the process first has to fault
/// in from the system, which costs more than receiving it. Small payloads are ordinary arrays.
/// </summary>
internal sealed class PayloadPool
{
    /// <summary>Payloads from this size on come from the pool.</summary>
    public const int PooledFrom = 1 << 16;

    /// <summary>The largest payload a frame may carry (1 GiB).</summary>
    public const int MaxPayload = 1 << 30;

    private readonly ArrayPool<byte> _pool = ArrayPool<byte>.Create(MaxPayload, maxArraysPerBucket: 8);
    private readonly HashSet<byte[]> _lent = new(ReferenceEqualityComparer.Instance);

    /// <summary>A buffer of at least <paramref name="length"/> bytes.</summary>
    public byte[] Rent(int length)
    {
        if (length < PooledFrom) return length == 0 ? [] : GC.AllocateUninitializedArray<byte>(length);
        var buffer = _pool.Rent(length);
        lock (_lent) _lent.Add(buffer);
        return buffer;
    }

    /// <summary>Takes back the buffer behind <paramref name="payload"/> if this pool lent it (once); anything else is left to the GC.</summary>
    public void Return(ReadOnlyMemory<byte> payload)
    {
        if (!MemoryMarshal.TryGetArray(payload, out var segment) || segment.Array is not { Length: >= PooledFrom } buffer) return;
        lock (_lent)
        {
            if (!_lent.Remove(buffer)) return;
        }
        _pool.Return(buffer);
    }
}
