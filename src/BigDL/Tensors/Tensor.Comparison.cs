using BigDL.Tensors.Kernels;

namespace BigDL.Tensors;

// Comparisons give a new mask of this tensor's shape: 1 where the comparison holds, 0 elsewhere (BigDL's gt/lt/…
// write such a mask of T too). A tensor operand is broadcast to this tensor's shape.
public sealed partial class Tensor<T>
{
    /// <summary>Mask of elements greater than <paramref name="value"/>.</summary>
    public Tensor<T> Gt(T value) => Compare(UnaryOp.Gt, value);

    /// <summary>Mask of elements greater than or equal to <paramref name="value"/>.</summary>
    public Tensor<T> Ge(T value) => Compare(UnaryOp.Ge, value);

    /// <summary>Mask of elements less than <paramref name="value"/>.</summary>
    public Tensor<T> Lt(T value) => Compare(UnaryOp.Lt, value);

    /// <summary>Mask of elements less than or equal to <paramref name="value"/>.</summary>
    public Tensor<T> Le(T value) => Compare(UnaryOp.Le, value);

    /// <summary>Mask of elements equal to <paramref name="value"/>.</summary>
    public Tensor<T> Eq(T value) => Compare(UnaryOp.Eq, value);

    /// <summary>Mask of elements not equal to <paramref name="value"/> (NaN is never equal).</summary>
    public Tensor<T> Ne(T value) => Compare(UnaryOp.Ne, value);

    /// <summary>Mask of elements greater than the matching element of <paramref name="other"/> (broadcast).</summary>
    public Tensor<T> Gt(Tensor<T> other) => Compare(BinaryOp.Gt, other);

    /// <summary>Mask of elements greater than or equal to the matching element of <paramref name="other"/> (broadcast).</summary>
    public Tensor<T> Ge(Tensor<T> other) => Compare(BinaryOp.Ge, other);

    /// <summary>Mask of elements less than the matching element of <paramref name="other"/> (broadcast).</summary>
    public Tensor<T> Lt(Tensor<T> other) => Compare(BinaryOp.Lt, other);

    /// <summary>Mask of elements less than or equal to the matching element of <paramref name="other"/> (broadcast).</summary>
    public Tensor<T> Le(Tensor<T> other) => Compare(BinaryOp.Le, other);

    /// <summary>Mask of elements equal to the matching element of <paramref name="other"/> (broadcast).</summary>
    public Tensor<T> Eq(Tensor<T> other) => Compare(BinaryOp.Eq, other);

    /// <summary>Mask of elements not equal to the matching element of <paramref name="other"/> (broadcast).</summary>
    public Tensor<T> Ne(Tensor<T> other) => Compare(BinaryOp.Ne, other);

    /// <summary>Sets the elements where <paramref name="mask"/> (broadcast to this shape) is non-zero to <paramref name="value"/>.</summary>
    /// <remarks>Torch's <c>maskedFill</c>; the mask is a tensor of T holding 0 and non-zero values.</remarks>
    public Tensor<T> MaskedFill(Tensor<T> mask, T value)
    {
        ElementWalk.Run(this, this, BroadcastOperand(mask, nameof(mask)), new BinaryAction<T>(BinaryOp.MaskedFill, value));
        return this;
    }

    /// <summary>A new 1-D tensor of the elements where <paramref name="mask"/> (broadcast) is non-zero, in row-major order.</summary>
    public Tensor<T> MaskedSelect(Tensor<T> mask)
    {
        var m = BroadcastOperand(mask, nameof(mask)).Contiguous().AsSpan();
        var values = Contiguous().AsSpan();
        var selected = new List<T>();
        for (int i = 0; i < values.Length; i++)
            if (!T.IsZero(m[i])) selected.Add(values[i]);
        return selected.Count == 0 ? new Tensor<T>(0) : new Tensor<T>([.. selected], selected.Count);
    }

    /// <summary>
    /// True when <paramref name="other"/> has the same sizes and every pair of elements differs by at most
    /// <paramref name="tolerance"/>; false (not an exception) for different sizes or NaN, as BigDL's <c>almostEqual</c>.
    /// </summary>
    public bool AlmostEqual(Tensor<T> other, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!IsSameSizeAs(other) || IsEmpty != other.IsEmpty) return false;
        if (IsEmpty) return true;
        var difference = NewWithSameShape().Add(this, -T.One, other).Abs();
        return double.CreateTruncating(difference.Max()) <= tolerance;
    }

    private Tensor<T> Compare(UnaryOp op, T value)
    {
        var mask = NewWithSameShape();
        ElementWalk.Run(mask, this, new UnaryAction<T>(op, value));
        return mask;
    }

    private Tensor<T> Compare(BinaryOp op, Tensor<T> other)
    {
        var mask = NewWithSameShape();
        ElementWalk.Run(mask, this, BroadcastOperand(other, nameof(other)), new BinaryAction<T>(op));
        return mask;
    }
}
