using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BigDL.Native.Managed;

namespace BigDL.Native;

/// <summary>
/// The managed SIMD BLAS provider: a packed, cache-blocked GEMM (GotoBLAS/BLIS loop nest) with register-blocked
/// <see cref="Vector256{T}"/> or <see cref="Vector512{T}"/> FMA micro-kernels, multithreaded over <see cref="Threads"/>;
/// level 1/2 routines on <see cref="System.Numerics.Tensors.TensorPrimitives"/>. Always present; no native code.
/// It fills the role BigDL gives MKL's gemm/gemv/axpy/dot/scal (through <c>TensorNumeric</c>) when no native BLAS loads.
/// </summary>
/// <remarks>
/// The micro-kernel is 6×16 float / 6×8 double on <see cref="Vector256{T}"/> with FMA, or 8×32 / 8×16 on
/// <see cref="Vector512{T}"/> when <see cref="Vector512.IsHardwareAccelerated"/> (that path is tested here only in
/// software emulation, on a machine without AVX-512, and its blocking is not tuned).
/// </remarks>
internal sealed class ManagedBlas : IBlas
{
    private int _threads = Engine.CoreNumber;

    /// <summary>A provider with the widest available micro-kernel and <see cref="Engine.CoreNumber"/> threads.</summary>
    public ManagedBlas() : this(GemmKernelWidth.Auto) { }

    /// <summary>A provider forced to one micro-kernel family (tests use it to pin the 256-bit path).</summary>
    internal ManagedBlas(GemmKernelWidth width)
    {
        Width = width != GemmKernelWidth.Auto ? width
              : Vector512.IsHardwareAccelerated ? GemmKernelWidth.Vector512 : GemmKernelWidth.Vector256;
        FloatBlocking = Width == GemmKernelWidth.Vector512
            ? GemmBlocking.For(sizeof(float), MicroKernel512<float>.Rows, MicroKernel512<float>.Columns)
            : GemmBlocking.For(sizeof(float), MicroKernel256<float>.Rows, MicroKernel256<float>.Columns);
        DoubleBlocking = Width == GemmKernelWidth.Vector512
            ? GemmBlocking.For(sizeof(double), MicroKernel512<double>.Rows, MicroKernel512<double>.Columns)
            : GemmBlocking.For(sizeof(double), MicroKernel256<double>.Rows, MicroKernel256<double>.Columns);
    }

    /// <summary>The micro-kernel family in use.</summary>
    internal GemmKernelWidth Width { get; }

    /// <summary>Cache blocking of single-precision GEMM (tunable for benchmarks).</summary>
    internal GemmBlocking FloatBlocking { get; set; }

    /// <summary>Cache blocking of double-precision GEMM (tunable for benchmarks).</summary>
    internal GemmBlocking DoubleBlocking { get; set; }

    /// <inheritdoc/>
    public string Name => BlasProviders.ManagedName;

    /// <inheritdoc/>
    public string Description =>
        (Width == GemmKernelWidth.Vector512
            ? $"managed packed GEMM, {MicroKernel512<float>.Describe} float / {MicroKernel512<double>.Describe} double, " +
              $"{(Vector512.IsHardwareAccelerated ? "accelerated" : "software-emulated")}; "
            : $"managed packed GEMM, {MicroKernel256<float>.Describe} float / {MicroKernel256<double>.Describe} double, " +
              $"{(Vector256.IsHardwareAccelerated ? "accelerated" : "not accelerated")}{(Fma.IsSupported ? ", FMA" : ", no FMA")}; ") +
        $"blocking float {FloatBlocking.Mc}x{FloatBlocking.Kc}x{FloatBlocking.Nc}, double {DoubleBlocking.Mc}x{DoubleBlocking.Kc}x{DoubleBlocking.Nc} (MCxKCxNC)";

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Threads
    {
        get => _threads;
        set
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(value), value, $"Threads must be at least 1, got {value}");
            _threads = value;
        }
    }

    /// <inheritdoc/>
    public void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
                     ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        BlasArguments.Gemm(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        GemmCore(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, _threads, FloatBlocking);
    }

    /// <inheritdoc/>
    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
                     ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        BlasArguments.Gemm(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        GemmCore(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, _threads, DoubleBlocking);
    }

    /// <inheritdoc/>
    public void GemmBatched(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda, int strideA,
                            ReadOnlySpan<float> b, int ldb, int strideB, float beta, Span<float> c, int ldc, int strideC, int batch)
    {
        BlasArguments.GemmBatched(transA, transB, m, n, k, a.Length, lda, strideA, b.Length, ldb, strideB, c.Length, ldc, strideC, batch);
        Batched(transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batch, FloatBlocking);
    }

    /// <inheritdoc/>
    public void GemmBatched(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, int strideA,
                            ReadOnlySpan<double> b, int ldb, int strideB, double beta, Span<double> c, int ldc, int strideC, int batch)
    {
        BlasArguments.GemmBatched(transA, transB, m, n, k, a.Length, lda, strideA, b.Length, ldb, strideB, c.Length, ldc, strideC, batch);
        Batched(transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batch, DoubleBlocking);
    }

    /// <inheritdoc/>
    public void Gemv(bool trans, int m, int n, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, int incx,
                     float beta, Span<float> y, int incy)
    {
        BlasArguments.Gemv(trans, m, n, a.Length, lda, x.Length, incx, y.Length, incy);
        VectorOps<float>.Gemv(trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
    }

    /// <inheritdoc/>
    public void Gemv(bool trans, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, int incx,
                     double beta, Span<double> y, int incy)
    {
        BlasArguments.Gemv(trans, m, n, a.Length, lda, x.Length, incx, y.Length, incy);
        VectorOps<double>.Gemv(trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
    }

    /// <inheritdoc/>
    public void Ger(int m, int n, float alpha, ReadOnlySpan<float> x, int incx, ReadOnlySpan<float> y, int incy, Span<float> a, int lda)
    {
        BlasArguments.Ger(m, n, x.Length, incx, y.Length, incy, a.Length, lda);
        VectorOps<float>.Ger(m, n, alpha, x, incx, y, incy, a, lda);
    }

    /// <inheritdoc/>
    public void Ger(int m, int n, double alpha, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy, Span<double> a, int lda)
    {
        BlasArguments.Ger(m, n, x.Length, incx, y.Length, incy, a.Length, lda);
        VectorOps<double>.Ger(m, n, alpha, x, incx, y, incy, a, lda);
    }

    /// <inheritdoc/>
    public void Axpy(int n, float alpha, ReadOnlySpan<float> x, int incx, Span<float> y, int incy)
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        BlasArguments.Vector("y", n, y.Length, incy, nameof(incy));
        VectorOps<float>.Axpy(n, alpha, x, incx, y, incy);
    }

    /// <inheritdoc/>
    public void Axpy(int n, double alpha, ReadOnlySpan<double> x, int incx, Span<double> y, int incy)
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        BlasArguments.Vector("y", n, y.Length, incy, nameof(incy));
        VectorOps<double>.Axpy(n, alpha, x, incx, y, incy);
    }

    /// <inheritdoc/>
    public float Dot(int n, ReadOnlySpan<float> x, int incx, ReadOnlySpan<float> y, int incy)
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        BlasArguments.Vector("y", n, y.Length, incy, nameof(incy));
        return VectorOps<float>.Dot(n, x, incx, y, incy);
    }

    /// <inheritdoc/>
    public double Dot(int n, ReadOnlySpan<double> x, int incx, ReadOnlySpan<double> y, int incy)
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        BlasArguments.Vector("y", n, y.Length, incy, nameof(incy));
        return VectorOps<double>.Dot(n, x, incx, y, incy);
    }

    /// <inheritdoc/>
    public void Scal(int n, float alpha, Span<float> x, int incx)
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        VectorOps<float>.Scal(n, alpha, x, incx);
    }

    /// <inheritdoc/>
    public void Scal(int n, double alpha, Span<double> x, int incx)
    {
        BlasArguments.Vector("x", n, x.Length, incx, nameof(incx));
        VectorOps<double>.Scal(n, alpha, x, incx);
    }

    private unsafe void GemmCore<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
                                    ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc, int threads, GemmBlocking blocking)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            switch (Width)
            {
                case GemmKernelWidth.Vector512:
                    GemmDriver<T, MicroKernel512<T>>.Gemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, threads, blocking);
                    break;
                default:
                    GemmDriver<T, MicroKernel256<T>>.Gemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, threads, blocking);
                    break;
            }
        }
    }

    private unsafe void Batched<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, int strideA,
                                   ReadOnlySpan<T> b, int ldb, int strideB, T beta, Span<T> c, int ldc, int strideC, int batch,
                                   GemmBlocking blocking)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (batch == 0 || m == 0 || n == 0) return;
        long footprintC = (long)(m - 1) * ldc + n;
        bool disjoint = strideC >= footprintC;
        bool small = (long)m * n * k < GemmDriver<T, MicroKernel256<T>>.ParallelThreshold;
        if (_threads > 1 && batch > 1 && disjoint && small)
        {
            // Many small independent GEMMs: one per thread at a time, each single-threaded.
            fixed (T* pa = a)
            fixed (T* pb = b)
            fixed (T* pc = c)
            {
                nint ia = (nint)pa, ib = (nint)pb, ic = (nint)pc;
                int la = a.Length, lb = b.Length, lc = c.Length;
                Parallel.For(0, batch, new ParallelOptions { MaxDegreeOfParallelism = _threads }, i =>
                {
                    var ai = new ReadOnlySpan<T>((T*)ia + (long)i * strideA, la - i * strideA);
                    var bi = new ReadOnlySpan<T>((T*)ib + (long)i * strideB, lb - i * strideB);
                    var ci = new Span<T>((T*)ic + (long)i * strideC, lc - i * strideC);
                    GemmCore(transA, transB, m, n, k, alpha, ai, lda, bi, ldb, beta, ci, ldc, 1, blocking);
                });
            }
            return;
        }
        for (int i = 0; i < batch; i++)
            GemmCore(transA, transB, m, n, k, alpha, a[(i * strideA)..], lda, b[(i * strideB)..], ldb, beta, c[(i * strideC)..], ldc,
                     _threads, blocking);
    }
}
