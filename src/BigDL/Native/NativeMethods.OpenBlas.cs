namespace BigDL.Native;

internal static unsafe partial class NativeMethods
{
    /// <summary>Where OpenBLAS is looked for, in order (Debian: <c>libopenblas0-pthread</c> provides <c>libopenblas.so.0</c>).</summary>
    internal static IReadOnlyList<string> OpenBlasCandidates { get; } = Candidates(
        linuxNames: ["libopenblas.so.0", "libopenblas.so"],
        linuxMultiarchRelative: ["libopenblas.so.0", "openblas-pthread/libopenblas.so.0"],
        linuxOtherPaths: ["/usr/local/lib/libopenblas.so.0", "/opt/OpenBLAS/lib/libopenblas.so.0"],
        windowsNames: ["libopenblas.dll", "openblas.dll"],
        macNames: ["libopenblas.dylib", "libopenblas.0.dylib"]);

    /// <summary>OpenBLAS: CBLAS plus its thread and configuration functions.</summary>
    internal sealed class OpenBlasApi
    {
        /// <summary>The standard CBLAS routines.</summary>
        public readonly CblasApi Blas;

        // void openblas_set_num_threads(int) / int openblas_get_num_threads(void)
        public readonly delegate* unmanaged<int, void> SetNumThreads;
        public readonly delegate* unmanaged<int> GetNumThreads;

        // char* openblas_get_config(void) / char* openblas_get_corename(void): static strings owned by OpenBLAS
        public readonly delegate* unmanaged<nint> GetConfig;
        public readonly delegate* unmanaged<nint> GetCoreName;

        /// <summary>Binds OpenBLAS.</summary>
        /// <exception cref="EntryPointNotFoundException">A required export is missing (not OpenBLAS, or a reference BLAS).</exception>
        public OpenBlasApi(NativeExports exports)
        {
            Blas = new CblasApi(exports);
            SetNumThreads = (delegate* unmanaged<int, void>)exports.Required("openblas_set_num_threads");
            GetNumThreads = (delegate* unmanaged<int>)exports.Required("openblas_get_num_threads");
            GetConfig = (delegate* unmanaged<nint>)exports.Required("openblas_get_config");
            GetCoreName = (delegate* unmanaged<nint>)exports.Required("openblas_get_corename");
            exports.ThrowIfMissing();
        }

        /// <summary>Build configuration, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".</summary>
        public string Config() => ReadCString(GetConfig()).Trim();

        /// <summary>The kernel family OpenBLAS chose for this CPU, e.g. "Haswell" or "Zen".</summary>
        public string CoreName() => ReadCString(GetCoreName()).Trim();
    }
}
