using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BigDL.NN;

/// <summary>y = a·x + b with scalars a and b, in one pass (TensorPrimitives has no scalar-scalar multiply-add).</summary>
internal static class Affine
{
    public static void Apply<T>(ReadOnlySpan<T> x, T a, T b, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (y.Length < x.Length) throw new ArgumentException($"destination of {y.Length} values is shorter than the source's {x.Length}", nameof(y));
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y);
        nuint i = 0, n = (nuint)x.Length;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            Vector256<T> va = Vector256.Create(a), vb = Vector256.Create(b);
            for (nuint w = (nuint)Vector256<T>.Count; i + w <= n; i += w)
                (Vector256.LoadUnsafe(ref rx, i) * va + vb).StoreUnsafe(ref ry, i);
        }
        for (; i < n; i++) Unsafe.Add(ref ry, i) = Unsafe.Add(ref rx, i) * a + b;
    }
}
