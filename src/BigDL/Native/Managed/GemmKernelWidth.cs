namespace BigDL.Native.Managed;

/// <summary>Which micro-kernel family the managed GEMM uses.</summary>
internal enum GemmKernelWidth
{
    /// <summary>The widest accelerated kernel (today always the 256-bit one; see <see cref="ManagedBlas"/>).</summary>
    Auto,

    /// <summary>The <see cref="System.Runtime.Intrinsics.Vector256{T}"/> FMA kernel, forced.</summary>
    Vector256,
}
