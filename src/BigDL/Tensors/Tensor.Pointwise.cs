using BigDL.Tensors.Kernels;

namespace BigDL.Tensors;

// Unary math. Each method works in place and returns this; the overload with a source x writes f(x) into this
// tensor (resized to x's size when it differs), Torch's y:exp(x). Out of place: x.Clone().Exp().
public sealed partial class Tensor<T>
{
    /// <summary>Raises every element to <paramref name="exponent"/> (BigDL <c>pow(n)</c>).</summary>
    public Tensor<T> Pow(T exponent) => Unary(this, new UnaryAction<T>(UnaryOp.Pow, exponent));

    /// <summary>this = <paramref name="x"/>^<paramref name="exponent"/> (BigDL <c>pow(x, n)</c>).</summary>
    public Tensor<T> Pow(Tensor<T> x, T exponent) => Unary(x, new UnaryAction<T>(UnaryOp.Pow, exponent));

    /// <summary>Squares every element (BigDL <c>square()</c>).</summary>
    public Tensor<T> Square() => Unary(this, new UnaryAction<T>(UnaryOp.Square));

    /// <summary>eˣ of every element (BigDL <c>exp()</c>).</summary>
    public Tensor<T> Exp() => Unary(this, new UnaryAction<T>(UnaryOp.Exp));

    /// <summary>this = exp(<paramref name="x"/>).</summary>
    public Tensor<T> Exp(Tensor<T> x) => Unary(x, new UnaryAction<T>(UnaryOp.Exp));

    /// <summary>Natural logarithm of every element (BigDL <c>log()</c>).</summary>
    public Tensor<T> Log() => Unary(this, new UnaryAction<T>(UnaryOp.Log));

    /// <summary>this = log(<paramref name="x"/>).</summary>
    public Tensor<T> Log(Tensor<T> x) => Unary(x, new UnaryAction<T>(UnaryOp.Log));

    /// <summary>log(1 + x) of every element, accurate for small x (BigDL <c>log1p()</c>).</summary>
    public Tensor<T> Log1p() => Unary(this, new UnaryAction<T>(UnaryOp.Log1p));

    /// <summary>this = log(1 + <paramref name="x"/>).</summary>
    public Tensor<T> Log1p(Tensor<T> x) => Unary(x, new UnaryAction<T>(UnaryOp.Log1p));

    /// <summary>Square root of every element (BigDL <c>sqrt()</c>).</summary>
    public Tensor<T> Sqrt() => Unary(this, new UnaryAction<T>(UnaryOp.Sqrt));

    /// <summary>this = √<paramref name="x"/>.</summary>
    public Tensor<T> Sqrt(Tensor<T> x) => Unary(x, new UnaryAction<T>(UnaryOp.Sqrt));

    /// <summary>Absolute value of every element (BigDL <c>abs()</c>).</summary>
    public Tensor<T> Abs() => Unary(this, new UnaryAction<T>(UnaryOp.Abs));

    /// <summary>this = |<paramref name="x"/>|.</summary>
    public Tensor<T> Abs(Tensor<T> x) => Unary(x, new UnaryAction<T>(UnaryOp.Abs));

    /// <summary>Negates every element (BigDL <c>negative()</c>).</summary>
    public Tensor<T> Neg() => Unary(this, new UnaryAction<T>(UnaryOp.Neg));

    /// <summary>this = −<paramref name="x"/>.</summary>
    public Tensor<T> Neg(Tensor<T> x) => Unary(x, new UnaryAction<T>(UnaryOp.Neg));

    /// <summary>Hyperbolic tangent of every element (BigDL <c>tanh()</c>).</summary>
    public Tensor<T> Tanh() => Unary(this, new UnaryAction<T>(UnaryOp.Tanh));

    /// <summary>this = tanh(<paramref name="x"/>).</summary>
    public Tensor<T> Tanh(Tensor<T> x) => Unary(x, new UnaryAction<T>(UnaryOp.Tanh));

    /// <summary>Logistic sigmoid 1/(1 + e⁻ˣ) of every element.</summary>
    public Tensor<T> Sigmoid() => Unary(this, new UnaryAction<T>(UnaryOp.Sigmoid));

    /// <summary>this = sigmoid(<paramref name="x"/>).</summary>
    public Tensor<T> Sigmoid(Tensor<T> x) => Unary(x, new UnaryAction<T>(UnaryOp.Sigmoid));

    /// <summary>Limits every element to [<paramref name="min"/>, <paramref name="max"/>] (BigDL <c>clamp</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="min"/> is greater than <paramref name="max"/>.</exception>
    public Tensor<T> Clamp(T min, T max)
    {
        if (min > max) throw new ArgumentException($"Clamp needs min <= max, got min {min} and max {max}", nameof(min));
        return Unary(this, new UnaryAction<T>(UnaryOp.Clamp, min, max));
    }

    /// <summary>−1, 0 or 1 by the sign of every element (NaN stays NaN) (BigDL <c>sign()</c>).</summary>
    public Tensor<T> Sign() => Unary(this, new UnaryAction<T>(UnaryOp.Sign));

    /// <summary>Rounds every element down (BigDL <c>floor()</c>).</summary>
    public Tensor<T> Floor() => Unary(this, new UnaryAction<T>(UnaryOp.Floor));

    /// <summary>Rounds every element up (BigDL <c>ceil()</c>).</summary>
    public Tensor<T> Ceil() => Unary(this, new UnaryAction<T>(UnaryOp.Ceil));

    /// <summary>Rounds every element to the nearest integer, halves away from zero as Torch (2.5 → 3, −2.5 → −3).</summary>
    public Tensor<T> Round() => Unary(this, new UnaryAction<T>(UnaryOp.Round));
}
