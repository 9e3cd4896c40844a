using System.Collections.ObjectModel;
using System.Numerics;
using System.Runtime.InteropServices;

namespace BigDL.Native;

/// <summary>
/// The BLAS provider this process uses, and generic entry points that route float and double to it:
/// the only place in BigDL that switches on the element type.
/// </summary>
/// <remarks>
/// The provider is chosen on first use of <see cref="Current"/> (or of any routine here): the one named by the
/// environment variable <c>BIGDL_BLAS</c> (<c>mkl</c>, <c>openblas</c> or <c>managed</c>, case-insensitive), or
/// else the first present provider in <see cref="DefaultOrder"/>. The provider always runs on the calling thread (its
/// own thread count is set to one): parallelism belongs to the <see cref="Engine"/>, as in BigDL, which set MKL to one
/// thread and parallelised itself. A large GEMM called outside the Engine's workers is split here into blocks of C
/// computed on <see cref="Engine.CoreNumber"/> cores; inside a worker (a layer that already split its batch over the
/// cores, an optimizer's model replica) every call stays on the worker's thread. A native library's own thread pool
/// would otherwise spin on the cores those workers use.
/// BigDL (Scala) always used MKL; here MKL, OpenBLAS and a managed provider sit behind <see cref="IBlas"/>.
/// </remarks>
public static class Blas
{
    /// <summary>The environment variable that forces a provider: <c>BIGDL_BLAS</c>.</summary>
    public const string EnvironmentVariable = "BIGDL_BLAS";

    // The default preference when BIGDL_BLAS is unset: the first present provider wins. Chosen from the measurements in
    // README.md ("BLAS providers"): with parallelism owned by the Engine, what counts is every core running its own
    // single-threaded GEMM at once. The managed provider scales to both cores at every shape and is as fast as the
    // native ones on one core; MKL 2020 scales but lacks its best kernels on AMD CPUs; OpenBLAS 0.3.21 serialises
    // concurrent calls on convolution-sized GEMMs, so two cores run them no faster than one.
    private static readonly string[] PreferenceOrder = [BlasProviders.ManagedName, BlasProviders.MklName, BlasProviders.OpenBlasName];

    private static readonly ReadOnlyCollection<string> DefaultOrderView = Array.AsReadOnly(PreferenceOrder);
    private static readonly object Gate = new();
    private static IBlas? _current;
    private static BlasSelection? _selection;

    /// <summary>Provider names in the order tried when <c>BIGDL_BLAS</c> is not set.</summary>
    public static IReadOnlyList<string> DefaultOrder => DefaultOrderView;

    /// <summary>The provider in use, chosen on first access.</summary>
    /// <exception cref="InvalidOperationException">
    /// <c>BIGDL_BLAS</c> names an unknown provider or one that cannot be loaded; the message lists the paths tried.
    /// </exception>
    public static IBlas Current => Volatile.Read(ref _current) ?? Initialize();

    /// <summary>Why <see cref="Current"/> was chosen, in words (the environment variable, or the default order).</summary>
    /// <exception cref="InvalidOperationException">As <see cref="Current"/>.</exception>
    public static string SelectionReason
    {
        get
        {
            IBlas current = Current;
            lock (Gate)
                return _selection is not null && ReferenceEquals(_selection.Provider, current)
                    ? _selection.Reason
                    : $"replaced in code by {current.Name}";
        }
    }

    /// <summary>
    /// Every known provider in <see cref="DefaultOrder"/>, whether present, and its description or load failure.
    /// Loads each native library on the first call (each is loaded at most once per process).
    /// </summary>
    public static IReadOnlyList<BlasProviderInfo> Providers
    {
        get
        {
            var infos = new BlasProviderInfo[PreferenceOrder.Length];
            for (int i = 0; i < infos.Length; i++) infos[i] = BlasProviders.Get(PreferenceOrder[i]).Probe();
            return infos;
        }
    }

    /// <summary>
    /// Replaces the provider (tests and benchmarks) and sets its threads to the Engine's; returns the previous one,
    /// making the first selection if none was made yet (so it throws as <see cref="Current"/> does).
    /// </summary>
    internal static IBlas Use(IBlas provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        IBlas previous = Current;
        lock (Gate)
        {
            provider.Threads = ProviderThreads;
            Volatile.Write(ref _current, provider);
        }
        return previous;
    }

    /// <summary>The candidates in the default order.</summary>
    internal static IReadOnlyList<BlasCandidate> Candidates()
    {
        var candidates = new BlasCandidate[PreferenceOrder.Length];
        for (int i = 0; i < candidates.Length; i++) candidates[i] = BlasProviders.Get(PreferenceOrder[i]);
        return candidates;
    }

    private static IBlas Initialize()
    {
        lock (Gate)
        {
            if (_current is not null) return _current;
            BlasSelection selection = BlasSelector.Select(Environment.GetEnvironmentVariable(EnvironmentVariable), Candidates());
            selection.Provider.Threads = ProviderThreads;
            _selection = selection;
            Volatile.Write(ref _current, selection.Provider);
            return selection.Provider;
        }
    }

    /// <summary>The provider's own thread count: always one, the Engine parallelises (see the class remarks).</summary>
    private const int ProviderThreads = 1;

    /// <summary>
    /// C = alpha·op(A)·op(B) + beta·C on the current provider (row-major), split over the Engine's cores when it is large
    /// and not already called from one of the Engine's workers.
    /// </summary>
    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
                               ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ParallelGemm.Splits(m, n, k)) ParallelGemm.Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else GemmOnThisThread(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>C = alpha·op(A)·op(B) + beta·C on the current provider, on the calling thread.</summary>
    internal static void GemmOnThisThread<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
                                             ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            Current.Gemm(transA, transB, m, n, k, float.CreateTruncating(alpha), Cast<T, float>(a), lda, Cast<T, float>(b), ldb,
                          float.CreateTruncating(beta), Cast<T, float>(c), ldc);
        else if (typeof(T) == typeof(double))
            Current.Gemm(transA, transB, m, n, k, double.CreateTruncating(alpha), Cast<T, double>(a), lda, Cast<T, double>(b), ldb,
                          double.CreateTruncating(beta), Cast<T, double>(c), ldc);
        else throw Unsupported<T>();
    }

    /// <summary>y = alpha·op(A)·x + beta·y on the current provider.</summary>
    public static void Gemv<T>(bool trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, int incx,
                               T beta, Span<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            Current.Gemv(trans, m, n, float.CreateTruncating(alpha), Cast<T, float>(a), lda, Cast<T, float>(x), incx,
                          float.CreateTruncating(beta), Cast<T, float>(y), incy);
        else if (typeof(T) == typeof(double))
            Current.Gemv(trans, m, n, double.CreateTruncating(alpha), Cast<T, double>(a), lda, Cast<T, double>(x), incx,
                          double.CreateTruncating(beta), Cast<T, double>(y), incy);
        else throw Unsupported<T>();
    }

    /// <summary>A = alpha·x·yᵀ + A on the current provider.</summary>
    public static void Ger<T>(int m, int n, T alpha, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy, Span<T> a, int lda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            Current.Ger(m, n, float.CreateTruncating(alpha), Cast<T, float>(x), incx, Cast<T, float>(y), incy, Cast<T, float>(a), lda);
        else if (typeof(T) == typeof(double))
            Current.Ger(m, n, double.CreateTruncating(alpha), Cast<T, double>(x), incx, Cast<T, double>(y), incy, Cast<T, double>(a), lda);
        else throw Unsupported<T>();
    }

    /// <summary>Σ x[i]·y[i] on the current provider.</summary>
    public static T Dot<T>(int n, ReadOnlySpan<T> x, int incx, ReadOnlySpan<T> y, int incy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return T.CreateTruncating(Current.Dot(n, Cast<T, float>(x), incx, Cast<T, float>(y), incy));
        if (typeof(T) == typeof(double))
            return T.CreateTruncating(Current.Dot(n, Cast<T, double>(x), incx, Cast<T, double>(y), incy));
        throw Unsupported<T>();
    }

    /// <summary>
    /// Batched GEMM over evenly spaced matrices on the current provider, the batch split over the Engine's cores when
    /// the work is large and not already called from one of the Engine's workers.
    /// </summary>
    public static void GemmBatched<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, int strideA,
                                      ReadOnlySpan<T> b, int ldb, int strideB, T beta, Span<T> c, int ldc, int strideC, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Only batches whose C matrices do not overlap can be computed side by side.
        if (batch > 1 && strideC >= (long)(m - 1) * ldc + n && ParallelGemm.Splits(m, n, (long)k * batch))
            ParallelGemm.GemmBatched(transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batch);
        else GemmBatchedOnThisThread(transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batch);
    }

    /// <summary>Batched GEMM on the current provider, on the calling thread.</summary>
    internal static void GemmBatchedOnThisThread<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, int strideA,
                                                    ReadOnlySpan<T> b, int ldb, int strideB, T beta, Span<T> c, int ldc, int strideC, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            Current.GemmBatched(transA, transB, m, n, k, float.CreateTruncating(alpha), Cast<T, float>(a), lda, strideA,
                                 Cast<T, float>(b), ldb, strideB, float.CreateTruncating(beta), Cast<T, float>(c), ldc, strideC, batch);
        else if (typeof(T) == typeof(double))
            Current.GemmBatched(transA, transB, m, n, k, double.CreateTruncating(alpha), Cast<T, double>(a), lda, strideA,
                                 Cast<T, double>(b), ldb, strideB, double.CreateTruncating(beta), Cast<T, double>(c), ldc, strideC, batch);
        else throw Unsupported<T>();
    }

    private static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span) where TFrom : struct where TTo : struct
        => MemoryMarshal.Cast<TFrom, TTo>(span);

    private static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span) where TFrom : struct where TTo : struct
        => MemoryMarshal.Cast<TFrom, TTo>(span);

    private static NotSupportedException Unsupported<T>() => new($"BLAS supports float and double, not {typeof(T).Name}");
}
