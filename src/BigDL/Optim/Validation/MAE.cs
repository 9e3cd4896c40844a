using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>Mean absolute error between output and target, over all their elements.</summary>
/// <remarks>BigDL's <c>MAE</c>.</remarks>
public sealed class MAE<T> : ValidationMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override ValidationResult Apply(Tensor<T> output, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(target);
        if (output.NElement() != target.NElement())
            throw new ArgumentException(
                $"MAE: output [{string.Join(", ", output.Size())}] and target [{string.Join(", ", target.Size())}] have different numbers of elements", nameof(target));
        var o = output.Contiguous().AsSpan();
        var t = target.Contiguous().AsSpan();
        double sum = 0;
        for (int i = 0; i < o.Length; i++) sum += Math.Abs(double.CreateTruncating(o[i]) - double.CreateTruncating(t[i]));
        return new MeanResult(Name, sum, o.Length);
    }
}
