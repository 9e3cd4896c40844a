using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// destination = x + value·y·z (AddCMul) or x + value·y/z (AddCDiv), fused in one pass with
/// <see cref="Vector256{T}"/> and a scalar tail. In-place aliasing of destination and x is allowed.
/// </summary>
internal readonly struct TernaryAction<T>(TernaryOp op, T value) : ISpanAction4<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(Span<T> d, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z)
    {
        ref T rd = ref MemoryMarshal.GetReference(d);
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y);
        ref T rz = ref MemoryMarshal.GetReference(z);
        int n = d.Length, i = 0;
        bool divide = op == TernaryOp.AddCDiv;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var v = Vector256.Create(value);
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var vy = Vector256.LoadUnsafe(ref ry, (nuint)i);
                var vz = Vector256.LoadUnsafe(ref rz, (nuint)i);
                var term = divide ? vy / vz : vy * vz;
                (Vector256.LoadUnsafe(ref rx, (nuint)i) + v * term).StoreUnsafe(ref rd, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            T term = divide ? Unsafe.Add(ref ry, i) / Unsafe.Add(ref rz, i) : Unsafe.Add(ref ry, i) * Unsafe.Add(ref rz, i);
            Unsafe.Add(ref rd, i) = Unsafe.Add(ref rx, i) + value * term;
        }
    }
}
