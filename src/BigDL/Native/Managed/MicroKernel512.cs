using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BigDL.Native.Managed;

/// <summary>
/// The 512-bit GEMM micro-kernel: an 8 × (2·lanes) tile of C (8×32 float, 8×16 double) in 16
/// <see cref="Vector512{T}"/> accumulators (AVX-512 has 32 vector registers). Selected automatically only when
/// <see cref="Vector512.IsHardwareAccelerated"/>; it uses <see cref="Vector512.FusedMultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>,
/// which is also correct (software-emulated, slowly) on machines without AVX-512, so tests can force and check it anywhere.
/// </summary>
internal readonly unsafe struct MicroKernel512<T> : IMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int MR = 8;

    /// <inheritdoc/>
    public static int Rows => MR;

    /// <inheritdoc/>
    public static int Columns => 2 * Vector512<T>.Count;

    /// <inheritdoc/>
    public static string Describe => $"Vector512 FMA {MR}x{2 * Vector512<T>.Count} micro-kernel (16 accumulators)";

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, nint bStride, T* c, nint ldc, T beta, bool overwrite)
    {
        int w = Vector512<T>.Count;
        if (Sse.IsSupported)
        {
            T* row = c;
            for (int r = 0; r < MR; r++, row += ldc)
            {
                Sse.Prefetch0(row);
                Sse.Prefetch0(row + 2 * w - 1);
            }
        }
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            if (Sse.IsSupported) Sse.Prefetch0(b + 8 * bStride);
            {
                Vector512<T> b0 = Vector512.Load(b);
                Vector512<T> b1 = Vector512.Load(b + w);
                Vector512<T> ai = Vector512.Create(a[0]);
                c00 = Fmadd(ai, b0, c00);
                c01 = Fmadd(ai, b1, c01);
                ai = Vector512.Create(a[1]);
                c10 = Fmadd(ai, b0, c10);
                c11 = Fmadd(ai, b1, c11);
                ai = Vector512.Create(a[2]);
                c20 = Fmadd(ai, b0, c20);
                c21 = Fmadd(ai, b1, c21);
                ai = Vector512.Create(a[3]);
                c30 = Fmadd(ai, b0, c30);
                c31 = Fmadd(ai, b1, c31);
                ai = Vector512.Create(a[4]);
                c40 = Fmadd(ai, b0, c40);
                c41 = Fmadd(ai, b1, c41);
                ai = Vector512.Create(a[5]);
                c50 = Fmadd(ai, b0, c50);
                c51 = Fmadd(ai, b1, c51);
                ai = Vector512.Create(a[6]);
                c60 = Fmadd(ai, b0, c60);
                c61 = Fmadd(ai, b1, c61);
                ai = Vector512.Create(a[7]);
                c70 = Fmadd(ai, b0, c70);
                c71 = Fmadd(ai, b1, c71);
            }
            a += MR;
            b += bStride;
        }

        if (overwrite)
        {
            Store(c, w, c00, c01); c += ldc;
            Store(c, w, c10, c11); c += ldc;
            Store(c, w, c20, c21); c += ldc;
            Store(c, w, c30, c31); c += ldc;
            Store(c, w, c40, c41); c += ldc;
            Store(c, w, c50, c51); c += ldc;
            Store(c, w, c60, c61); c += ldc;
            Store(c, w, c70, c71);
        }
        else
        {
            Vector512<T> vb = Vector512.Create(beta);
            Update(c, w, vb, c00, c01); c += ldc;
            Update(c, w, vb, c10, c11); c += ldc;
            Update(c, w, vb, c20, c21); c += ldc;
            Update(c, w, vb, c30, c31); c += ldc;
            Update(c, w, vb, c40, c41); c += ldc;
            Update(c, w, vb, c50, c51); c += ldc;
            Update(c, w, vb, c60, c61); c += ldc;
            Update(c, w, vb, c70, c71);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* c, int w, Vector512<T> x0, Vector512<T> x1)
    {
        Vector512.Store(x0, c);
        Vector512.Store(x1, c + w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(T* c, int w, Vector512<T> beta, Vector512<T> x0, Vector512<T> x1)
    {
        Vector512.Store(Fmadd(beta, Vector512.Load(c), x0), c);
        Vector512.Store(Fmadd(beta, Vector512.Load(c + w), x1), c + w);
    }

    /// <summary>a·b + c fused: one instruction with AVX-512, a correctly rounded software fallback elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fmadd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float)) return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }
}
