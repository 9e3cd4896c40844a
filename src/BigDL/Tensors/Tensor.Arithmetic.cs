using BigDL.Tensors.Kernels;

namespace BigDL.Tensors;

// Arithmetic with BigDL/Torch conventions: a method works in place on this tensor and returns it; the form with
// a source tensor x (y.Exp(x), z.Add(x, alpha, y)) writes the result of x into this tensor, resizing it when its
// size differs. The other operand of an in-place binary operation is broadcast to this tensor's shape, whose own
// shape never changes.
public sealed partial class Tensor<T>
{
    /// <summary>Adds <paramref name="value"/> to every element (BigDL <c>add(value)</c>).</summary>
    public Tensor<T> Add(T value) => Unary(this, new UnaryAction<T>(UnaryOp.AddScalar, value));

    /// <summary>this += <paramref name="other"/>, broadcast to this shape (BigDL <c>add(y)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> cannot be broadcast to this shape.</exception>
    public Tensor<T> Add(Tensor<T> other) => Add(T.One, other);

    /// <summary>this += <paramref name="alpha"/>·<paramref name="other"/>, broadcast to this shape (BigDL <c>add(value, y)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> cannot be broadcast to this shape.</exception>
    public Tensor<T> Add(T alpha, Tensor<T> other)
        => Binary(this, BroadcastOperand(other, nameof(other)), new BinaryAction<T>(BinaryOp.AddScaled, alpha));

    /// <summary>this = <paramref name="x"/> + <paramref name="alpha"/>·<paramref name="y"/>, y broadcast to x's shape (BigDL <c>add(x, value, y)</c>).</summary>
    public Tensor<T> Add(Tensor<T> x, T alpha, Tensor<T> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Binary(x, x.BroadcastOperand(y, nameof(y)), new BinaryAction<T>(BinaryOp.AddScaled, alpha));
    }

    /// <summary>Subtracts <paramref name="value"/> from every element.</summary>
    public Tensor<T> Sub(T value) => Add(-value);

    /// <summary>this −= <paramref name="other"/>, broadcast to this shape.</summary>
    public Tensor<T> Sub(Tensor<T> other) => Add(-T.One, other);

    /// <summary>this −= <paramref name="alpha"/>·<paramref name="other"/>, broadcast to this shape.</summary>
    public Tensor<T> Sub(T alpha, Tensor<T> other) => Add(-alpha, other);

    /// <summary>this = <paramref name="x"/> − <paramref name="alpha"/>·<paramref name="y"/>.</summary>
    public Tensor<T> Sub(Tensor<T> x, T alpha, Tensor<T> y) => Add(x, -alpha, y);

    /// <summary>Multiplies every element by <paramref name="value"/> (BigDL <c>mul(value)</c>).</summary>
    public Tensor<T> Mul(T value) => Unary(this, new UnaryAction<T>(UnaryOp.MulScalar, value));

    /// <summary>this = <paramref name="x"/>·<paramref name="value"/> (BigDL <c>mul(x, value)</c>).</summary>
    public Tensor<T> Mul(Tensor<T> x, T value) => Unary(x, new UnaryAction<T>(UnaryOp.MulScalar, value));

    /// <summary>Divides every element by <paramref name="value"/> (BigDL <c>div(value)</c>).</summary>
    public Tensor<T> Div(T value) => Unary(this, new UnaryAction<T>(UnaryOp.MulScalar, T.One / value));

    /// <summary>Element-wise product with <paramref name="other"/>, broadcast to this shape (BigDL <c>cmul(y)</c>).</summary>
    public Tensor<T> CMul(Tensor<T> other) => Binary(this, BroadcastOperand(other, nameof(other)), new BinaryAction<T>(BinaryOp.Mul));

    /// <summary>this = <paramref name="x"/> ⊙ <paramref name="y"/>, y broadcast to x's shape (BigDL <c>cmul(x, y)</c>).</summary>
    public Tensor<T> CMul(Tensor<T> x, Tensor<T> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Binary(x, x.BroadcastOperand(y, nameof(y)), new BinaryAction<T>(BinaryOp.Mul));
    }

    /// <summary>Element-wise quotient by <paramref name="other"/>, broadcast to this shape (BigDL <c>cdiv(y)</c>).</summary>
    public Tensor<T> CDiv(Tensor<T> other) => Binary(this, BroadcastOperand(other, nameof(other)), new BinaryAction<T>(BinaryOp.Div));

    /// <summary>this = <paramref name="x"/> / <paramref name="y"/> element-wise, y broadcast to x's shape (BigDL <c>cdiv(x, y)</c>).</summary>
    public Tensor<T> CDiv(Tensor<T> x, Tensor<T> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Binary(x, x.BroadcastOperand(y, nameof(y)), new BinaryAction<T>(BinaryOp.Div));
    }

    /// <summary>this += <paramref name="value"/>·<paramref name="tensor1"/>⊙<paramref name="tensor2"/>, both broadcast to this shape (BigDL <c>addcmul</c>).</summary>
    public Tensor<T> AddCMul(T value, Tensor<T> tensor1, Tensor<T> tensor2) => Ternary(TernaryOp.AddCMul, value, tensor1, tensor2);

    /// <summary>this += <paramref name="value"/>·<paramref name="tensor1"/>/<paramref name="tensor2"/>, both broadcast to this shape (BigDL <c>addcdiv</c>).</summary>
    public Tensor<T> AddCDiv(T value, Tensor<T> tensor1, Tensor<T> tensor2) => Ternary(TernaryOp.AddCDiv, value, tensor1, tensor2);

    /// <summary>Element-wise maximum with <paramref name="value"/> (BigDL <c>cmax(value)</c>).</summary>
    public Tensor<T> CMax(T value) => Unary(this, new UnaryAction<T>(UnaryOp.MaxScalar, value));

    /// <summary>Element-wise minimum with <paramref name="value"/> (BigDL <c>cmin(value)</c>).</summary>
    public Tensor<T> CMin(T value) => Unary(this, new UnaryAction<T>(UnaryOp.MinScalar, value));

    /// <summary>Element-wise maximum with <paramref name="other"/>, broadcast to this shape (BigDL <c>cmax(y)</c>).</summary>
    public Tensor<T> CMax(Tensor<T> other) => Binary(this, BroadcastOperand(other, nameof(other)), new BinaryAction<T>(BinaryOp.Max));

    /// <summary>Element-wise minimum with <paramref name="other"/>, broadcast to this shape (BigDL <c>cmin(y)</c>).</summary>
    public Tensor<T> CMin(Tensor<T> other) => Binary(this, BroadcastOperand(other, nameof(other)), new BinaryAction<T>(BinaryOp.Min));

    private Tensor<T> Ternary(TernaryOp op, T value, Tensor<T> tensor1, Tensor<T> tensor2)
    {
        var t1 = BroadcastOperand(tensor1, nameof(tensor1));
        var t2 = BroadcastOperand(tensor2, nameof(tensor2));
        ElementWalk.Run(this, this, t1, t2, new TernaryAction<T>(op, value));
        return this;
    }

    /// <summary>Writes f(<paramref name="x"/>) into this tensor (resized to x's size when it differs).</summary>
    private Tensor<T> Unary(Tensor<T> x, UnaryAction<T> action)
    {
        ArgumentNullException.ThrowIfNull(x);
        ElementWalk.Run(OutputFor(x), x, action);
        return this;
    }

    /// <summary>Writes x ∘ y into this tensor (resized to x's size when it differs); y already has x's shape.</summary>
    private Tensor<T> Binary(Tensor<T> x, Tensor<T> y, BinaryAction<T> action)
    {
        ElementWalk.Run(OutputFor(x), x, y, action);
        return this;
    }

    /// <summary>This tensor, resized to the size of <paramref name="source"/> (a same-size destination keeps its strides).</summary>
    private Tensor<T> OutputFor(Tensor<T> source) => IsSameSizeAs(source) ? this : Resize(source._size);

    /// <summary><paramref name="other"/> as a view with this tensor's shape (Torch/NumPy broadcasting), or a clear error.</summary>
    internal Tensor<T> BroadcastOperand(Tensor<T> other, string paramName)
    {
        ArgumentNullException.ThrowIfNull(other, paramName);
        if (other.IsSameSizeAs(this)) return other;
        int[] shape;
        try
        {
            shape = Shape.Broadcast(_size, other._size, paramName);
        }
        catch (ArgumentException)
        {
            shape = [];
        }
        if (!shape.AsSpan().SequenceEqual(_size) || (other.IsEmpty && !IsEmpty))
            throw new ArgumentException($"{paramName} of size {Shape.Format(other._size)} cannot be broadcast to this tensor's size {Shape.Format(_size)}", paramName);
        return other.Expand(_size);
    }
}
