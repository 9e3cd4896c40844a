using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BigDL.Native.Managed;

/// <summary>
/// The 256-bit GEMM micro-kernel: a 6 × (2·lanes) tile of C (6×16 float, 6×8 double) held in 12
/// <see cref="Vector256{T}"/> accumulators, updated with one fused multiply-add per accumulator for each step of
/// the shared dimension. Reads a packed A micro-panel (6 values per step) and a packed B micro-panel (2 vectors
/// per step), both produced by <see cref="GemmPacking{T}"/>.
/// </summary>
internal readonly unsafe struct MicroKernel256<T> : IMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int MR = 6;

    /// <inheritdoc/>
    public static int Rows => MR;

    /// <inheritdoc/>
    public static int Columns => 2 * Vector256<T>.Count;

    /// <inheritdoc/>
    public static string Describe => $"Vector256 FMA {MR}x{2 * Vector256<T>.Count} micro-kernel (12 accumulators)";

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, nint bStride, T* c, nint ldc, T beta, bool overwrite)
    {
        int w = Vector256<T>.Count;
        if (Sse.IsSupported)
        {
            // C is only touched after the whole k loop: start bringing its tile in now (first and last element
            // of each row, which may straddle two cache lines).
            T* row = c;
            for (int r = 0; r < MR; r++, row += ldc)
            {
                Sse.Prefetch0(row);
                Sse.Prefetch0(row + 2 * w - 1);
            }
        }
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        // Two steps of k per iteration (halves the loop overhead), then the odd one.
        int p = 0;
        nint ahead = 8 * bStride;
        for (; p + 2 <= kc; p += 2)
        {
            // B rows read in place are far apart (different pages): fetch them ahead of use.
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(b + ahead);
                Sse.Prefetch0(b + ahead + bStride);
            }
            {
                Vector256<T> b0 = Vector256.Load(b);
                Vector256<T> b1 = Vector256.Load(b + w);
                Vector256<T> ai = Vector256.Create(a[0]);
                c00 = Fmadd(ai, b0, c00);
                c01 = Fmadd(ai, b1, c01);
                ai = Vector256.Create(a[1]);
                c10 = Fmadd(ai, b0, c10);
                c11 = Fmadd(ai, b1, c11);
                ai = Vector256.Create(a[2]);
                c20 = Fmadd(ai, b0, c20);
                c21 = Fmadd(ai, b1, c21);
                ai = Vector256.Create(a[3]);
                c30 = Fmadd(ai, b0, c30);
                c31 = Fmadd(ai, b1, c31);
                ai = Vector256.Create(a[4]);
                c40 = Fmadd(ai, b0, c40);
                c41 = Fmadd(ai, b1, c41);
                ai = Vector256.Create(a[5]);
                c50 = Fmadd(ai, b0, c50);
                c51 = Fmadd(ai, b1, c51);
            }
            {
                Vector256<T> b0 = Vector256.Load(b + bStride);
                Vector256<T> b1 = Vector256.Load(b + bStride + w);
                Vector256<T> ai = Vector256.Create(a[MR + 0]);
                c00 = Fmadd(ai, b0, c00);
                c01 = Fmadd(ai, b1, c01);
                ai = Vector256.Create(a[MR + 1]);
                c10 = Fmadd(ai, b0, c10);
                c11 = Fmadd(ai, b1, c11);
                ai = Vector256.Create(a[MR + 2]);
                c20 = Fmadd(ai, b0, c20);
                c21 = Fmadd(ai, b1, c21);
                ai = Vector256.Create(a[MR + 3]);
                c30 = Fmadd(ai, b0, c30);
                c31 = Fmadd(ai, b1, c31);
                ai = Vector256.Create(a[MR + 4]);
                c40 = Fmadd(ai, b0, c40);
                c41 = Fmadd(ai, b1, c41);
                ai = Vector256.Create(a[MR + 5]);
                c50 = Fmadd(ai, b0, c50);
                c51 = Fmadd(ai, b1, c51);
            }
            a += 2 * MR;
            b += 2 * bStride;
        }
        if (p < kc)
        {
            {
                Vector256<T> b0 = Vector256.Load(b);
                Vector256<T> b1 = Vector256.Load(b + w);
                Vector256<T> ai = Vector256.Create(a[0]);
                c00 = Fmadd(ai, b0, c00);
                c01 = Fmadd(ai, b1, c01);
                ai = Vector256.Create(a[1]);
                c10 = Fmadd(ai, b0, c10);
                c11 = Fmadd(ai, b1, c11);
                ai = Vector256.Create(a[2]);
                c20 = Fmadd(ai, b0, c20);
                c21 = Fmadd(ai, b1, c21);
                ai = Vector256.Create(a[3]);
                c30 = Fmadd(ai, b0, c30);
                c31 = Fmadd(ai, b1, c31);
                ai = Vector256.Create(a[4]);
                c40 = Fmadd(ai, b0, c40);
                c41 = Fmadd(ai, b1, c41);
                ai = Vector256.Create(a[5]);
                c50 = Fmadd(ai, b0, c50);
                c51 = Fmadd(ai, b1, c51);
            }
        }

        if (overwrite)
        {
            Store(c, w, c00, c01); c += ldc;
            Store(c, w, c10, c11); c += ldc;
            Store(c, w, c20, c21); c += ldc;
            Store(c, w, c30, c31); c += ldc;
            Store(c, w, c40, c41); c += ldc;
            Store(c, w, c50, c51);
        }
        else
        {
            Vector256<T> vb = Vector256.Create(beta);
            Update(c, w, vb, c00, c01); c += ldc;
            Update(c, w, vb, c10, c11); c += ldc;
            Update(c, w, vb, c20, c21); c += ldc;
            Update(c, w, vb, c30, c31); c += ldc;
            Update(c, w, vb, c40, c41); c += ldc;
            Update(c, w, vb, c50, c51);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* c, int w, Vector256<T> x0, Vector256<T> x1)
    {
        Vector256.Store(x0, c);
        Vector256.Store(x1, c + w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(T* c, int w, Vector256<T> beta, Vector256<T> x0, Vector256<T> x1)
    {
        Vector256.Store(Fmadd(beta, Vector256.Load(c), x0), c);
        Vector256.Store(Fmadd(beta, Vector256.Load(c + w), x1), c + w);
    }

    /// <summary>a·b + c, fused when the CPU has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Fmadd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (Fma.IsSupported)
        {
            if (typeof(T) == typeof(float)) return Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double)) return Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }
        return a * b + c;
    }
}
