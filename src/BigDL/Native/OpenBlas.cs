using static BigDL.Native.NativeMethods;

namespace BigDL.Native;

/// <summary>OpenBLAS (Debian's <c>libopenblas0-pthread</c>): CBLAS with its own thread pool.</summary>
/// <remarks>
/// OpenBLAS picks its kernels from the CPU, or from <c>OPENBLAS_CORETYPE</c> when the environment sets it;
/// BigDL never sets or changes that variable. It has no strided batch GEMM, so batches loop over GEMM.
/// </remarks>
internal sealed class OpenBlas : CblasProvider
{
    private readonly OpenBlasApi _openBlas;

    public OpenBlas(OpenBlasApi openBlas, string libraryPath) : base(openBlas.Blas, libraryPath)
    {
        _openBlas = openBlas;
        Description = $"{openBlas.Config()}; core: {openBlas.CoreName()}";
    }

    public override string Name => BlasProviders.OpenBlasName;

    /// <summary><c>openblas_get_config()</c> and <c>openblas_get_corename()</c>, read once at load.</summary>
    public override string Description { get; }

    /// <summary><c>openblas_get_num_threads</c> / <c>openblas_set_num_threads</c>.</summary>
    public override unsafe int Threads
    {
        get => _openBlas.GetNumThreads();
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(value));
            _openBlas.SetNumThreads(value);
        }
    }
}
