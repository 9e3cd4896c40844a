using System.Numerics;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>The criterion's loss, averaged over records (each batch weighted by its size).</summary>
/// <remarks>BigDL's <c>Loss</c> (which averaged per batch); the default criterion is ClassNLLCriterion.</remarks>
public sealed class Loss<T> : ValidationMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Loss of <paramref name="criterion"/> (default <see cref="ClassNLLCriterion{T}"/>).</summary>
    public Loss(Criterion<T>? criterion = null) => Criterion = criterion ?? new ClassNLLCriterion<T>();

    /// <summary>The criterion whose loss is reported.</summary>
    public Criterion<T> Criterion { get; }

    /// <inheritdoc/>
    public override ValidationResult Apply(Tensor<T> output, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(output);
        int records = output.Dim() <= 1 ? 1 : output.Size(0);
        double loss = double.CreateTruncating(Criterion.Forward(output, target));
        return new MeanResult(Name, loss * (Criterion.AveragesOverBatch ? records : 1), records);
    }
}
