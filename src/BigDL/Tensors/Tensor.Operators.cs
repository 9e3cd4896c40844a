namespace BigDL.Tensors;

// C# operators: new tensors, both sides broadcast (Torch/NumPy rules). Tensor * tensor is not here: in BigDL and
// Torch7 it is the matrix product (see Tensor.LinearAlgebra.cs); the element-wise product is CMul.
public sealed partial class Tensor<T>
{
    /// <summary>Element-wise sum of two tensors, broadcast to a common shape.</summary>
    public static Tensor<T> operator +(Tensor<T> a, Tensor<T> b) => Combine(a, b, T.One);

    /// <summary>Element-wise difference of two tensors, broadcast to a common shape.</summary>
    public static Tensor<T> operator -(Tensor<T> a, Tensor<T> b) => Combine(a, b, -T.One);

    /// <summary>Element-wise quotient of two tensors, broadcast to a common shape.</summary>
    public static Tensor<T> operator /(Tensor<T> a, Tensor<T> b)
    {
        var (x, y, result) = Broadcast(a, b);
        return result.CDiv(x, y);
    }

    /// <summary>Adds a scalar to every element.</summary>
    public static Tensor<T> operator +(Tensor<T> a, T b) => Checked(a).Clone().Add(b);

    /// <summary>Adds a scalar to every element.</summary>
    public static Tensor<T> operator +(T a, Tensor<T> b) => Checked(b).Clone().Add(a);

    /// <summary>Subtracts a scalar from every element.</summary>
    public static Tensor<T> operator -(Tensor<T> a, T b) => Checked(a).Clone().Add(-b);

    /// <summary>A scalar minus every element.</summary>
    public static Tensor<T> operator -(T a, Tensor<T> b)
    {
        var x = Checked(b);
        return x.NewWithSameShape().Unary(x, new Kernels.UnaryAction<T>(Kernels.UnaryOp.ScalarMinus, a));
    }

    /// <summary>Multiplies every element by a scalar.</summary>
    public static Tensor<T> operator *(Tensor<T> a, T b) => Checked(a).Clone().Mul(b);

    /// <summary>Multiplies every element by a scalar.</summary>
    public static Tensor<T> operator *(T a, Tensor<T> b) => Checked(b).Clone().Mul(a);

    /// <summary>Divides every element by a scalar.</summary>
    public static Tensor<T> operator /(Tensor<T> a, T b) => Checked(a).Clone().Div(b);

    /// <summary>A scalar divided by every element.</summary>
    public static Tensor<T> operator /(T a, Tensor<T> b)
    {
        var x = Checked(b);
        return x.NewWithSameShape().Unary(x, new Kernels.UnaryAction<T>(Kernels.UnaryOp.ScalarDivide, a));
    }

    /// <summary>The negated tensor.</summary>
    public static Tensor<T> operator -(Tensor<T> a) => Checked(a).Clone().Neg();

    private static Tensor<T> Combine(Tensor<T> a, Tensor<T> b, T alpha)
    {
        var (x, y, result) = Broadcast(a, b);
        return result.Add(x, alpha, y);
    }

    private static (Tensor<T> X, Tensor<T> Y, Tensor<T> Result) Broadcast(Tensor<T> a, Tensor<T> b)
    {
        Checked(a);
        Checked(b);
        if (a.IsSameSizeAs(b)) return (a, b, a.NewWithSameShape());
        var shape = Shape.Broadcast(a._size, b._size, nameof(b));
        return (a.Expand(shape), b.Expand(shape), new Tensor<T>(shape));
    }

    private static Tensor<T> Checked(Tensor<T> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t;
    }
}
