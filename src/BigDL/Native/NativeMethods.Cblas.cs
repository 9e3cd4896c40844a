using System.Runtime.InteropServices;

namespace BigDL.Native;

// Function pointers instead of [LibraryImport]: MKL and OpenBLAS export the same cblas_* names, so each
// provider binds its own table from its own library handle (see NativeLibraryLoader), and a library that
// is absent simply leaves no table behind instead of failing at type load.
internal static unsafe partial class NativeMethods
{
    /// <summary>CBLAS enumerations (cblas.h): <c>CblasRowMajor</c>, <c>CblasNoTrans</c>, <c>CblasTrans</c>.</summary>
    internal const int CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112;

    /// <summary>
    /// The standard CBLAS routines BigDL uses, as exported by both MKL and OpenBLAS, with 32-bit integers
    /// (MKL's LP64 interface, OpenBLAS built without INTERFACE64).
    /// </summary>
    internal sealed class CblasApi
    {
        // void cblas_?gemm(layout, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)
        public readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm;
        public readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemm;

        // void cblas_?gemv(layout, trans, M, N, alpha, A, lda, X, incX, beta, Y, incY)
        public readonly delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemv;
        public readonly delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemv;

        // void cblas_?ger(layout, M, N, alpha, X, incX, Y, incY, A, lda)
        public readonly delegate* unmanaged<int, int, int, float, float*, int, float*, int, float*, int, void> Sger;
        public readonly delegate* unmanaged<int, int, int, double, double*, int, double*, int, double*, int, void> Dger;

        // void cblas_?axpy(N, alpha, X, incX, Y, incY)
        public readonly delegate* unmanaged<int, float, float*, int, float*, int, void> Saxpy;
        public readonly delegate* unmanaged<int, double, double*, int, double*, int, void> Daxpy;

        // ? cblas_?dot(N, X, incX, Y, incY)
        public readonly delegate* unmanaged<int, float*, int, float*, int, float> Sdot;
        public readonly delegate* unmanaged<int, double*, int, double*, int, double> Ddot;

        // void cblas_?scal(N, alpha, X, incX)
        public readonly delegate* unmanaged<int, float, float*, int, void> Sscal;
        public readonly delegate* unmanaged<int, double, double*, int, void> Dscal;

        /// <summary>Binds every routine; missing ones are collected by <paramref name="exports"/>.</summary>
        public CblasApi(NativeExports exports)
        {
            Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)exports.Required("cblas_sgemm");
            Dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)exports.Required("cblas_dgemm");
            Sgemv = (delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)exports.Required("cblas_sgemv");
            Dgemv = (delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)exports.Required("cblas_dgemv");
            Sger = (delegate* unmanaged<int, int, int, float, float*, int, float*, int, float*, int, void>)exports.Required("cblas_sger");
            Dger = (delegate* unmanaged<int, int, int, double, double*, int, double*, int, double*, int, void>)exports.Required("cblas_dger");
            Saxpy = (delegate* unmanaged<int, float, float*, int, float*, int, void>)exports.Required("cblas_saxpy");
            Daxpy = (delegate* unmanaged<int, double, double*, int, double*, int, void>)exports.Required("cblas_daxpy");
            Sdot = (delegate* unmanaged<int, float*, int, float*, int, float>)exports.Required("cblas_sdot");
            Ddot = (delegate* unmanaged<int, double*, int, double*, int, double>)exports.Required("cblas_ddot");
            Sscal = (delegate* unmanaged<int, float, float*, int, void>)exports.Required("cblas_sscal");
            Dscal = (delegate* unmanaged<int, double, double*, int, void>)exports.Required("cblas_dscal");
        }
    }

    /// <summary>
    /// Candidate names and paths for a library: bare file names first (the OS loader's search, which honours
    /// <c>LD_LIBRARY_PATH</c>), then the distribution's multiarch directories, then other usual install paths.
    /// </summary>
    private static string[] Candidates(string[] linuxNames, string[] linuxMultiarchRelative, string[] linuxOtherPaths,
                                       string[] windowsNames, string[] macNames)
    {
        if (OperatingSystem.IsWindows()) return windowsNames;
        if (OperatingSystem.IsMacOS()) return macNames;
        string? multiarch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x86_64-linux-gnu",
            Architecture.Arm64 => "aarch64-linux-gnu",
            _ => null,
        };
        var all = new List<string>(linuxNames);
        if (multiarch is not null)
            foreach (string relative in linuxMultiarchRelative) all.Add($"/usr/lib/{multiarch}/{relative}");
        all.AddRange(linuxOtherPaths);
        return [.. all];
    }

    /// <summary>Reads a NUL-terminated C string owned by the library (never freed by us).</summary>
    private static string ReadCString(nint text) => text == 0 ? "" : Marshal.PtrToStringUTF8(text) ?? "";
}
