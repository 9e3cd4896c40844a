using System.Numerics;
using System.Numerics.Tensors;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// destination = f(x) for one <see cref="UnaryOp"/>, chosen once per run (never per element); each case is a
/// whole-run <see cref="TensorPrimitives"/> call or a plain loop the JIT keeps tight. Exact aliasing of
/// destination and x (in-place use) is allowed.
/// </summary>
internal readonly struct UnaryAction<T>(UnaryOp op, T a = default!, T b = default!) : ISpanAction2<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(Span<T> d, ReadOnlySpan<T> x)
    {
        switch (op)
        {
            case UnaryOp.AddScalar: TensorPrimitives.Add(x, a, d); break;
            case UnaryOp.MulScalar: TensorPrimitives.Multiply(x, a, d); break;
            case UnaryOp.ScalarMinus: TensorPrimitives.Subtract(a, x, d); break;
            case UnaryOp.ScalarDivide: TensorPrimitives.Divide(a, x, d); break;
            case UnaryOp.Pow: TensorPrimitives.Pow(x, a, d); break;
            case UnaryOp.Square: TensorPrimitives.Multiply(x, x, d); break;
            case UnaryOp.Exp: TensorPrimitives.Exp(x, d); break;
            case UnaryOp.Log: TensorPrimitives.Log(x, d); break;
            case UnaryOp.Log1p: TensorPrimitives.LogP1(x, d); break;
            case UnaryOp.Sqrt: TensorPrimitives.Sqrt(x, d); break;
            case UnaryOp.Abs: TensorPrimitives.Abs(x, d); break;
            case UnaryOp.Neg: TensorPrimitives.Negate(x, d); break;
            case UnaryOp.Tanh when typeof(T) == typeof(float) && FastTanh.IsSupported:
                FastTanh.Apply(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(x), System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(d));
                break;
            case UnaryOp.Tanh: TensorPrimitives.Tanh(x, d); break;
            case UnaryOp.Sigmoid: TensorPrimitives.Sigmoid(x, d); break;
            case UnaryOp.Clamp: TensorPrimitives.Max(x, a, d); TensorPrimitives.Min(d, b, d); break;
            case UnaryOp.Floor: TensorPrimitives.Floor(x, d); break;
            case UnaryOp.Ceil: TensorPrimitives.Ceiling(x, d); break;
            case UnaryOp.Round: TensorPrimitives.Round(x, MidpointRounding.AwayFromZero, d); break;
            case UnaryOp.MaxScalar: TensorPrimitives.Max(x, a, d); break;
            case UnaryOp.MinScalar: TensorPrimitives.Min(x, a, d); break;
            case UnaryOp.Sign: for (int i = 0; i < d.Length; i++) d[i] = T.IsNaN(x[i]) ? x[i] : T.CreateTruncating(T.Sign(x[i])); break;
            case UnaryOp.Gt: for (int i = 0; i < d.Length; i++) d[i] = x[i] > a ? T.One : T.Zero; break;
            case UnaryOp.Ge: for (int i = 0; i < d.Length; i++) d[i] = x[i] >= a ? T.One : T.Zero; break;
            case UnaryOp.Lt: for (int i = 0; i < d.Length; i++) d[i] = x[i] < a ? T.One : T.Zero; break;
            case UnaryOp.Le: for (int i = 0; i < d.Length; i++) d[i] = x[i] <= a ? T.One : T.Zero; break;
            case UnaryOp.Eq: for (int i = 0; i < d.Length; i++) d[i] = x[i] == a ? T.One : T.Zero; break;
            case UnaryOp.Ne: for (int i = 0; i < d.Length; i++) d[i] = x[i] != a ? T.One : T.Zero; break;
            default: throw new InvalidOperationException($"unknown unary operation {op}");
        }
    }
}
