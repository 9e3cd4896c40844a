using System.Numerics;
using System.Numerics.Tensors;

namespace BigDL.Tensors.Kernels;

/// <summary>destination = x ∘ y for one <see cref="BinaryOp"/>, chosen once per run. In-place aliasing is allowed.</summary>
internal readonly struct BinaryAction<T>(BinaryOp op, T alpha = default!) : ISpanAction3<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(Span<T> d, ReadOnlySpan<T> x, ReadOnlySpan<T> y)
    {
        switch (op)
        {
            case BinaryOp.AddScaled:
                if (alpha == T.One) TensorPrimitives.Add(x, y, d);
                else if (alpha == -T.One) TensorPrimitives.Subtract(x, y, d);
                else TensorPrimitives.MultiplyAdd(y, alpha, x, d);
                break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(x, y, d); break;
            case BinaryOp.Div: TensorPrimitives.Divide(x, y, d); break;
            case BinaryOp.Max: TensorPrimitives.Max(x, y, d); break;
            case BinaryOp.Min: TensorPrimitives.Min(x, y, d); break;
            case BinaryOp.Gt: for (int i = 0; i < d.Length; i++) d[i] = x[i] > y[i] ? T.One : T.Zero; break;
            case BinaryOp.Ge: for (int i = 0; i < d.Length; i++) d[i] = x[i] >= y[i] ? T.One : T.Zero; break;
            case BinaryOp.Lt: for (int i = 0; i < d.Length; i++) d[i] = x[i] < y[i] ? T.One : T.Zero; break;
            case BinaryOp.Le: for (int i = 0; i < d.Length; i++) d[i] = x[i] <= y[i] ? T.One : T.Zero; break;
            case BinaryOp.Eq: for (int i = 0; i < d.Length; i++) d[i] = x[i] == y[i] ? T.One : T.Zero; break;
            case BinaryOp.Ne: for (int i = 0; i < d.Length; i++) d[i] = x[i] != y[i] ? T.One : T.Zero; break;
            case BinaryOp.MaskedFill: for (int i = 0; i < d.Length; i++) d[i] = T.IsZero(y[i]) ? x[i] : alpha; break;
            default: throw new InvalidOperationException($"unknown binary operation {op}");
        }
    }
}
