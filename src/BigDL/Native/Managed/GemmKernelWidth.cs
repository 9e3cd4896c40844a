namespace BigDL.Native.Managed;

/// <summary>Which micro-kernel family the managed GEMM uses.</summary>
internal enum GemmKernelWidth
{
    /// <summary>The 512-bit kernel when <see cref="System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated"/>, else the 256-bit one.</summary>
    Auto,

    /// <summary>The <see cref="System.Runtime.Intrinsics.Vector256{T}"/> FMA kernel, forced.</summary>
    Vector256,

    /// <summary>The <see cref="System.Runtime.Intrinsics.Vector512{T}"/> kernel, forced (software-emulated and slow without AVX-512).</summary>
    Vector512,
}
