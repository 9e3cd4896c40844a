using System.Numerics.Tensors;
using BigDL.Native;
using BigDL.Tensors.Kernels;

namespace BigDL.Tensors;

// Matrix and vector products, routed to the current BLAS provider (BigDL.Native.Blas).
//
// Layout rules. A 2-D operand whose rows are contiguous (stride[1] == 1, stride[0] >= columns) goes to BLAS
// as is with lda = stride[0]; a transposed view (stride[0] == 1, stride[1] >= rows) goes as the transposed
// operand over the same memory; anything else (expanded, sliced with a step, ...) is copied to a contiguous
// matrix first. A transposed output is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ in place. An output with any other
// layout, or sharing its storage with an input (aliasing), is computed into a contiguous temporary and copied
// back, so `x.AddMM(x, y)` is correct.
public sealed partial class Tensor<T>
{
    /// <summary>
    /// The sum of the products of the elements of this tensor and <paramref name="other"/> taken in row-major
    /// order (Torch's <c>dot</c>): any shapes, the same number of elements.
    /// </summary>
    /// <exception cref="ArgumentException">The element counts differ.</exception>
    public T Dot(Tensor<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int n = NElement();
        if (other.NElement() != n)
            throw new ArgumentException($"Dot: this is {Shape.Format(_size)} ({n} elements) but other is {Shape.Format(other._size)} ({other.NElement()} elements); the element counts must be equal", nameof(other));
        if (n == 0) return T.Zero;
        var x = VectorOperand(this, out int incx);
        var y = VectorOperand(other, out int incy);
        return Blas.Dot(n, x.Data.AsSpan(x._offset), incx, y.Data.AsSpan(y._offset), incy);
    }

    /// <summary>This = <paramref name="mat"/>·<paramref name="vec"/>, resizing this to the rows of the matrix (Torch's <c>mv</c>).</summary>
    /// <param name="mat">An n×m matrix.</param>
    /// <param name="vec">A vector of m elements.</param>
    /// <returns>This tensor, a vector of n elements.</returns>
    /// <exception cref="ArgumentException">A dimension count or size does not match; the message gives both shapes.</exception>
    public Tensor<T> MV(Tensor<T> mat, Tensor<T> vec)
    {
        CheckMV("MV", mat, vec);
        int rows = mat._size[0];
        if (SharesStorage(this, mat) || SharesStorage(this, vec))
        {
            var result = new Tensor<T>(rows);
            GemvInto(result, T.Zero, T.One, mat, vec);
            return Resize(rows).Copy(result);
        }
        Resize(rows);
        GemvInto(this, T.Zero, T.One, mat, vec);
        return this;
    }

    /// <summary>
    /// This = <paramref name="beta"/>·this + <paramref name="alpha"/>·<paramref name="mat"/>·<paramref name="vec"/>
    /// (Torch's <c>addmv(beta, alpha, mat, vec)</c>). When beta is 0, the old values are ignored (NaN included).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A dimension count or size does not match, or this is not a vector of the matrix's row count.
    /// </exception>
    public Tensor<T> AddMV(T beta, T alpha, Tensor<T> mat, Tensor<T> vec)
    {
        CheckMV("AddMV", mat, vec);
        if (_size.Length != 1 || _size[0] != mat._size[0])
            throw new ArgumentException($"AddMV: this is {Shape.Format(_size)} but mat {Shape.Format(mat._size)} · vec {Shape.Format(vec._size)} is [{mat._size[0]}]; this must have the matrix's row count", "this");
        GemvInto(this, beta, alpha, mat, vec);
        return this;
    }

    /// <summary>This += <paramref name="mat"/>·<paramref name="vec"/> (Torch's <c>addmv(mat, vec)</c>).</summary>
    public Tensor<T> AddMV(Tensor<T> mat, Tensor<T> vec) => AddMV(T.One, T.One, mat, vec);

    /// <summary>This = <paramref name="a"/>·<paramref name="b"/>, resizing this to n×p (Torch's <c>mm</c>).</summary>
    /// <param name="a">An n×m matrix.</param>
    /// <param name="b">An m×p matrix.</param>
    /// <returns>This tensor.</returns>
    /// <exception cref="ArgumentException">An operand is not 2-D or the inner sizes differ; the message gives both shapes.</exception>
    public Tensor<T> MM(Tensor<T> a, Tensor<T> b)
    {
        CheckMM("MM", a, b);
        int m = a._size[0], n = b._size[1];
        if (SharesStorage(this, a) || SharesStorage(this, b))
        {
            var result = new Tensor<T>(m, n);
            GemmInto(result, T.Zero, T.One, a, b);
            return Resize(m, n).Copy(result);
        }
        Resize(m, n);
        GemmInto(this, T.Zero, T.One, a, b);
        return this;
    }

    /// <summary>
    /// This = <paramref name="beta"/>·this + <paramref name="alpha"/>·<paramref name="a"/>·<paramref name="b"/>
    /// (Torch's <c>addmm(beta, alpha, a, b)</c>). When beta is 0, the old values are ignored (NaN included).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not match, or this is not n×p.</exception>
    public Tensor<T> AddMM(T beta, T alpha, Tensor<T> a, Tensor<T> b)
    {
        CheckMM("AddMM", a, b);
        if (_size.Length != 2 || _size[0] != a._size[0] || _size[1] != b._size[1])
            throw new ArgumentException($"AddMM: this is {Shape.Format(_size)} but a {Shape.Format(a._size)} · b {Shape.Format(b._size)} is [{a._size[0]}, {b._size[1]}]; the shapes must be equal", "this");
        GemmInto(this, beta, alpha, a, b);
        return this;
    }

    /// <summary>This += <paramref name="a"/>·<paramref name="b"/> (Torch's <c>addmm(a, b)</c>).</summary>
    public Tensor<T> AddMM(Tensor<T> a, Tensor<T> b) => AddMM(T.One, T.One, a, b);

    /// <summary>
    /// Batched product: this[i] = <paramref name="batch1"/>[i]·<paramref name="batch2"/>[i], resizing this to b×n×p
    /// (Torch's <c>bmm</c>).
    /// </summary>
    /// <param name="batch1">A b×n×m tensor.</param>
    /// <param name="batch2">A b×m×p tensor.</param>
    /// <exception cref="ArgumentException">An operand is not 3-D, or the batch or inner sizes differ.</exception>
    public Tensor<T> BMM(Tensor<T> batch1, Tensor<T> batch2)
    {
        CheckBMM("BMM", batch1, batch2);
        int batch = batch1._size[0], m = batch1._size[1], n = batch2._size[2];
        if (SharesStorage(this, batch1) || SharesStorage(this, batch2))
        {
            var result = new Tensor<T>(batch, m, n);
            GemmBatchedInto(result, T.Zero, T.One, batch1, batch2);
            return Resize(batch, m, n).Copy(result);
        }
        Resize(batch, m, n);
        GemmBatchedInto(this, T.Zero, T.One, batch1, batch2);
        return this;
    }

    /// <summary>
    /// this[i] = <paramref name="beta"/>·this[i] + <paramref name="alpha"/>·<paramref name="batch1"/>[i]·<paramref name="batch2"/>[i]
    /// for every i of the batch (Torch's <c>baddbmm(beta, alpha, batch1, batch2)</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not match, or this is not b×n×p.</exception>
    public Tensor<T> BAddBMM(T beta, T alpha, Tensor<T> batch1, Tensor<T> batch2)
    {
        CheckBMM("BAddBMM", batch1, batch2);
        if (_size.Length != 3 || _size[0] != batch1._size[0] || _size[1] != batch1._size[1] || _size[2] != batch2._size[2])
            throw new ArgumentException($"BAddBMM: this is {Shape.Format(_size)} but batch1 {Shape.Format(batch1._size)} · batch2 {Shape.Format(batch2._size)} is [{batch1._size[0]}, {batch1._size[1]}, {batch2._size[2]}]; the shapes must be equal", "this");
        GemmBatchedInto(this, beta, alpha, batch1, batch2);
        return this;
    }

    /// <summary>
    /// Outer-product update: this = <paramref name="beta"/>·this + <paramref name="alpha"/>·<paramref name="vec1"/>⊗<paramref name="vec2"/>,
    /// this being n×m for vectors of n and m elements (Torch's <c>addr(beta, alpha, vec1, vec2)</c>).
    /// When beta is 0, the old values are ignored (NaN included).
    /// </summary>
    /// <exception cref="ArgumentException">An operand is not 1-D, or this is not n×m.</exception>
    public Tensor<T> AddR(T beta, T alpha, Tensor<T> vec1, Tensor<T> vec2)
    {
        ArgumentNullException.ThrowIfNull(vec1);
        ArgumentNullException.ThrowIfNull(vec2);
        RequireDims("AddR", vec1, nameof(vec1), 1, "vector");
        RequireDims("AddR", vec2, nameof(vec2), 1, "vector");
        int m = vec1._size[0], n = vec2._size[0];
        if (_size.Length != 2 || _size[0] != m || _size[1] != n)
            throw new ArgumentException($"AddR: this is {Shape.Format(_size)} but vec1 {Shape.Format(vec1._size)} ⊗ vec2 {Shape.Format(vec2._size)} is [{m}, {n}]; the shapes must be equal", "this");
        if (m == 0 || n == 0) return this;
        if (SharesStorage(this, vec1) || SharesStorage(this, vec2) || !TryMatrixLayout(this, out bool trans, out int ld))
        {
            var result = Clone();
            result.AddR(beta, alpha, vec1, vec2);
            return Copy(result);
        }
        Scale(beta);
        var x = VectorOperand(vec1, out int incx);
        var y = VectorOperand(vec2, out int incy);
        if (!trans)
            Blas.Ger(m, n, alpha, x.Data.AsSpan(x._offset), incx, y.Data.AsSpan(y._offset), incy, Data.AsSpan(_offset), ld);
        else
            Blas.Ger(n, m, alpha, y.Data.AsSpan(y._offset), incy, x.Data.AsSpan(x._offset), incx, Data.AsSpan(_offset), ld);
        return this;
    }

    /// <summary>This += <paramref name="vec1"/>⊗<paramref name="vec2"/> (Torch's <c>addr(vec1, vec2)</c>).</summary>
    public Tensor<T> AddR(Tensor<T> vec1, Tensor<T> vec2) => AddR(T.One, T.One, vec1, vec2);

    /// <summary>
    /// BigDL's tensor product <c>a * b</c>: matrix·matrix (<see cref="MM"/>), matrix·vector (<see cref="MV"/>) or
    /// vector·vector (<see cref="Dot"/>, returned as a 0-dimensional scalar tensor), into a new tensor.
    /// </summary>
    /// <remarks>
    /// This is the matrix product as in BigDL's Scala <c>Tensor.*</c>, NOT the element-wise product of PyTorch's
    /// <c>*</c>; use <c>CMul</c> for element-wise multiplication.
    /// </remarks>
    /// <exception cref="ArgumentException">The dimension counts are not 2·2, 2·1 or 1·1, or the sizes do not match.</exception>
    public static Tensor<T> operator *(Tensor<T> a, Tensor<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a.Dim(), b.Dim()) switch
        {
            (2, 2) => new Tensor<T>().MM(a, b),
            (2, 1) => new Tensor<T>().MV(a, b),
            (1, 1) when a._size[0] == b._size[0] => Scalar(a.Dot(b)),
            (1, 1) => throw new ArgumentException($"a * b: a is {Shape.Format(a._size)} but b is {Shape.Format(b._size)}; vectors must have the same length", nameof(b)),
            _ => throw new ArgumentException($"a * b multiplies matrix·matrix, matrix·vector or vector·vector; got a {Shape.Format(a._size)} and b {Shape.Format(b._size)}", nameof(b)),
        };
    }

    // ---- validation ----

    private static void RequireDims(string op, Tensor<T> t, string name, int dims, string what)
    {
        if (t._size.Length != dims)
            throw new ArgumentException($"{op}: {name} must be a {dims}-D {what}, got {t._size.Length} dims {Shape.Format(t._size)}", name);
    }

    private static void CheckMM(string op, Tensor<T> a, Tensor<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireDims(op, a, nameof(a), 2, "matrix");
        RequireDims(op, b, nameof(b), 2, "matrix");
        if (a._size[1] != b._size[0])
            throw new ArgumentException($"{op}: a is {Shape.Format(a._size)} but b is {Shape.Format(b._size)}; a's columns ({a._size[1]}) must equal b's rows ({b._size[0]})", nameof(b));
    }

    private static void CheckMV(string op, Tensor<T> mat, Tensor<T> vec)
    {
        ArgumentNullException.ThrowIfNull(mat);
        ArgumentNullException.ThrowIfNull(vec);
        RequireDims(op, mat, nameof(mat), 2, "matrix");
        RequireDims(op, vec, nameof(vec), 1, "vector");
        if (mat._size[1] != vec._size[0])
            throw new ArgumentException($"{op}: mat is {Shape.Format(mat._size)} but vec is {Shape.Format(vec._size)}; mat's columns ({mat._size[1]}) must equal vec's length ({vec._size[0]})", nameof(vec));
    }

    private static void CheckBMM(string op, Tensor<T> batch1, Tensor<T> batch2)
    {
        ArgumentNullException.ThrowIfNull(batch1);
        ArgumentNullException.ThrowIfNull(batch2);
        RequireDims(op, batch1, nameof(batch1), 3, "batch of matrices");
        RequireDims(op, batch2, nameof(batch2), 3, "batch of matrices");
        if (batch1._size[0] != batch2._size[0])
            throw new ArgumentException($"{op}: batch1 is {Shape.Format(batch1._size)} but batch2 is {Shape.Format(batch2._size)}; the batch sizes ({batch1._size[0]} and {batch2._size[0]}) must be equal", nameof(batch2));
        if (batch1._size[2] != batch2._size[1])
            throw new ArgumentException($"{op}: batch1 is {Shape.Format(batch1._size)} but batch2 is {Shape.Format(batch2._size)}; batch1's columns ({batch1._size[2]}) must equal batch2's rows ({batch2._size[1]})", nameof(batch2));
    }

    // ---- BLAS plumbing ----

    private static bool SharesStorage(Tensor<T> output, Tensor<T> input)
        => output._storage is not null && ReferenceEquals(output._storage, input._storage);

    /// <summary>
    /// How BLAS can read the matrix made of the last two dimensions of <paramref name="t"/> without copying:
    /// row-major (<paramref name="trans"/> false) or as the transpose of a row-major matrix, with its leading dimension.
    /// </summary>
    private static bool TryMatrixLayout(Tensor<T> t, out bool trans, out int ld)
    {
        int rows = t._size[^2], cols = t._size[^1];
        int s0 = t._stride[^2], s1 = t._stride[^1];
        if ((cols <= 1 || s1 == 1) && (rows <= 1 || s0 >= Math.Max(1, cols)))
        {
            trans = false;
            ld = rows <= 1 ? Math.Max(1, cols) : s0;
            return true;
        }
        if ((rows <= 1 || s0 == 1) && (cols <= 1 || s1 >= Math.Max(1, rows)))
        {
            trans = true;
            ld = cols <= 1 ? Math.Max(1, rows) : s1;
            return true;
        }
        trans = false;
        ld = 0;
        return false;
    }

    /// <summary>A BLAS-readable matrix operand: <paramref name="t"/> itself, or a contiguous copy.</summary>
    private static Tensor<T> MatrixOperand(Tensor<T> t, out bool trans, out int ld)
    {
        if (TryMatrixLayout(t, out trans, out ld)) return t;
        var copy = t.Clone();
        TryMatrixLayout(copy, out trans, out ld);
        return copy;
    }

    /// <summary>A BLAS-readable vector over the elements of <paramref name="t"/> in row-major order.</summary>
    private static Tensor<T> VectorOperand(Tensor<T> t, out int inc)
    {
        inc = 1;
        if (t.IsContiguous()) return t;
        if (t._size.Length == 1 && t._stride[0] >= 1)
        {
            inc = t._stride[0];
            return t;
        }
        return t.Clone();
    }

    private static bool TryVectorLayout(Tensor<T> t, out int inc)
    {
        inc = t._size[0] <= 1 ? 1 : t._stride[0];
        return inc >= 1;
    }

    private static void GemmInto(Tensor<T> c, T beta, T alpha, Tensor<T> a, Tensor<T> b)
    {
        int m = a._size[0], k = a._size[1], n = b._size[1];
        if (m == 0 || n == 0) return;
        if (SharesStorage(c, a) || SharesStorage(c, b) || !TryMatrixLayout(c, out bool transC, out int ldc))
        {
            var result = new Tensor<T>(m, n);
            if (!T.IsZero(beta)) result.Copy(c);
            GemmInto(result, beta, alpha, a, b);
            c.Copy(result);
            return;
        }
        a = MatrixOperand(a, out bool transA, out int lda);
        b = MatrixOperand(b, out bool transB, out int ldb);
        var cs = c.Data.AsSpan(c._offset);
        if (!transC)
            Blas.Gemm(transA, transB, m, n, k, alpha, a.Data.AsSpan(a._offset), lda, b.Data.AsSpan(b._offset), ldb, beta, cs, ldc);
        else // c holds Cᵀ row-major: Cᵀ = op(B)ᵀ·op(A)ᵀ
            Blas.Gemm(!transB, !transA, n, m, k, alpha, b.Data.AsSpan(b._offset), ldb, a.Data.AsSpan(a._offset), lda, beta, cs, ldc);
    }

    private static void GemvInto(Tensor<T> y, T beta, T alpha, Tensor<T> mat, Tensor<T> vec)
    {
        int rows = mat._size[0], cols = mat._size[1];
        if (rows == 0) return;
        if (SharesStorage(y, mat) || SharesStorage(y, vec) || !TryVectorLayout(y, out int incy))
        {
            var result = new Tensor<T>(rows);
            if (!T.IsZero(beta)) result.Copy(y);
            GemvInto(result, beta, alpha, mat, vec);
            y.Copy(result);
            return;
        }
        mat = MatrixOperand(mat, out bool trans, out int lda);
        vec = VectorOperand(vec, out int incx);
        var a = mat.Data.AsSpan(mat._offset);
        var x = vec.Data.AsSpan(vec._offset);
        var ys = y.Data.AsSpan(y._offset);
        if (!trans) Blas.Gemv(false, rows, cols, alpha, a, lda, x, incx, beta, ys, incy);
        else Blas.Gemv(true, cols, rows, alpha, a, lda, x, incx, beta, ys, incy);
    }

    private static void GemmBatchedInto(Tensor<T> c, T beta, T alpha, Tensor<T> a, Tensor<T> b)
    {
        int batch = a._size[0], m = a._size[1], k = a._size[2], n = b._size[2];
        if (batch == 0 || m == 0 || n == 0) return;
        bool cOk = TryMatrixLayout(c, out bool transC, out int ldc) && !transC
                   && (batch == 1 || c._stride[0] >= (long)(m - 1) * ldc + n);
        if (SharesStorage(c, a) || SharesStorage(c, b) || !cOk)
        {
            var result = new Tensor<T>(batch, m, n);
            if (!T.IsZero(beta)) result.Copy(c);
            GemmBatchedInto(result, beta, alpha, a, b);
            c.Copy(result);
            return;
        }
        a = MatrixOperand(a, out bool transA, out int lda);
        b = MatrixOperand(b, out bool transB, out int ldb);
        int strideA = batch == 1 ? 0 : a._stride[0];
        int strideB = batch == 1 ? 0 : b._stride[0];
        int strideC = batch == 1 ? 0 : c._stride[0];
        Blas.GemmBatched(transA, transB, m, n, k, alpha, a.Data.AsSpan(a._offset), lda, strideA,
                         b.Data.AsSpan(b._offset), ldb, strideB, beta, c.Data.AsSpan(c._offset), ldc, strideC, batch);
    }

    /// <summary>this *= factor, with 0 clearing (NaN included) as BLAS's beta = 0 does.</summary>
    private void Scale(T factor)
    {
        if (factor == T.One) return;
        if (T.IsZero(factor)) Fill(T.Zero);
        else ElementWalk.Run(this, new ScaleAction(factor));
    }

    private readonly struct ScaleAction(T factor) : ISpanAction<T>
    {
        public void Invoke(Span<T> destination) => TensorPrimitives.Multiply(destination, factor, destination);
    }
}
