using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BigDL.Native.Managed;

/// <summary>
/// Per-thread packing buffers for GEMM: pinned arrays (so the kernels can hold raw pointers into them), grown on
/// demand and reused by every later call on the same thread, with the pointer handed out aligned to 64 bytes
/// (a cache line). The arrays are ordinary GC objects, so they are released when their thread ends.
/// </summary>
internal static unsafe class PackBuffers
{
    private const int Alignment = 64;

    [ThreadStatic] private static byte[]? _a;
    [ThreadStatic] private static byte[]? _b;

    /// <summary>A 64-byte-aligned buffer of at least <paramref name="bytes"/> bytes for packed A on this thread.</summary>
    public static void* A(long bytes) => Get(ref _a, bytes);

    /// <summary>A 64-byte-aligned buffer of at least <paramref name="bytes"/> bytes for packed B on this thread.</summary>
    public static void* B(long bytes) => Get(ref _b, bytes);

    private static void* Get(ref byte[]? buffer, long bytes)
    {
        if (buffer is null || buffer.Length < bytes + Alignment)
        {
            long size = Math.Max(bytes + Alignment, (buffer?.Length ?? 0) * 5L / 4);
            if (size > Array.MaxLength) throw new OutOfMemoryException($"GEMM packing buffer of {bytes} bytes is too large");
            buffer = GC.AllocateUninitializedArray<byte>((int)size, pinned: true);
        }
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (void*)((address + (Alignment - 1)) & ~(nint)(Alignment - 1));
    }
}
