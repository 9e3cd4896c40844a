using System.Numerics;

namespace BigDL.Native.Managed;

/// <summary>
/// A register-blocked GEMM micro-kernel: computes one <see cref="Rows"/>×<see cref="Columns"/> tile of C from a packed
/// A micro-panel (<see cref="Rows"/> values per step of k) and a packed B micro-panel (<see cref="Columns"/> values
/// per step). The GEMM driver is generic over the kernel type, so the JIT inlines it and the choice of vector width
/// is a type argument (tests force the 256-bit one).
/// </summary>
internal unsafe interface IMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the register tile (MR).</summary>
    static abstract int Rows { get; }

    /// <summary>Columns of the register tile (NR).</summary>
    static abstract int Columns { get; }

    /// <summary>A human-readable name for provider descriptions.</summary>
    static abstract string Describe { get; }

    /// <summary>
    /// C[0..Rows, 0..Columns] = acc when <paramref name="overwrite"/> (C is then never read, so NaN there is ignored),
    /// else beta·C + acc, where acc = Σ over <paramref name="kc"/> steps of the outer product of one packed A column
    /// and one B row of <see cref="Columns"/> values. Consecutive B rows are <paramref name="bStride"/> elements apart
    /// (<see cref="Columns"/> in a packed panel, ldb when op(B) is read in place). Row r of C starts at <c>c + r·ldc</c>.
    /// </summary>
    static abstract void Run(int kc, T* a, T* b, nint bStride, T* c, nint ldc, T beta, bool overwrite);
}
