namespace BigDL.Native;

internal static unsafe partial class NativeMethods
{
    /// <summary>MKL's single dynamic library: <c>mkl_set_interface_layer</c> codes (mkl_service.h).</summary>
    private const int MklInterfaceLp64 = 0, MklInterfaceIlp64Bit = 1;

    /// <summary><c>mkl_set_threading_layer</c> codes (mkl_service.h).</summary>
    private const int MklThreadingIntel = 0, MklThreadingSequential = 1, MklThreadingGnu = 3;

    /// <summary>Where Intel MKL's single dynamic library (<c>libmkl_rt</c>) is looked for, in order.</summary>
    internal static IReadOnlyList<string> MklCandidates { get; } = Candidates(
        linuxNames: ["libmkl_rt.so", "libmkl_rt.so.2"],
        linuxMultiarchRelative: ["libmkl_rt.so"],
        linuxOtherPaths: ["/opt/intel/oneapi/mkl/latest/lib/intel64/libmkl_rt.so.2", "/opt/intel/oneapi/mkl/latest/lib/libmkl_rt.so.2"],
        windowsNames: ["mkl_rt.2.dll", "mkl_rt.dll"],
        macNames: ["libmkl_rt.dylib", "libmkl_rt.2.dylib"]);

    /// <summary>Intel MKL through <c>libmkl_rt</c>: CBLAS plus the service functions BigDL uses.</summary>
    internal sealed class MklApi
    {
        /// <summary>The standard CBLAS routines.</summary>
        public readonly CblasApi Blas;

        // void MKL_Set_Num_Threads(int) / int MKL_Get_Max_Threads(void)
        public readonly delegate* unmanaged<int, void> SetNumThreads;
        public readonly delegate* unmanaged<int> GetMaxThreads;

        // void MKL_Get_Version_String(char* buffer, int length)
        public readonly delegate* unmanaged<byte*, int, void> GetVersionString;

        // void cblas_?gemm_batch_strided(layout, transA, transB, M, N, K, alpha, A, lda, strideA, B, ldb, strideB,
        //                                beta, C, ldc, strideC, batchSize) — MKL 2020.2 and later; null when absent.
        public readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, int, float*, int, int, float, float*, int, int, int, void> SgemmBatchStrided;
        public readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, int, double*, int, int, double, double*, int, int, int, void> DgemmBatchStrided;

        /// <summary>Binds MKL and pins its integer interface to LP64 (32-bit), which every signature here assumes.</summary>
        /// <exception cref="EntryPointNotFoundException">A required export is missing.</exception>
        /// <exception cref="NotSupportedException">MKL was already switched to the 64-bit integer (ILP64) interface.</exception>
        public MklApi(NativeExports exports)
        {
            Blas = new CblasApi(exports);
            SetNumThreads = (delegate* unmanaged<int, void>)exports.Required("MKL_Set_Num_Threads");
            GetMaxThreads = (delegate* unmanaged<int>)exports.Required("MKL_Get_Max_Threads");
            GetVersionString = (delegate* unmanaged<byte*, int, void>)exports.Required("MKL_Get_Version_String");
            var setInterfaceLayer = (delegate* unmanaged<int, int>)exports.Required("MKL_Set_Interface_Layer");
            var setThreadingLayer = (delegate* unmanaged<int, int>)exports.Required("MKL_Set_Threading_Layer");
            SgemmBatchStrided = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, int, float*, int, int, float, float*, int, int, int, void>)
                exports.Optional("cblas_sgemm_batch_strided");
            DgemmBatchStrided = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, int, double*, int, int, double, double*, int, int, int, void>)
                exports.Optional("cblas_dgemm_batch_strided");
            exports.ThrowIfMissing();

            // The layer can only be chosen before MKL's first computation; the call returns the layer in force.
            int layer = setInterfaceLayer(MklInterfaceLp64);
            if (layer >= 0 && (layer & MklInterfaceIlp64Bit) != 0)
                throw new NotSupportedException(
                    $"MKL uses the ILP64 (64-bit integer) interface (layer code {layer}, e.g. from MKL_INTERFACE_LAYER), but BigDL passes 32-bit integers");
            if (Environment.GetEnvironmentVariable("MKL_THREADING_LAYER") is null && OperatingSystem.IsLinux())
                setThreadingLayer(LinuxThreadingLayer());
        }

        /// <summary>
        /// MKL's threaded layers call an OpenMP runtime they do not link, so the process dies on a missing symbol at
        /// the first threaded call when none is loaded. Intel's runtime (libiomp5, MKL's default layer) is used when
        /// present, else GNU's (libgomp, part of GCC), else MKL runs sequentially. Either runtime is loaded with
        /// <c>RTLD_GLOBAL</c> so MKL's threading library binds to it. A <c>MKL_THREADING_LAYER</c> set by the user wins.
        /// </summary>
        private static int LinuxThreadingLayer() =>
            TryLoadGlobally("libiomp5.so") ? MklThreadingIntel
            : TryLoadGlobally("libgomp.so.1") ? MklThreadingGnu
            : MklThreadingSequential;

        /// <summary>MKL's own version line, e.g. "Intel(R) Math Kernel Library Version 2020.0.4 …".</summary>
        public string Version()
        {
            const int Length = 256;
            byte* buffer = stackalloc byte[Length];
            new Span<byte>(buffer, Length).Clear();
            GetVersionString(buffer, Length);
            return ReadCString((nint)buffer).Trim();
        }
    }
}
