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
/// else the first present provider in <see cref="DefaultOrder"/>. Its thread count follows
/// <see cref="Engine.CoreNumber"/>, now and whenever <see cref="Engine.SetCoreNumber"/> changes it (change it
/// between computations: native libraries resize their thread pools).
/// BigDL (Scala) always used MKL; here MKL, OpenBLAS and a managed provider sit behind <see cref="IBlas"/>.
/// </remarks>
public static class Blas
{
    /// <summary>The environment variable that forces a provider: <c>BIGDL_BLAS</c>.</summary>
    public const string EnvironmentVariable = "BIGDL_BLAS";

    // The default preference when BIGDL_BLAS is unset: the first present provider wins. Chosen from the GEMM
    // measurements in README.md ("BLAS providers"): OpenBLAS led or tied at 2 threads, MKL 2020 lacks its best
    // kernels on AMD CPUs, and the managed provider (~80% of OpenBLAS at 1024³) is the fallback always present.
    private static readonly string[] PreferenceOrder = [BlasProviders.OpenBlasName, BlasProviders.MklName, BlasProviders.ManagedName];

    private static readonly ReadOnlyCollection<string> DefaultOrderView = Array.AsReadOnly(PreferenceOrder);
    private static readonly object Gate = new();
    private static IBlas? _current;
    private static BlasSelection? _selection;

    static Blas()
    {
        Engine.CoreNumberChanged += OnCoreNumberChanged;
    }

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
            provider.Threads = Engine.CoreNumber;
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
            selection.Provider.Threads = Engine.CoreNumber;
            _selection = selection;
            Volatile.Write(ref _current, selection.Provider);
            return selection.Provider;
        }
    }

    private static void OnCoreNumberChanged(int coreNumber)
    {
        lock (Gate)
        {
            if (_current is not null) _current.Threads = coreNumber;
        }
    }

    /// <summary>C = alpha·op(A)·op(B) + beta·C on the current provider (row-major).</summary>
    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
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

    /// <summary>Batched GEMM over evenly spaced matrices on the current provider.</summary>
    public static void GemmBatched<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, int strideA,
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
